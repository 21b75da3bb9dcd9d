// The "done when", through the real CLI bundle and a clean HOME: `agent-guard hook claude`
// with `git checkout -- notes.txt` and with `rm draft.txt` (both allowed by the conventions) takes a
// point each; after the commands run, `restore --list --json` lists both and `restore <id>` brings
// back the uncommitted content and the deleted untracked file.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, CLI, isolatedEnv, runHook } from '../hooks/cliRunner';
import { read, sh, tempDir, tempRepo, write } from './restoreFixtures';

function claudeBash(command: string, cwd: string): string {
  return JSON.stringify({ session_id: 's1', transcript_path: '/dev/null', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
}

describe('agent-guard restore (built dist/cli.js, clean HOME)', function () {
  this.timeout(90_000);
  before(() => buildCli());

  it('hook takes points for allowed local deletes; restore --list --json lists them; restore <id> brings the work back', async () => {
    const home = tempDir('ag-restore-home-');
    const repo = tempRepo();
    const env = isolatedEnv({ HOME: home, AGENT_GUARD_SPOOL_DIR: path.join(home, 'spool') });
    write(repo, 'notes.txt', 'committed notes\nuncommitted afternoon\n');
    write(repo, 'draft.txt', 'an untracked draft\n');

    for (const command of ['git checkout -- notes.txt', 'rm draft.txt']) {
      const r = await runHook('claude', claudeBash(command, repo), env, repo);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /"deny"/, `${command} is allowed by the conventions`);
      sh(repo, command);
    }
    assert.strictEqual(read(repo, 'notes.txt'), 'committed notes\n');
    assert.ok(!fs.existsSync(path.join(repo, 'draft.txt')));

    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, 'restore', ...args], { cwd: repo, env, encoding: 'utf8' });
    const list = cli('--list', '--json');
    assert.strictEqual(list.status, 0, list.stderr);
    const points = JSON.parse(list.stdout) as { id: string; time: string; command: string; kind: string; paths: string[] }[];
    assert.deepStrictEqual(points.map((p) => [p.command, p.kind]), [['rm draft.txt', 'files'], ['git checkout -- notes.txt', 'git']]);
    assert.deepStrictEqual(points.map((p) => p.paths), [[path.join(repo, 'draft.txt')], [path.join(repo, 'notes.txt')]]);
    assert.ok(points.every((p) => typeof p.id === 'string' && !Number.isNaN(Date.parse(p.time))));
    assert.ok(fs.existsSync(path.join(home, '.agent-guard', 'restore', points[0].id, 'manifest.json')), 'the store is under HOME');

    for (const p of points) {
      const r = cli(p.id);
      assert.strictEqual(r.status, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /restored: /);
    }
    assert.strictEqual(read(repo, 'notes.txt'), 'committed notes\nuncommitted afternoon\n');
    assert.strictEqual(read(repo, 'draft.txt'), 'an untracked draft\n');

    // The spooled log records carry the point, so the log can offer Restore on them.
    const spooled = fs.readFileSync(path.join(home, 'spool', 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { command: string; restorePoint?: { id: string; line: string } });
    for (const p of points) assert.strictEqual(spooled.find((e) => e.command === p.command)?.restorePoint?.id, p.id);

    // A restore over a change made since is refused (exit 1) and leaves the file alone.
    write(repo, 'draft.txt', 'rewritten since\n');
    const refused = cli(points[0].id);
    assert.strictEqual(refused.status, 1);
    assert.match(refused.stderr, /changed since the point.*--force/s);
    assert.strictEqual(read(repo, 'draft.txt'), 'rewritten since\n');
  });

  it('usage errors and unknown ids are said plainly', () => {
    const home = tempDir('ag-restore-home-');
    const env = isolatedEnv({ HOME: home });
    const none = spawnSync(process.execPath, [CLI, 'restore'], { env, encoding: 'utf8' });
    assert.strictEqual(none.status, 2);
    const unknown = spawnSync(process.execPath, [CLI, 'restore', '20260101-000000-abcdefgh'], { env, encoding: 'utf8' });
    assert.strictEqual(unknown.status, 1);
    assert.match(unknown.stderr, /does not exist/);
    const empty = spawnSync(process.execPath, [CLI, 'restore', '--list'], { env, encoding: 'utf8' });
    assert.match(empty.stdout, /No restore points/);
  });
});
