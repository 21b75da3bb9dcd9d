// The git restorer on real temp repositories: what each destructive git command loses comes back
// (uncommitted, staged, untracked, ignored, renamed, binary, a symlink, a read-only file, refs), the
// person's index and work tree are untouched by taking a point, and newer changes are left alone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { restorePoint } from '../../../src/restore/restorePoint';
import { readGitShape } from '../../../src/restore/gitCommandShape';
import { parseCommandLine } from '../../../src/engine/shell/parseCommandLine';
import { git, keep, plan, read, sh, tempDir, tempRepo, write } from './restoreFixtures';

function shape(command: string, exists: (p: string) => boolean = () => false) {
  return readGitShape(parseCommandLine(command).commands[0], exists);
}

describe('restore: git command shapes', () => {
  const rows: [string, string | null][] = [
    ['git reset --hard', 'tracked'],
    ['git reset --hard HEAD~2', 'tracked+head'],
    ['git reset HEAD~1', 'head'],
    ['git reset --soft HEAD', null],
    ['git clean -fdx', 'untracked+ignored'],
    ['git clean -n -fd', null],
    ['git checkout -- notes.txt', 'tracked'],
    ['git checkout main', null],
    ['git checkout -f main', 'tracked'],
    ['git restore src/', 'tracked'],
    ['git restore --staged a.txt', null],
    ['git switch --discard-changes main', 'tracked'],
    ['git stash drop', 'stash'],
    ['git stash clear', 'stash'],
    ['git stash list', null],
    ['git branch -D feat', 'branch'],
    ['git branch -d feat', null],
    ['git push --force origin main', 'remote'],
    ['git push origin +main', 'remote'],
    ['git push origin main', null],
    ['git -C ../api reset --hard', 'tracked'],
  ];
  for (const [command, want] of rows) {
    it(`${command} → ${want ?? 'nothing at risk'}`, () => {
      const s = shape(command);
      if (want === null) return assert.strictEqual(s, null);
      assert.ok(s);
      const got = [s.worktree ? s.worktree.scope : '', s.worktree?.ignored ? 'ignored' : '', ...s.refs.map((r) => r.type)].filter(Boolean).join('+');
      assert.strictEqual(got, want);
    });
  }
  it('git -C dir keeps the dir', () => assert.strictEqual(shape('git -C ../api reset --hard')?.chdir, '../api'));
});

describe('restore: git work tree', function () {
  this.timeout(60_000);
  let repo: string;
  let store: string;
  beforeEach(() => {
    repo = tempRepo();
    store = tempDir('ag-restore-store-');
  });

  it('reset --hard: uncommitted, staged, renamed, binary, symlink and read-only changes come back; index and work tree untouched by taking', async () => {
    write(repo, 'notes.txt', 'committed notes\nan afternoon of work\n');
    fs.writeFileSync(path.join(repo, 'bin.dat'), Buffer.from([9, 9, 0, 255]));
    fs.unlinkSync(path.join(repo, 'link'));
    fs.symlinkSync('run.sh', path.join(repo, 'link'));
    write(repo, 'staged.txt', 'staged only\n');
    git(repo, 'add', 'staged.txt');
    git(repo, 'mv', 'old-name.txt', 'new-name.txt');
    fs.chmodSync(path.join(repo, 'run.sh'), 0o555);
    write(repo, 'run.sh', '#!/bin/sh\necho changed\n');
    const statusBefore = git(repo, 'status', '--porcelain');
    const p = await plan('git reset --hard', repo);
    assert.strictEqual(p.parts.length, 1);
    assert.match(p.parts[0].what, /^6 uncommitted files \(\d+ bytes\)$/);
    const taken = await keep('git reset --hard', repo, store);
    assert.strictEqual(taken.complete, true, taken.note);
    assert.strictEqual(git(repo, 'status', '--porcelain'), statusBefore, 'taking a point changes neither the index nor the work tree');
    assert.match(git(repo, 'for-each-ref', 'refs/agent-guard'), new RegExp(`refs/agent-guard/${taken.id}/worktree`));

    sh(repo, 'git reset -q --hard');
    assert.strictEqual(read(repo, 'notes.txt'), 'committed notes\n');
    assert.ok(!fs.existsSync(path.join(repo, 'staged.txt')));

    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string', String(out));
    assert.deepStrictEqual(out.report.conflicts, []);
    assert.strictEqual(read(repo, 'notes.txt'), 'committed notes\nan afternoon of work\n');
    assert.deepStrictEqual([...fs.readFileSync(path.join(repo, 'bin.dat'))], [9, 9, 0, 255]);
    assert.strictEqual(fs.readlinkSync(path.join(repo, 'link')), 'run.sh');
    assert.strictEqual(read(repo, 'staged.txt'), 'staged only\n');
    assert.strictEqual(read(repo, 'new-name.txt'), 'to be renamed\n');
    assert.strictEqual(read(repo, 'run.sh'), '#!/bin/sh\necho changed\n');
    assert.ok(fs.statSync(path.join(repo, 'run.sh')).mode & 0o100, 'the executable bit comes back');
  });

  it('clean -fdx: untracked and ignored files come back, node_modules is not kept', async () => {
    write(repo, 'draft.txt', 'untracked draft\n');
    write(repo, 'sub/deep/idea.md', '# idea\n');
    write(repo, '.env', 'SECRET=1\n');
    write(repo, 'node_modules/x/index.js', 'module.exports = 1\n');
    const p = await plan('git clean -fdx', repo);
    assert.match(p.parts[0].what, /^3 untracked files/);
    assert.ok(!p.parts[0].paths.some((f) => f.includes('node_modules')));
    const taken = await keep('git clean -fdx', repo, store);
    sh(repo, 'git clean -q -fdx');
    assert.ok(!fs.existsSync(path.join(repo, '.env')));
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(read(repo, 'draft.txt'), 'untracked draft\n');
    assert.strictEqual(read(repo, 'sub/deep/idea.md'), '# idea\n');
    assert.strictEqual(read(repo, '.env'), 'SECRET=1\n');
    assert.ok(!fs.existsSync(path.join(repo, 'node_modules')));
  });

  it('checkout -- <path> keeps only that path; a clean tree has nothing at risk', async () => {
    const clean = await plan('git checkout -- notes.txt', repo);
    assert.deepStrictEqual(clean, { parts: [], reasons: [] });
    write(repo, 'notes.txt', 'mine\n');
    write(repo, 'bin.dat', 'other change\n');
    const p = await plan('git checkout -- notes.txt', repo);
    assert.deepStrictEqual(p.parts[0].paths, [path.join(repo, 'notes.txt')]);
  });

  it('restoring over a newer change is refused without force; with force the newer content is kept as a new point', async () => {
    write(repo, 'notes.txt', 'version A\n');
    const taken = await keep('git checkout -- notes.txt', repo, store);
    sh(repo, 'git checkout -- notes.txt');
    write(repo, 'notes.txt', 'version B, written after\n');
    const refused = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof refused !== 'string');
    assert.deepStrictEqual(refused.report.conflicts, [path.join(repo, 'notes.txt')]);
    assert.strictEqual(read(repo, 'notes.txt'), 'version B, written after\n');
    const forced = await restorePoint(store, taken.id, { force: true });
    assert.ok(typeof forced !== 'string');
    assert.strictEqual(read(repo, 'notes.txt'), 'version A\n');
    assert.ok(forced.savedAs, 'what was overwritten is kept');
    const back = await restorePoint(store, forced.savedAs, { force: true });
    assert.ok(typeof back !== 'string');
    assert.strictEqual(read(repo, 'notes.txt'), 'version B, written after\n');
  });

  it('branch -D: the branch comes back at its commit', async () => {
    git(repo, 'checkout', '-q', '-b', 'feat');
    write(repo, 'feat.txt', 'feature\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'feature');
    const sha = git(repo, 'rev-parse', 'feat');
    git(repo, 'checkout', '-q', 'main');
    const taken = await keep('git branch -D feat', repo, store);
    sh(repo, 'git branch -q -D feat');
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(git(repo, 'rev-parse', 'feat'), sha);
  });

  it('reset to an older commit: the branch goes back with reset --keep', async () => {
    write(repo, 'second.txt', '2\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'second');
    const sha = git(repo, 'rev-parse', 'HEAD');
    const taken = await keep('git reset --hard HEAD~1', repo, store);
    sh(repo, 'git reset -q --hard HEAD~1');
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(git(repo, 'rev-parse', 'HEAD'), sha);
    assert.strictEqual(read(repo, 'second.txt'), '2\n');
  });

  it('stash drop: the entry comes back', async () => {
    write(repo, 'notes.txt', 'stashed work\n');
    git(repo, 'stash', '-q');
    const taken = await keep('git stash drop', repo, store);
    sh(repo, 'git stash drop -q');
    assert.strictEqual(git(repo, 'stash', 'list'), '');
    await restorePoint(store, taken.id, { force: false });
    git(repo, 'stash', 'pop', '-q');
    assert.strictEqual(read(repo, 'notes.txt'), 'stashed work\n');
  });
});
