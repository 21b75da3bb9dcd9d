// The terminal guard in REAL shells: interactive bash and zsh on a pty, with and without VS Code's
// shell integration, with a person's rc file that sets its own PROMPT_COMMAND / DEBUG trap (bash) or
// precmd / accept-line widget (zsh); and the non-interactive backstops (`bash -c` as a task runs it,
// `#!/bin/bash` scripts, `zsh -c`). Destructive commands must not run (their marker stays unchanged),
// ordinary ones run unchanged, and the person's own hooks keep firing.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { bundleCli, findVscodeScripts, hasShell, makeSandbox, removeSandboxes, runInteractive, runNonInteractive, terminalEnv } from './shellHarness';
import type { Sandbox } from './shellHarness';

const DESTRUCTIVE = ['railway volume delete vol-123', `psql "$DATABASE_URL" -c 'DROP TABLE users'`, 'rm -rf ~/project'];
const ORDINARY = ['ls > "$MARKERS/ls.out"', 'git status && echo ok >> "$MARKERS/git.ran"', 'npm test --silent'];
const LINES = ['cd ~/project', ...DESTRUCTIVE, ...ORDINARY, 'echo still-alive >> "$MARKERS/alive.ran"'];

const BASHRC_APPENDING = `PS1='$ '
HISTCONTROL=ignoreboth
PROMPT_COMMAND="\${PROMPT_COMMAND:+$PROMPT_COMMAND; }echo pc >> \\"\\$MARKERS/userpc.ran\\""
trap 'echo trap >> "$MARKERS/usertrap.ran"' DEBUG
`;
// The style that overwrites whatever PROMPT_COMMAND was inherited.
const BASHRC_CLOBBERING = `PS1='$ '
PROMPT_COMMAND='echo pc >> "$MARKERS/userpc.ran"'
trap 'echo trap >> "$MARKERS/usertrap.ran"' DEBUG
`;
const ZSHRC = `PS1='%% '
precmd() { echo pc >> "$MARKERS/userpc.ran" }
my-accept() { echo acc >> "$MARKERS/useraccept.ran"; zle .accept-line }
zle -N accept-line my-accept
`;

function assertStoppedAndOrdinaryRan(sb: Sandbox, output: string): void {
  const ctx = `\n--- shell output ---\n${output.slice(-4000)}`;
  assert.equal(sb.count('railway.ran'), 0, `railway volume delete ran${ctx}`);
  assert.equal(sb.count('psql.ran'), 0, `psql DROP TABLE ran${ctx}`);
  assert.ok(sb.exists(path.join(sb.project, 'data.txt')), `rm -rf ~/project ran${ctx}`);
  assert.ok(sb.exists(path.join(sb.markers, 'ls.out')), `ls did not run${ctx}`);
  assert.equal(sb.count('git.ran'), 1, `git status did not run${ctx}`);
  assert.equal(sb.count('npm.ran'), 1, `npm test did not run${ctx}`);
  assert.equal(sb.count('alive.ran'), 1, `the shell did not keep working after the blocks${ctx}`);
  assert.match(output, /Agent Guard blocked/, `no block message shown${ctx}`);
}

// Forms that hid a destructive command from the shells' word scan (issue 15 item 7): each deletes its own
// folder ~/tN (data.txt inside must survive). `tN` is filled in per form.
const COMPUTED_FORMS: readonly string[] = [
  '/usr/bin/r[m] -rf ~/tN',
  '{rm,-rf,~/tN}',
  'a=rm; b=$a; $b -rf ~/tN',
  'rm${IFS}-rf${IFS}$HOME/tN',
  'flock /tmp/ag-lock-$$ rm -rf ~/tN',
  "make -f /dev/null --eval='x: ; rm -rf ~/tN' x",
  "git -c alias.x='!rm -rf ~/tN' x",
  `${'env '.repeat(33)}rm -rf ~/tN`,
  'f() { rm -rf "$1"; }; f ~/tN',
  'echo BASE64 | base64 -d | sh',
];
function computedForm(i: number): string {
  const form = COMPUTED_FORMS[i].replace(/tN/g, `t${i}`);
  return form.replace('BASE64', Buffer.from(`rm -rf ~/t${i}`).toString('base64'));
}
function makeComputedTargets(sb: Sandbox): void {
  COMPUTED_FORMS.forEach((_f, i) => {
    fs.mkdirSync(path.join(sb.home, `t${i}`));
    fs.writeFileSync(path.join(sb.home, `t${i}`, 'data.txt'), 'precious\n');
  });
}
function assertComputedFormsStopped(sb: Sandbox, output: string): void {
  const ran = COMPUTED_FORMS.map((_f, i) => i).filter((i) => !sb.exists(path.join(sb.home, `t${i}`, 'data.txt')));
  assert.deepEqual(ran.map(computedForm), [], `these forms ran:\n--- shell output ---\n${output.slice(-4000)}`);
}

const PROMPT = 'AGPROMPT> ';

/**
 * Like runInteractive, but each line is typed only after the shell has shown its prompt again: a blocked
 * line interrupts the shell (SIGINT), which would discard lines typed ahead of it unchecked.
 */
function runPaced(argv: string, env: NodeJS.ProcessEnv, lines: readonly string[], cwd: string, timeoutMs = 150_000): Promise<string> {
  return new Promise((resolve, reject) => {
    // `script` starts argv through $SHELL -c: /bin/sh, so no guarded bash judges the terminal's own start
    // (`bash --init-file <VS Code's script>` is what VS Code runs, not something typed into a terminal).
    const child = spawn('script', ['-qfec', argv, '/dev/null'], { env: { ...env, SHELL: '/bin/sh' }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const queue = [...lines, 'exit'];
    let sent = 0;
    const onData = (d: Buffer): void => {
      output += d.toString('utf8');
      const prompts = output.split(PROMPT).length - 1;
      if (prompts > sent && queue.length > 0) {
        sent = prompts;
        child.stdin.write(queue.shift() + '\n');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`shell timed out; output so far:\n${output}`));
    }, timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output.replace(/\r/g, ''));
    });
  });
}

describe(`terminal guard in real shells${findVscodeScripts() ? '' : ' (VS Code shell integration scripts not in .e2e-cache: with-integration cases not run)'}`, function () {
  this.timeout(180_000);
  let cliDir: string;
  let cliPath: string;
  const vscodeScripts = findVscodeScripts();
  // `npm test` installs code-server first and sets this: there, the with-integration cases must run.
  if (!vscodeScripts && process.env.AGENT_GUARD_REQUIRE_VSCODE_SCRIPTS === '1') {
    it('finds VS Code shell integration scripts in .e2e-cache (run scripts/e2e/setup.sh)', () => {
      throw new Error('VS Code shell integration scripts not found in .e2e-cache: the with-integration cases cannot run');
    });
  }

  before(function () {
    cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-cli-'));
    cliPath = bundleCli(cliDir);
  });
  after(() => {
    fs.rmSync(cliDir, { recursive: true, force: true });
    removeSandboxes();
  });

  describe('bash, interactive', function () {
    // The with-integration cases need code-server's copy of VS Code's scripts (installed by the e2e setup
    // into .e2e-cache); without it they are not registered, and the describe title says so.
    for (const integration of vscodeScripts ? [false, true] : [false]) {
      const label = integration ? 'with VS Code shell integration' : 'without shell integration';
      it(`${label}: stops the three destructive commands, runs ls/git status/npm test, keeps the person's PROMPT_COMMAND and DEBUG trap`, async function () {
        const sb = makeSandbox(cliDir);
        fs.writeFileSync(path.join(sb.home, '.bashrc'), BASHRC_APPENDING);
        const env = terminalEnv(sb, { cliPath, withIntegration: integration, extra: integration ? { VSCODE_INJECTION: '1' } : {} });
        const argv = integration ? `bash --init-file ${vscodeScripts}/shellIntegration-bash.sh` : 'bash -i';
        const { output } = await runInteractive(argv, env, LINES, sb.home);
        assertStoppedAndOrdinaryRan(sb, output);
        assert.ok(sb.count('userpc.ran') >= LINES.length, `the person's PROMPT_COMMAND stopped firing (${sb.count('userpc.ran')})`);
        assert.ok(sb.count('usertrap.ran') >= ORDINARY.length + 2, `the person's DEBUG trap stopped firing (${sb.count('usertrap.ran')})`);
        if (integration) {
          // VS Code's command detection still sees each command and its exit code (with HISTCONTROL=ignoreboth
          // VS Code reports $BASH_COMMAND, the first simple command, by its own design).
          assert.ok(output.includes('\x1b]633;E;git status;'), 'VS Code did not receive the command line (633;E)');
          assert.ok(output.includes('\x1b]633;C\x07'), 'VS Code did not receive command start (633;C)');
          assert.ok(output.includes('\x1b]633;D;0\x07'), 'VS Code did not receive a command end (633;D)');
          assert.ok(output.includes('\x1b]633;D;130\x07'), 'a blocked command did not end as interrupted (633;D;130)');
        }
      });
    }

    if (vscodeScripts) it('with VS Code shell integration and an rc file that overwrites PROMPT_COMMAND: still guarded (re-applied after the rc files)', async function () {
      const sb = makeSandbox(cliDir);
      fs.writeFileSync(path.join(sb.home, '.bashrc'), BASHRC_CLOBBERING);
      const env = terminalEnv(sb, { cliPath, withIntegration: true, extra: { VSCODE_INJECTION: '1' } });
      const { output } = await runInteractive(`bash --init-file ${vscodeScripts}/shellIntegration-bash.sh`, env, LINES, sb.home);
      assertStoppedAndOrdinaryRan(sb, output);
      assert.ok(sb.count('userpc.ran') >= LINES.length, 'the person\'s PROMPT_COMMAND stopped firing');
    });

    it('an alias, a function, a variable in command position and a secret-store path are stopped too; `$_` and `$?` are intact', async function () {
      const sb = makeSandbox(cliDir);
      fs.mkdirSync(path.join(sb.home, '.ssh'));
      fs.writeFileSync(path.join(sb.home, '.ssh/id_rsa'), 'PRIVATE KEY\n');
      fs.writeFileSync(path.join(sb.home, '.bashrc'), `${BASHRC_APPENDING}alias nuke='railway volume delete vol-9'\nwipe() { psql "$DATABASE_URL" -c 'DROP TABLE users'; }\n`);
      const env = terminalEnv(sb, { cliPath, withIntegration: false });
      const lines = [
        'nuke',
        'wipe',
        'X=railway; $X volume delete vol-7',
        'cat ~/.ssh/id_rsa >> "$MARKERS/secret.ran"',
        'ls 2>/dev/null >> "$MARKERS/devnull.ran"',
        'echo one two; echo "last=$_" >> "$MARKERS/last.ran"',
        'false; echo "status=$?" >> "$MARKERS/status.ran"',
      ];
      const { output } = await runInteractive('bash -i', env, lines, sb.home);
      assert.equal(sb.count('railway.ran'), 0, output);
      assert.equal(sb.count('psql.ran'), 0, output);
      assert.equal(sb.count('secret.ran'), 0, output);
      assert.ok(sb.count('devnull.ran') > 0, `\`ls 2>/dev/null\` did not run: ${output}`);
      assert.equal(fs.readFileSync(path.join(sb.markers, 'last.ran'), 'utf8').trim(), 'last=two');
      assert.equal(fs.readFileSync(path.join(sb.markers, 'status.ran'), 'utf8').trim(), 'status=1');
    });
  });

  describe('computed names and nested wrappers (issue 15 item 7)', function () {
    for (const shell of ['bash', 'zsh'] as const) {
      for (const integration of vscodeScripts ? [false, true] : [false]) {
        const label = integration ? 'with VS Code shell integration' : 'without shell integration';
        it(`interactive ${shell}, ${label}: ten forms that hid a delete from the word scan do not run`, async function () {
          if (!hasShell(shell)) throw new Error(`${shell} is not installed`);
          const sb = makeSandbox(cliDir);
          makeComputedTargets(sb);
          let env = terminalEnv(sb, { cliPath, withIntegration: integration, extra: integration ? { VSCODE_INJECTION: '1' } : {} });
          let argv = shell === 'bash' ? 'bash -i' : 'zsh -i';
          if (shell === 'bash') {
            fs.writeFileSync(path.join(sb.home, '.bashrc'), `PS1='${PROMPT}'\n`);
            if (integration) argv = `bash --init-file ${vscodeScripts}/shellIntegration-bash.sh`;
          } else {
            fs.writeFileSync(path.join(sb.home, '.zshrc'), `PS1='${PROMPT}'\n`);
            if (integration) {
              const vz = path.join(sb.root, 'vscode-zdotdir');
              fs.mkdirSync(vz);
              for (const [from, to] of [['shellIntegration-rc.zsh', '.zshrc'], ['shellIntegration-profile.zsh', '.zprofile'], ['shellIntegration-env.zsh', '.zshenv'], ['shellIntegration-login.zsh', '.zlogin']]) {
                fs.copyFileSync(path.join(vscodeScripts!, from), path.join(vz, to));
              }
              env = { ...env, USER_ZDOTDIR: env.ZDOTDIR, ZDOTDIR: vz };
            }
          }
          const lines = ['cd ~/project', ...COMPUTED_FORMS.map((_f, i) => computedForm(i)), 'echo still-alive >> "$MARKERS/alive.ran"'];
          const output = await runPaced(argv, env, lines, sb.home);
          assertComputedFormsStopped(sb, output);
          // Each form reached the guard (none was swallowed unchecked): one block message per form.
          assert.equal(output.split('Agent Guard blocked').length - 1 >= COMPUTED_FORMS.length, true, `not every form was checked\n${output.slice(-4000)}`);
          assert.equal(sb.count('alive.ran'), 1, `the shell did not keep working after the blocks\n${output.slice(-2000)}`);
        });
      }
    }
    it('`bash -c` (tasks, agents): the ten forms end with 20 before they run', () => {
      const sb = makeSandbox(cliDir);
      makeComputedTargets(sb);
      const env = terminalEnv(sb, { cliPath, withIntegration: false });
      const codes = COMPUTED_FORMS.map((_f, i) => runNonInteractive('/bin/bash', ['-c', computedForm(i)], env, sb.home));
      assertComputedFormsStopped(sb, codes.map((r) => r.output).join('\n'));
      codes.forEach((r, i) => assert.equal(r.code, 20, `${computedForm(i)}: ${r.output}`));
    });
  });

  describe('zsh, interactive', function () {
    before(function () {
      if (!hasShell('zsh')) throw new Error('zsh is not installed (apt-get install -y zsh)');
    });
    for (const integration of vscodeScripts ? [false, true] : [false]) {
      const label = integration ? 'with VS Code shell integration' : 'without shell integration';
      it(`${label}: stops the three destructive commands, runs ls/git status/npm test, keeps the person's precmd and accept-line widget`, async function () {
        const sb = makeSandbox(cliDir);
        fs.writeFileSync(path.join(sb.home, '.zshrc'), ZSHRC);
        let env = terminalEnv(sb, { cliPath, withIntegration: integration });
        if (integration) {
          // What VS Code does: its own ZDOTDIR with its four scripts; the one it found becomes USER_ZDOTDIR.
          const vz = path.join(sb.root, 'vscode-zdotdir');
          fs.mkdirSync(vz);
          for (const [from, to] of [['shellIntegration-rc.zsh', '.zshrc'], ['shellIntegration-profile.zsh', '.zprofile'], ['shellIntegration-env.zsh', '.zshenv'], ['shellIntegration-login.zsh', '.zlogin']]) {
            fs.copyFileSync(path.join(vscodeScripts!, from), path.join(vz, to));
          }
          env = { ...env, USER_ZDOTDIR: env.ZDOTDIR, ZDOTDIR: vz, VSCODE_INJECTION: '1' };
        }
        const { output } = await runInteractive('zsh -i', env, LINES, sb.home);
        assertStoppedAndOrdinaryRan(sb, output);
        assert.ok(sb.count('userpc.ran') >= LINES.length, `the person's precmd stopped firing (${sb.count('userpc.ran')})`);
        assert.ok(sb.count('useraccept.ran') >= LINES.length, `the person's accept-line widget stopped running (${sb.count('useraccept.ran')})`);
        if (integration) assert.ok(output.includes('\x1b]633;E;git status'), 'VS Code did not receive the command line (633;E)');
      });
    }
  });

  describe('non-interactive backstops (tasks, scripts, bash -c)', function () {
    let sb: Sandbox;
    let env: NodeJS.ProcessEnv;
    beforeEach(() => {
      sb = makeSandbox(cliDir);
      env = terminalEnv(sb, { cliPath, withIntegration: false });
    });

    it('a task-like `bash -c` with a destructive command ends with 20 before it runs', () => {
      for (const cmd of DESTRUCTIVE) {
        const r = runNonInteractive('/bin/bash', ['-c', `${cmd}; echo after >> "$MARKERS/after.ran"`], env, sb.home);
        assert.equal(r.code, 20, `${cmd}: ${r.output}`);
      }
      assert.equal(sb.count('railway.ran') + sb.count('psql.ran') + sb.count('after.ran'), 0);
      assert.ok(sb.exists(path.join(sb.project, 'data.txt')));
    });

    it('a task line whose first command is harmless is stopped as a whole before anything runs (e2e F6)', () => {
      const r = runNonInteractive('/bin/bash', ['-c', `echo first >> "$MARKERS/first.ran" && ${DESTRUCTIVE[1]}`], env, sb.home);
      assert.equal(r.code, 20, r.output);
      assert.equal(sb.count('first.ran'), 0, 'the harmless first command did not run either');
      assert.equal(sb.count('psql.ran'), 0);
    });

    it('ordinary `bash -c` commands run unchanged', () => {
      const r = runNonInteractive('/bin/bash', ['-c', 'cd ~/project && ls >/dev/null && git status >/dev/null && npm test --silent && echo fine'], env, sb.home);
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /fine/);
      assert.equal(sb.count('npm.ran'), 1);
    });

    it('a #!/bin/bash script under `set -euo pipefail` stops at the destructive line; its ordinary lines ran', () => {
      const script = path.join(sb.root, 'deploy.sh');
      fs.writeFileSync(script, `#!/bin/bash\nset -euo pipefail\nIFS=$'\\n'\nls >/dev/null\necho before >> "$MARKERS/before.ran"\nx=$(psql "$DATABASE_URL" -c 'DROP TABLE users')\necho after >> "$MARKERS/after.ran"\n`, { mode: 0o755 });
      const r = runNonInteractive(script, [], env, sb.home);
      assert.notEqual(r.code, 0, r.output);
      assert.equal(sb.count('before.ran'), 1, r.output);
      assert.equal(sb.count('psql.ran'), 0, r.output);
      assert.equal(sb.count('after.ran'), 0, r.output);
    });

    it('keeps the person\'s own BASH_ENV working', () => {
      const userEnv = path.join(sb.root, 'user-bash-env');
      fs.writeFileSync(userEnv, 'userfn() { echo from-user-bash-env; }\n');
      const r = runNonInteractive('/bin/bash', ['-c', 'userfn'], { ...env, AGENT_GUARD_USER_BASH_ENV: userEnv }, sb.home);
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /from-user-bash-env/);
    });

    it('`zsh -c` stops a destructive command and runs an ordinary one', function () {
      if (!hasShell('zsh')) throw new Error('zsh is not installed');
      const bad = runNonInteractive('zsh', ['-c', 'railway volume delete vol-1; echo after >> "$MARKERS/after.ran"'], env, sb.home);
      assert.equal(bad.code, 20, bad.output);
      assert.equal(sb.count('railway.ran') + sb.count('after.ran'), 0);
      const ok = runNonInteractive('zsh', ['-c', 'ls >/dev/null && echo fine'], env, sb.home);
      assert.equal(ok.code, 0, ok.output);
      assert.match(ok.output, /fine/);
    });

    it('CLI missing: says so, blocks trigger hits only, ordinary commands still run', () => {
      const broken = { ...env, AGENT_GUARD_CLI: path.join(sb.root, 'no-such-cli.js') };
      const ok = runNonInteractive('/bin/bash', ['-c', 'ls >/dev/null && echo fine'], broken, sb.home);
      assert.equal(ok.code, 0, ok.output);
      const bad = runNonInteractive('/bin/bash', ['-c', 'railway volume delete vol-1'], broken, sb.home);
      assert.equal(bad.code, 20, bad.output);
      assert.match(bad.output, /cannot find the Agent Guard CLI/);
      assert.equal(sb.count('railway.ran'), 0);
    });

    it('guard switched off for this terminal: the command runs, and the shell says the guard is off', () => {
      fs.writeFileSync(path.join(sb.stateDir, 'off-4242'), 'test\n');
      const r = runNonInteractive('/bin/bash', ['-c', 'railway volume delete vol-1'], { ...env, AGENT_GUARD_TERMINAL_PID: '4242' }, sb.home);
      assert.equal(r.code, 0, r.output);
      assert.equal(sb.count('railway.ran'), 1);
      assert.match(r.output, /guard is OFF for this terminal/);
    });
  });
});
