// The environment the terminal guard hands to shells, and the PROMPT_COMMAND line's promises, checked
// with a real bash where the promise is about bash's parser or `$?`.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultPolicy } from '../../../src/engine/policy';
import { promptCommandLine, shellEnvironment, TERMINAL_GUARD_VARIABLES } from '../../../src/extension/terminal/shellEnvironment';
import { ARGV_PASSTHROUGH_WRAPPERS, shellTriggerWords } from '../../../src/extension/terminal/shellTriggerWords';
import { ZDOTDIR_FILES } from '../../../src/extension/terminal/zdotdirFiles';

const INPUT = {
  shellDir: '/ext/dist/shell',
  cliPath: '/ext/dist/cli.js',
  nodePath: '/usr/bin/node',
  triggers: { words: ['railway', 'psql'], deep: ['psql'], substrings: ['/dev/', '.aws'] },
  stateDir: '/state',
  zdotdir: '/storage/zdotdir',
};

function bash(script: string, env: Record<string, string> = {}): { out: string; code: number | null } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  return { out: `${r.stdout}${r.stderr}`, code: r.status };
}

/** Through VS Code's after-rc path: `echo -e` of the value inside $(…), which strips trailing newlines. */
function throughVscode(value: string): string {
  const r = spawnSync('bash', ['-c', 'VALUE="$(echo -e "$1")"; printf %s "$VALUE"', '_', value], { encoding: 'utf8' });
  return r.stdout;
}

describe('terminal guard environment', () => {
  it('sets only its own variables, with BASH_ENV and ZDOTDIR pointing at our files', () => {
    const m = shellEnvironment({ ...INPUT, inherited: {} });
    for (const x of m) assert.ok((TERMINAL_GUARD_VARIABLES as readonly string[]).includes(x.name), `${x.name} is not one of ours`);
    const get = (n: string): string | undefined => m.find((x) => x.name === n)?.value;
    assert.equal(get('BASH_ENV'), '/ext/dist/shell/bash-env.bash');
    assert.equal(get('ZDOTDIR'), '/storage/zdotdir');
    assert.equal(get('AGENT_GUARD_TRIGGERS'), 'railway psql');
    assert.equal(get('AGENT_GUARD_DEEP_TRIGGERS'), 'psql');
    assert.equal(get('AGENT_GUARD_SUBSTRINGS'), '/dev/ .aws');
    const pc = m.find((x) => x.name === 'PROMPT_COMMAND');
    assert.equal(pc?.op, 'prepend');
    assert.equal(pc?.applyAtShellIntegration, true);
    // The only variable VS Code's scripts replay after the rc files must survive their `:` split.
    assert.ok(!m.some((x) => x.applyAtShellIntegration && x.name !== 'PROMPT_COMMAND'));
  });

  it("chains the person's own BASH_ENV and ZDOTDIR, but never mistakes ours for theirs", () => {
    const theirs = shellEnvironment({ ...INPUT, inherited: { BASH_ENV: '/home/me/.bash_env', ZDOTDIR: '/home/me/.config/zsh' } });
    assert.equal(theirs.find((x) => x.name === 'AGENT_GUARD_USER_BASH_ENV')?.value, '/home/me/.bash_env');
    assert.equal(theirs.find((x) => x.name === 'AGENT_GUARD_USER_ZDOTDIR')?.value, '/home/me/.config/zsh');
    const ours = shellEnvironment({ ...INPUT, inherited: { BASH_ENV: '/ext/dist/shell/bash-env.bash', ZDOTDIR: '/storage/zdotdir' } });
    assert.equal(ours.find((x) => x.name === 'AGENT_GUARD_USER_BASH_ENV')?.value, '');
    assert.equal(ours.find((x) => x.name === 'AGENT_GUARD_USER_ZDOTDIR')?.value, '');
  });

  describe('the PROMPT_COMMAND line, in a real bash', () => {
    const line = promptCommandLine(undefined);
    const user = 'echo user-pc';
    const gluedLine = promptCommandLine(user);
    // Every way an rc file or VS Code combines it with another PROMPT_COMMAND.
    const combos: Array<[string, string]> = [
      ['alone', line],
      ['rc: X; $PROMPT_COMMAND', `${user}; ${line}`],
      ['rc: $PROMPT_COMMAND; X', `${line}; ${user}`],
      ['rc: ${PROMPT_COMMAND:+$PROMPT_COMMAND; }X', `${line}; ${user}`],
      ['VS Code after-rc prepend onto the rc result', throughVscode(line) + `${line}; ${user}`],
      ['VS Code after-rc prepend onto an overwritten one', throughVscode(line) + user],
      ['window already had a PROMPT_COMMAND', gluedLine + user],
    ];
    for (const [label, pc] of combos) {
      it(`parses and keeps $? (${label})`, () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-pc-'));
        try {
          for (const dir of ['/nonexistent-agent-guard', tmp]) {
            // A prompt hook file that does something, to prove the line sources it.
            if (dir !== '/nonexistent-agent-guard') fs.writeFileSync(path.join(dir, 'bash-prompt.bash'), 'echo hook-ran\n');
            const r = bash(`(exit 7); eval "$PC"; echo "status=$?"`, { PC: pc, AGENT_GUARD_SHELL_DIR: dir });
            assert.equal(r.code, 0, r.out);
            assert.doesNotMatch(r.out, /syntax error|command not found/, r.out);
            if (!pc.includes(user)) assert.match(r.out, /status=7/, `${label}: $? not kept: ${r.out}`);
            if (pc.includes(user)) assert.match(r.out, /user-pc/, r.out);
            assert.equal(r.out.includes('hook-ran'), dir !== '/nonexistent-agent-guard', r.out);
          }
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true });
        }
      });
    }
    it('hands the exit status to a PROMPT_COMMAND that runs after it', () => {
      const r = bash(`(exit 3); eval "$PC"`, { PC: `${line}; echo "user-saw=$?"`, AGENT_GUARD_SHELL_DIR: '/nonexistent-agent-guard' });
      assert.match(r.out, /user-saw=3/, r.out);
    });
  });

  describe('trigger words for the shells', () => {
    it('drops argv-passing wrappers no rule inspects (the scan reads every word), keeps rule commands', () => {
      const t = shellTriggerWords(defaultPolicy());
      assert.notEqual(t.words, '*');
      const words = t.words as readonly string[];
      for (const w of ['railway', 'psql', 'rm', 'curl', 'eval', 'bash']) assert.ok(words.includes(w), `${w} missing`);
      for (const w of ['command', 'env', 'time', 'exec', 'source']) assert.ok(!words.includes(w), `${w} should not trigger`);
      for (const w of ARGV_PASSTHROUGH_WRAPPERS) assert.ok(!t.deep.includes(w) || defaultPolicy().rulesByCommand.has(w));
      assert.ok(t.deep.includes('psql') && !t.deep.includes('eval'), 'deep list is rule commands only');
      for (const w of words) assert.doesNotMatch(w, /[\s'"\\]/);
    });
  });

  describe('zsh dotfiles', () => {
    it('each one falls back to the person\'s own file when our scripts are gone', () => {
      for (const [name, content] of Object.entries(ZDOTDIR_FILES)) {
        assert.match(content, new RegExp(`\\$AGENT_GUARD_SHELL_DIR/z`), name);
        assert.match(content, new RegExp(`\\$ZDOTDIR/${name.replace('.', '\\.')}`), `${name} does not read the person's file`);
      }
    });
  });
});
