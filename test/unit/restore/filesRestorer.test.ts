// The files and SQLite restorers on real temp trees: deletes and overwrites come back with their
// modes, symlinks stay symlinks, rebuildable folders are not kept, and a newer change is left alone.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandLine } from '../../../src/engine/shell/parseCommandLine';
import { readFileTargets } from '../../../src/restore/fileTargets';
import { filesRestorer } from '../../../src/restore/filesRestorer';
import { restorePoint } from '../../../src/restore/restorePoint';
import { keep, plan, read, sh, tempDir, write } from './restoreFixtures';

function targets(command: string, dirs: string[] = []) {
  return readFileTargets(parseCommandLine(command).commands[0], (p) => dirs.includes(p));
}

describe('restore: which files a command removes or overwrites', () => {
  it('rm operands, recursive only with -r', () => {
    assert.deepStrictEqual(targets('rm -f a.txt b.txt').unlink, [{ path: 'a.txt', recursive: false }, { path: 'b.txt', recursive: false }]);
    assert.deepStrictEqual(targets('rm -rf src').unlink, [{ path: 'src', recursive: true }]);
  });
  it('mv/cp destinations, into a folder too; -n overwrites nothing', () => {
    assert.deepStrictEqual(targets('mv a.txt b.txt').overwrite, ['b.txt']);
    assert.deepStrictEqual(targets('cp a.txt docs/', ['docs/']).overwrite, ['docs/a.txt']);
    assert.deepStrictEqual(targets('cp -t docs a.txt').overwrite, ['docs/a.txt']);
    assert.deepStrictEqual(targets('mv -n a.txt b.txt').overwrite, []);
  });
  it('truncating redirects and truncate; appends and devices are not', () => {
    assert.deepStrictEqual(targets('echo hi > notes.txt').overwrite, ['notes.txt']);
    assert.deepStrictEqual(targets('echo hi >> notes.txt').overwrite, []);
    assert.deepStrictEqual(targets('make 2> /dev/null').overwrite, []);
    assert.deepStrictEqual(targets('truncate -s 0 big.log').overwrite, ['big.log']);
  });
  it('a variable is not guessed at', () => {
    assert.deepStrictEqual(targets('rm "$F"').unknown, ['$F']);
  });
});

describe('restore: files', function () {
  this.timeout(30_000);
  let dir: string;
  let store: string;
  beforeEach(() => {
    dir = tempDir('ag-restore-files-');
    store = tempDir('ag-restore-store-');
  });

  it('rm -r of a folder: files, a binary, a symlink, a read-only file and empty folders come back', async () => {
    write(dir, 'work/a.txt', 'alpha\n');
    fs.writeFileSync(path.join(dir, 'work/bin.dat'), Buffer.from([0, 255, 1, 0]));
    fs.symlinkSync('a.txt', path.join(dir, 'work/link'));
    write(dir, 'work/locked.txt', 'read only\n');
    fs.chmodSync(path.join(dir, 'work/locked.txt'), 0o444);
    fs.mkdirSync(path.join(dir, 'work/empty'));
    write(dir, 'work/node_modules/x.js', 'rebuildable\n');
    const p = await plan('rm -rf work', dir);
    assert.match(p.parts[0].what, /^4 files \(\d+ bytes\)$/);
    const taken = await keep('rm -rf work', dir, store);
    assert.strictEqual(taken.complete, true, taken.note);
    sh(dir, 'rm -rf work');
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(read(dir, 'work/a.txt'), 'alpha\n');
    assert.deepStrictEqual([...fs.readFileSync(path.join(dir, 'work/bin.dat'))], [0, 255, 1, 0]);
    assert.strictEqual(fs.readlinkSync(path.join(dir, 'work/link')), 'a.txt');
    assert.strictEqual(fs.statSync(path.join(dir, 'work/locked.txt')).mode & 0o777, 0o444);
    assert.ok(fs.statSync(path.join(dir, 'work/empty')).isDirectory());
    assert.ok(!fs.existsSync(path.join(dir, 'work/node_modules')), 'rebuildable folders are not kept');
  });

  it('an unlinked file is kept as a hard link (no copy)', async () => {
    write(dir, 'draft.txt', 'draft\n');
    const taken = await keep('rm draft.txt', dir, store);
    const kept = path.join(store, taken.id, 'files', '0');
    assert.strictEqual(fs.statSync(kept).ino, fs.statSync(path.join(dir, 'draft.txt')).ino);
  });

  it('rm -rf dist and node_modules get no point', async () => {
    write(dir, 'dist/app.js', 'x\n');
    write(dir, 'node_modules/y/i.js', 'y\n');
    assert.deepStrictEqual(await plan('rm -rf dist node_modules', dir), { parts: [], reasons: [] });
  });

  it('an overwrite by redirect comes back; a later edit is a newer change and needs force', async () => {
    write(dir, 'notes.txt', 'original\n');
    const taken = await keep('echo new > notes.txt', dir, store);
    sh(dir, 'echo new > notes.txt');
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.deepStrictEqual(out.report.conflicts, []);
    assert.strictEqual(read(dir, 'notes.txt'), 'original\n');

    const again = await keep('rm notes.txt', dir, store);
    sh(dir, 'rm notes.txt');
    write(dir, 'notes.txt', 'somebody wrote this since\n');
    const refused = await restorePoint(store, again.id, { force: false });
    assert.ok(typeof refused !== 'string');
    assert.deepStrictEqual(refused.report.conflicts, [path.join(dir, 'notes.txt')]);
    assert.strictEqual(read(dir, 'notes.txt'), 'somebody wrote this since\n');
  });

  it('past the deadline the point is partial and says what it missed; nothing throws', async () => {
    write(dir, 'a.txt', 'a\n');
    write(dir, 'b.txt', 'b\n');
    const p = await plan('rm a.txt b.txt', dir);
    fs.mkdirSync(path.join(store, 'late'));
    const taken = await filesRestorer.take(p.parts[0], { dir: path.join(store, 'late'), id: 'late', command: 'rm a.txt b.txt', deadline: Date.now() - 1 });
    assert.strictEqual(taken.complete, false);
    assert.match(taken.note ?? '', /^not kept: .*a\.txt, .*b\.txt$/);
  });

  it("an interpreter's delete the engine read (python shutil.rmtree) is kept like rm -rf", async () => {
    write(dir, 'data/rows.csv', 'a,b\n');
    const p = await plan(`python3 -c "import shutil; shutil.rmtree('data')"`, dir);
    assert.deepStrictEqual(p.parts.map((x) => x.paths), [[path.join(dir, 'data/rows.csv')]]);
    assert.deepStrictEqual(p.reasons, []);
  });

  it('cd before rm moves the cwd', async () => {
    write(dir, 'sub/keep.txt', 'k\n');
    const p = await plan('cd sub && rm keep.txt', dir);
    assert.deepStrictEqual(p.parts[0].paths, [path.join(dir, 'sub/keep.txt')]);
  });

  it('a glob in the last name is expanded', async () => {
    write(dir, 'a.log', '1\n');
    write(dir, 'b.log', '2\n');
    write(dir, 'c.txt', '3\n');
    const p = await plan('rm *.log', dir);
    assert.deepStrictEqual(p.parts[0].paths.sort(), [path.join(dir, 'a.log'), path.join(dir, 'b.log')]);
  });
});

describe('restore: SQLite', function () {
  this.timeout(30_000);
  const hasSqlite = (() => {
    try {
      execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it('DELETE FROM without WHERE: the database file comes back', async function () {
    const dir = tempDir('ag-restore-sqlite-');
    const store = tempDir('ag-restore-store-');
    // Without the sqlite3 client the database is written by hand: a SQLite file is just a file here.
    if (hasSqlite) execFileSync('sqlite3', [path.join(dir, 'app.db'), 'CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);']);
    else fs.writeFileSync(path.join(dir, 'app.db'), 'SQLite format 3\0 rows 1 2');
    const before = fs.readFileSync(path.join(dir, 'app.db'));
    const p = await plan("sqlite3 app.db 'DELETE FROM t'", dir);
    assert.strictEqual(p.parts[0]?.kind, 'sqlite', JSON.stringify(p));
    const taken = await keep("sqlite3 app.db 'DELETE FROM t'", dir, store);
    if (hasSqlite) execFileSync('sqlite3', [path.join(dir, 'app.db'), 'DELETE FROM t; VACUUM;']);
    else fs.writeFileSync(path.join(dir, 'app.db'), 'SQLite format 3\0 rows');
    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'app.db')), before);
    if (hasSqlite) assert.strictEqual(execFileSync('sqlite3', [path.join(dir, 'app.db'), 'SELECT count(*) FROM t'], { encoding: 'utf8' }).trim(), '2');
  });
});
