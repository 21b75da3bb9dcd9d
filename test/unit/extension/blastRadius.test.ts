// The blast-radius counter on a real temp tree and a real temp git repository, with its bounds.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countTree, formatBytes, gitChanges, resolveTargets } from '../../../src/extension/confirm/blastRadius';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';

const git = (cwd: string, ...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'ignore' });
const verdictOf = (command: string, cwd: string) => evaluate({ kind: 'shell', command }, defaultPolicy(), { cwd });

describe('blast radius: counted before the person decides', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-blast-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts files and bytes of a tree, not following symlinks', async () => {
    fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a/one.txt'), 'x'.repeat(100));
    fs.writeFileSync(path.join(root, 'a/b/two.txt'), 'y'.repeat(50));
    fs.symlinkSync('/etc', path.join(root, 'a/link'));
    const c = await countTree(path.join(root, 'a'), { maxFiles: 10_000 }, Date.now() + 5000);
    assert.deepStrictEqual(c, { files: 3, bytes: 150, cut: false, exists: true });
  });

  it('stops at the file bound and at the deadline', async () => {
    fs.mkdirSync(path.join(root, 'many'));
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, 'many', `f${i}`), 'z');
    const byCount = await countTree(path.join(root, 'many'), { maxFiles: 10 }, Date.now() + 5000);
    assert.strictEqual(byCount.cut, true);
    assert.ok(byCount.files > 10 && byCount.files <= 11);
    const byTime = await countTree(path.join(root, 'many'), { maxFiles: 10_000 }, Date.now() - 1);
    assert.strictEqual(byTime.cut, true);
  });

  it('says "more than N files" when cut, with absolute paths and git counts for rm -rf', async () => {
    git(root, 'init', '-q');
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src/kept.ts'), 'a');
    fs.writeFileSync(path.join(root, 'src/changed.ts'), 'b');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
    fs.writeFileSync(path.join(root, 'src/changed.ts'), 'bb');
    fs.writeFileSync(path.join(root, 'src/new.ts'), 'ccc');
    const v = verdictOf('rm -rf src', root);
    const [r] = await resolveTargets(v, root);
    assert.ok(r);
    assert.strictEqual(r.lines[0], `${path.join(root, 'src')}: 3 files, 6 bytes; in git: 1 file with uncommitted changes, 1 untracked file (never committed)`);

    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(root, 'src', `g${i}`), '');
    const [cut] = await resolveTargets(v, root, { maxFiles: 10, maxMillis: 2000, listNames: 5 });
    assert.match(cut!.lines[0]!, /: more than 10 files, at least /);
  });

  it('lists the files a git reset --hard, checkout or clean would lose', async () => {
    git(root, 'init', '-q');
    fs.writeFileSync(path.join(root, 'a.txt'), '1');
    fs.writeFileSync(path.join(root, 'b.txt'), '1');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
    fs.writeFileSync(path.join(root, 'a.txt'), '2');
    fs.writeFileSync(path.join(root, 'scratch.md'), 'notes');
    const reset = await resolveTargets(verdictOf('git reset --hard', root), root);
    assert.deepStrictEqual(reset[0]!.lines, ['1 file with uncommitted changes would be lost: a.txt']);
    const clean = await resolveTargets(verdictOf('git clean -fd', root), root);
    assert.deepStrictEqual(clean[0]!.lines, ['1 file never committed would be deleted: scratch.md']);
    const changes = await gitChanges(root, undefined, 2000, 1);
    assert.strictEqual(changes!.cut, true, 'the entry bound cuts the list');
  });

  it('outside a repository and for remote findings it says nothing more', async () => {
    assert.strictEqual(await gitChanges(root, undefined, 2000, 100), undefined);
    assert.deepStrictEqual(await resolveTargets(verdictOf('psql -c "DROP TABLE t"', root), root), []);
    assert.deepStrictEqual(await resolveTargets(verdictOf('rm -rf "$DIR"', root), root), []);
  });

  it('formats bytes for a person', () => {
    assert.strictEqual(formatBytes(10), '10 bytes');
    assert.strictEqual(formatBytes(3500), '3.4 KB');
    assert.strictEqual(formatBytes(50 * 1024 * 1024), '50 MB');
  });
});
