// The verdict memo (issue 11) through the CLI as shipped: built with esbuild.config.mjs's own options into a
// folder of its own, run as real processes with a temporary HOME. A repeated clean allow is answered by the
// fast path (cli-fast.js) with the same output; anything the first decision read that changes — the script
// a command runs, the workspace settings, an environment variable — sends the next run to the engine, which
// then judges the new state. Whether the fast path answered is read from its code cache, which records the
// kinds of run it has seen (src/cli/runKind.ts).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { engineIdentity, memoDir, memoKey, recall, remember } from '../../../src/cli/memo/verdictMemo';
import { loadCorpus } from '../corpusLoader';
import { startRecording } from '../../../src/cli/memo/readRecorder';
import { writeDiscoveryRecord } from '../../../src/protocol/discovery';
import type { WindowRecord } from '../../../src/protocol/discovery';
import { PROTOCOL_VERSION } from '../../../src/protocol/protocol';
import type { Verdict } from '../../../src/engine/types';
import { ROOT } from '../hooks/cliRunner';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Files changed in the last 100 ms are not trusted by the memo (readRecorder.ts): let a test's writes settle. */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
}

const CLEAN: Verdict = { decision: 'allow', findings: [], environment: { name: 'unknown', production: false, source: 'unknown' } };

describe('verdict memo: the CLI as shipped', function () {
  this.timeout(120_000);
  let dist: string;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-memo-'));
    dist = path.join(tmp, 'dist');
    const config = (await import(pathToFileURL(path.join(ROOT, 'esbuild.config.mjs')).href)) as { cliBuilds(out: string, prod: boolean): object[] };
    const esbuild = await import('esbuild');
    await Promise.all(config.cliBuilds(dist, true).map((b) => esbuild.build({ ...(b as object), absWorkingDir: ROOT })));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A fresh HOME and project, and an environment that stays the same between the runs of one case. */
  function setup(): { home: string; project: string; env: NodeJS.ProcessEnv } {
    const home = fs.mkdtempSync(path.join(tmp, 'home-'));
    const project = fs.mkdtempSync(path.join(tmp, 'project-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home, XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(tmp, 'rt-')), AGENT_GUARD_SPOOL_DIR: path.join(home, 'spool') };
    settle();
    return { home, project, env };
  }

  function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ''): Run {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd, env, input, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Whether the fast path has answered from the memo in this HOME (its code cache names the kinds of run it saw). */
  function answeredFromMemo(home: string): boolean {
    const dir = path.join(home, '.agent-guard', 'cache');
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith('cli-fast-'))) {
      const buf = fs.readFileSync(path.join(dir, name));
      const header = JSON.parse(buf.toString('utf8', 4, 4 + buf.readUInt32LE(0))) as { kinds?: string[] };
      if (header.kinds?.includes('fast-answer')) return true;
    }
    return false;
  }

  const claude = (command: string, cwd: string, description?: string): string =>
    JSON.stringify({ session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, ...(description ? { description } : {}) }, tool_use_id: 't' });

  it('answers a repeated clean allow from the memo, with the same output', () => {
    const { home, project, env } = setup();
    const first = run(['check', '--', 'git status'], project, env);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(answeredFromMemo(home), false);
    const second = run(['check', '--', 'git status'], project, env);
    assert.deepEqual(second, first);
    assert.equal(answeredFromMemo(home), true, 'the second run was answered without the engine');
    const json1 = run(['check', '--json', '--', 'git status'], project, env);
    const json2 = run(['check', '--json', '--', 'git status'], project, env);
    assert.deepEqual(json2, json1);
  });

  it('answers a hook from the memo exactly as the engine did, and logs each call with the secret masked', () => {
    const { home, project, env } = setup();
    // A clean allow (a command carrying a token has a finding, and is never remembered); the reason the agent gave holds a secret.
    const payload = claude('git status', project, 'before using GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    const first = run(['hook', 'claude'], project, env, payload);
    assert.equal(first.status, 0, first.stderr);
    const second = run(['hook', 'claude'], project, env, payload);
    assert.deepEqual(second, first);
    assert.equal(answeredFromMemo(home), true);
    const spooled = fs.readFileSync(path.join(home, 'spool', 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; command: string; reason?: string; decision: string });
    assert.equal(spooled.length, 2, 'both calls are logged');
    assert.notEqual(spooled[0].id, spooled[1].id);
    for (const e of spooled) {
      assert.equal(e.decision, 'allow');
      assert.ok(!JSON.stringify(e).includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'no live secret in the log');
    }
    assert.deepEqual({ ...spooled[1], id: '', time: '' }, { ...spooled[0], id: '', time: '' });
  });

  it('judges a script again when it changed after it was allowed', () => {
    const { home, project, env } = setup();
    fs.writeFileSync(path.join(project, 'deploy.sh'), 'echo deploying\n');
    settle();
    for (let i = 0; i < 2; i++) {
      const r = run(['check', '--', 'bash deploy.sh'], project, env);
      assert.equal(r.status, 0, r.stdout + r.stderr);
    }
    assert.equal(answeredFromMemo(home), true);
    fs.writeFileSync(path.join(project, 'deploy.sh'), 'rm -rf ~\n');
    const after = run(['check', '--', 'bash deploy.sh'], project, env);
    assert.equal(after.status, 10, `the changed script asks: ${after.stdout}`);
    const hook = run(['hook', 'claude'], project, env, claude('bash deploy.sh', project));
    assert.equal(hook.status, 2, 'no window: the changed script is blocked');
    assert.doesNotMatch(hook.stdout, /"permissionDecision":"allow"/);
  });

  it('applies a workspace tightening written after a command was allowed', () => {
    const { project, env } = setup();
    assert.equal(run(['check', '--', 'make deploy-docs'], project, env).status, 0);
    assert.equal(run(['check', '--', 'make deploy-docs'], project, env).status, 0);
    fs.mkdirSync(path.join(project, '.vscode'));
    fs.writeFileSync(path.join(project, '.vscode', 'settings.json'), JSON.stringify({ 'agentGuard.rules': [{ id: 'user.docs', command: 'make', args: ['deploy-docs'], severity: 'high', message: 'publishes the docs' }] }));
    const after = run(['check', '--', 'make deploy-docs'], project, env);
    assert.equal(after.status, 10, after.stdout);
    assert.match(after.stdout, /user\.docs/);
  });

  it('goes back to the engine when an environment variable it read changed', () => {
    const { home, project, env } = setup();
    const select = "psql -c 'select 1'";
    for (let i = 0; i < 2; i++) assert.match(run(['check', '--', select], project, env).stdout, /environment: unknown/);
    assert.equal(answeredFromMemo(home), true);
    const prod = run(['check', '--', select], project, { ...env, DATABASE_URL: 'postgres://u:p@db.prod.internal/app' });
    assert.match(prod.stdout, /environment: PRODUCTION/, 'DATABASE_URL, which psql reads, changed: the engine names the new target');
  });

  it('remembers a block with no window to ask, gives the same answer, and asks a window once one opens', () => {
    const { home, project, env } = setup();
    const payload = claude('rm -rf ~', project);
    const first = run(['hook', 'claude'], project, env, payload);
    assert.equal(first.status, 2, 'no window: blocked');
    const second = run(['hook', 'claude'], project, env, payload);
    assert.deepEqual(second, first);
    assert.equal(answeredFromMemo(home), true);
    for (let i = 0; i < 2; i++) assert.deepEqual(run(['check', '--', 'rm -rf ~'], project, env).status, 10);
    const spooled = fs.readFileSync(path.join(home, 'spool', 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { by: string; decision: string; findings: unknown[] });
    assert.deepEqual(spooled.map((e) => [e.decision, e.by, e.findings.length > 0]), [['block', 'unreachable', true], ['block', 'unreachable', true]]);
    // A window appears (its record in the discovery folder; its socket does not answer): the CLI proper tries it.
    writeDiscoveryRecord('w1', { v: PROTOCOL_VERSION, pid: process.pid, socketPath: path.join(tmp, 'no-such.sock'), secret: 'x'.repeat(32), workspaceFolders: [project] } as WindowRecord, env);
    const third = run(['hook', 'claude'], project, env, payload);
    assert.equal(third.status, 2);
    assert.notEqual(third.stderr + third.stdout, first.stderr + first.stdout, 'the window was tried, not the remembered answer given');
    assert.match(third.stderr + third.stdout, /no VS Code window answered/);
  });

  it('answers file edits without the engine, refusing one of the guard\'s own settings', () => {
    const { home, project, env } = setup();
    const write = (file: string, content: string): string =>
      JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: file, content }, tool_use_id: 't' });
    const ok = run(['hook', 'claude'], project, env, write(path.join(project, 'src', 'app.ts'), 'export {};\n'));
    assert.deepEqual([ok.status, ok.stdout], [0, '']);
    assert.equal(answeredFromMemo(home), true, 'the first edit already: no engine needed');
    const loosen = run(['hook', 'claude'], project, env, write(path.join(project, '.vscode', 'settings.json'), '{"agentGuard.enabled": false}'));
    assert.equal(loosen.status, 2);
    assert.match(loosen.stdout, /"permissionDecision":"deny".*guard\.edit-guard-settings/);
    const logged = fs.readFileSync(path.join(home, 'spool', 'decisions.jsonl'), 'utf8');
    assert.match(logged, /guard\.edit-guard-settings/, 'the refused edit is logged');
  });

  it('answers a sample of the corpus from the memo exactly as the engine did', () => {
    const { home, project, env } = setup();
    const sample = loadCorpus().filter((_, i) => i % 41 === 0);
    const engine = engineIdentity(dist);
    assert.ok(engine);
    let remembered = 0;
    for (const line of sample) {
      const first = run(['check', '--json', '--', line.command], project, env);
      const key = memoKey({ kind: 'shell', command: line.command }, project, engine);
      if (key !== undefined && recall(key, memoDir(home), env) !== undefined) remembered += 1;
      const second = run(['check', '--json', '--', line.command], project, env);
      assert.deepEqual(second, first, `${line.file}:${line.line} ${line.command}`);
    }
    assert.ok(remembered >= sample.length - 2, `${remembered} of ${sample.length} remembered`);
    assert.equal(answeredFromMemo(home), true);
  });

  it('remembers a deny by policy', () => {
    const { home, project, env } = setup();
    fs.mkdirSync(path.join(project, '.vscode'));
    fs.writeFileSync(path.join(project, '.vscode', 'settings.json'), JSON.stringify({ 'agentGuard.decisions': { critical: 'deny' } }));
    settle();
    const payload = claude('rm -rf ~', project);
    const first = run(['hook', 'claude'], project, env, payload);
    assert.equal(first.status, 2);
    assert.deepEqual(run(['hook', 'claude'], project, env, payload), first);
    assert.equal(answeredFromMemo(home), true);
    const by = fs.readFileSync(path.join(home, 'spool', 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { by: string }).by);
    assert.deepEqual(by, ['policy', 'policy']);
  });
});

describe('verdict memo: records', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-memo-rec-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recalls only the key it was written for, and only while every dependency reads the same', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{}');
    settle();
    const rec = startRecording({ unfollowable: () => false });
    fs.readFileSync(file);
    void process.env.AG_MEMO_TEST_VAR;
    const deps = rec.deps();
    rec.stop();
    assert.ok(deps);
    assert.deepEqual(deps.files.map((f) => f[1]), [file]);
    assert.ok(deps.env.some(([n]) => n === 'AG_MEMO_TEST_VAR'));
    remember('key-a', dir, { verdict: CLEAN }, deps);
    assert.deepEqual(recall('key-a', dir), { verdict: CLEAN });
    assert.equal(recall('key-b', dir), undefined, 'another key');
    assert.equal(recall('key-a', dir, { ...process.env, AG_MEMO_TEST_VAR: 'x' }), undefined, 'a variable it read changed');
    fs.writeFileSync(file, '{"agentGuard.rules": []}');
    assert.equal(recall('key-a', dir), undefined, 'a file it read changed');
  });

  it('does not remember what read a file changed a moment ago (file times are coarse)', () => {
    const file = path.join(dir, 'deploy.sh');
    fs.writeFileSync(file, 'echo hi');
    const rec = startRecording({ unfollowable: () => false });
    fs.readFileSync(file);
    const deps = rec.deps();
    rec.stop();
    assert.equal(deps, undefined);
  });

  it('refuses a record whose outcome does not fit its verdict', () => {
    const rec = startRecording({ unfollowable: () => false });
    const deps = rec.deps();
    rec.stop();
    assert.ok(deps);
    const deny: Verdict = { ...CLEAN, decision: 'deny', findings: [{ rule: 'x', category: 'filesystem', severity: 'critical', summary: 's', agentMessage: 'm', source: 'builtin' }] };
    remember('k', dir, { verdict: deny, outcome: { decision: 'block', by: 'policy', message: 'blocked' } }, deps);
    assert.equal(recall('k', dir)?.outcome?.decision, 'block');
    const [name] = fs.readdirSync(dir);
    const record = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { outcome: { decision: string } };
    record.outcome.decision = 'allow';
    fs.writeFileSync(path.join(dir, name), JSON.stringify(record));
    assert.equal(recall('k', dir), undefined, 'an allow for a deny verdict');
    remember('k2', dir, { verdict: { ...CLEAN, decision: 'confirm' }, outcome: { decision: 'allow', by: 'policy', message: '' } }, deps);
    assert.equal(fs.readdirSync(dir).length, 1, 'an allow outcome for a confirm verdict is never written');
  });

  it('stops recording and puts fs, the environment and process.kill back', () => {
    const statSync = fs.statSync;
    const env = process.env;
    const kill = process.kill;
    const rec = startRecording({ unfollowable: () => false });
    assert.notEqual(process.env, env);
    rec.stop();
    assert.equal(fs.statSync, statSync);
    assert.equal(process.env, env);
    assert.equal(process.kill, kill);
  });
});
