// The hook launcher run by a real `sh`, the way a host runs a hook command: it runs the CLI it points at;
// when the CLI or a runtime is missing, or the CLI crashes, it denies by itself in each host's format.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hookCommandLine, launcherPath, writeLauncher } from '../../../src/extension/hooks/hookLauncher';
import { HOST_IDS } from '../../../src/hosts/hostTypes';
import type { HostId } from '../../../src/hosts/hostTypes';
import { isAgentGuardCommand, launcherScript } from '../../../src/hosts/launcher';
import { CLI, CLI_MAIN, buildCli, isolatedEnv } from './cliRunner';
import { fixtureText } from './fixtures';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The hook entry's command line, run through `sh -c` with the payload on stdin. */
function runEntry(command: string, stdin: string, env: NodeJS.ProcessEnv): Run {
  const r = spawnSync('/bin/sh', ['-c', command], { input: stdin, env, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What each host must see from a launcher that cannot run the CLI: its own deny, with its blocking exit code. */
function assertDenied(host: HostId, r: Run): void {
  const words = /could not check this action \(its checker could not run/;
  switch (host) {
    case 'claude':
    case 'copilot':
    case 'codex':
      assert.equal(r.status, 2, host);
      assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'deny');
      assert.match(r.stderr, words);
      return;
    case 'cursor':
      assert.equal(r.status, 2);
      assert.equal(JSON.parse(r.stdout).permission, 'deny');
      return;
    case 'gemini':
      assert.equal(r.status, 0);
      assert.equal(JSON.parse(r.stdout).decision, 'deny');
      assert.match(JSON.parse(r.stdout).reason, words);
      return;
    case 'windsurf':
      assert.deepEqual([r.status, r.stdout], [2, '']);
      assert.match(r.stderr, words);
      return;
    case 'cline':
      assert.equal(r.status, 0);
      assert.equal(JSON.parse(r.stdout).cancel, true);
  }
}

describe('hook launcher (real sh)', function () {
  this.timeout(60_000);
  let home: string;
  const env = (): NodeJS.ProcessEnv => isolatedEnv({ HOME: home });
  before(() => buildCli());
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-launch-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const rt = (over: Partial<Parameters<typeof writeLauncher>[0]> = {}): Parameters<typeof writeLauncher>[0] => ({
    cliPath: CLI,
    nodePath: process.execPath,
    execPath: '/nonexistent/code',
    platform: 'linux',
    home,
    ...over,
  });

  it('is written executable under ~/.agent-guard/bin, once; a second write with the same target changes nothing', () => {
    assert.equal(writeLauncher(rt()), true);
    const file = launcherPath(rt());
    assert.equal(file, path.join(home, '.agent-guard', 'bin', 'agent-guard-hook'));
    assert.equal(fs.statSync(file).mode & 0o111, 0o111);
    assert.equal(writeLauncher(rt()), false);
    assert.equal(writeLauncher(rt({ cliPath: '/ext/agent-guard-0.2.0/dist/cli.js' })), true, 'an update rewrites only the launcher');
    fs.chmodSync(file, 0o644);
    assert.equal(writeLauncher(rt({ cliPath: '/ext/agent-guard-0.2.0/dist/cli.js' })), true, '`chmod -x` on it is undone');
    assert.equal(fs.statSync(file).mode & 0o111, 0o111);
    assert.ok(isAgentGuardCommand(hookCommandLine('claude', rt()), 'claude'));
  });

  it('runs the real CLI: a benign Claude call passes, a destructive one is denied by the CLI itself', () => {
    writeLauncher(rt());
    const benign = runEntry(hookCommandLine('claude', rt()), fixtureText('claude-bash-benign.json'), env());
    assert.deepEqual([benign.status, benign.stdout], [0, '']);
    const bad = runEntry(hookCommandLine('claude', rt()), fixtureText('claude-bash-railway-volume-delete.json'), env());
    assert.equal(bad.status, 2);
    assert.match(JSON.parse(bad.stdout).hookSpecificOutput.permissionDecisionReason, /railway-volume-delete/);
  });

  it('finds node on PATH when the recorded node is gone', () => {
    writeLauncher(rt({ nodePath: '/nonexistent/node' }));
    const r = runEntry(hookCommandLine('cursor', rt()), fixtureText('cursor-before-shell-benign.json'), { ...env(), PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` });
    assert.deepEqual([r.status, r.stdout], [0, '{"permission":"allow"}\n']);
  });

  it('falls back to VS Code\'s runtime (ELECTRON_RUN_AS_NODE=1) when there is no node', () => {
    // A stand-in for VS Code's executable that records the variable and runs node.
    const code = path.join(home, 'code');
    fs.writeFileSync(code, `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || exit 9\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    writeLauncher(rt({ nodePath: undefined, execPath: code }));
    const r = runEntry(hookCommandLine('claude', rt()), fixtureText('claude-bash-benign.json'), { ...env(), PATH: '/usr/bin:/bin' });
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
  });

  for (const host of HOST_IDS) {
    it(`${host}: the CLI is missing (extension removed) → the launcher denies in ${host}'s format`, () => {
      writeLauncher(rt({ cliPath: path.join(home, 'gone', 'cli.js') }));
      assertDenied(host, runEntry(hookCommandLine(host, rt()), '{"tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}', env()));
    });
  }

  it('no runtime at all → deny', () => {
    writeLauncher(rt({ nodePath: undefined, execPath: '/nonexistent/code' }));
    assertDenied('claude', runEntry(hookCommandLine('claude', rt()), '{}', { ...env(), PATH: '/nonexistent' }));
  });

  it('a CLI that crashes (exit 1, nothing answered) → deny, never the host\'s "hook error, call runs"', () => {
    const broken = path.join(home, 'cli.js');
    fs.writeFileSync(broken, "throw new Error('Cannot find module ./impl/format');\n");
    writeLauncher(rt({ cliPath: broken }));
    for (const host of ['gemini', 'windsurf', 'cline'] as const) assertDenied(host, runEntry(hookCommandLine(host, rt()), '{}', env()));
  });

  it('paths with spaces, quotes and $ survive the quoting', () => {
    const odd = path.join(home, 'a "b" $x `y`');
    fs.mkdirSync(path.join(odd, 'dist'), { recursive: true });
    // The extension's dist/ as shipped: the loader and the CLI proper it loads.
    for (const f of [CLI, CLI_MAIN]) fs.copyFileSync(f, path.join(odd, 'dist', path.basename(f)));
    const r0 = rt({ cliPath: path.join(odd, 'dist', 'cli.js'), home: odd });
    writeLauncher(r0);
    const r = runEntry(hookCommandLine('claude', r0), fixtureText('claude-bash-benign.json'), env());
    assert.deepEqual([r.status, r.stdout], [0, '']);
  });

  it('the Windows launcher runs node or VS Code\'s runtime and denies per host by itself', () => {
    const text = launcherScript({ cliPath: 'C:\\ext\\dist\\cli.js', nodePath: undefined, execPath: 'C:\\Program Files\\Code\\Code.exe' }, 'win32');
    assert.match(text, /^@echo off\r\n/);
    assert.match(text, /set ELECTRON_RUN_AS_NODE=1\r\n"%AG_CODE%" "%AG_CLI%" hook %\*/);
    for (const host of HOST_IDS) assert.match(text, new RegExp(`:deny_${host}\\r\\n`));
    assert.match(text, /if %ERRORLEVEL%==2 exit \/b 2/);
    assert.ok(!/[^^]&&?[^&]/.test(text.split(':deny')[1].replace(/ 1>&2/g, '')), 'no unescaped & in the deny text');
  });
});
