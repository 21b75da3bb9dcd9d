import assert from 'node:assert/strict';
import { classifyDeletePath, isDisposableNamePattern, isSystemOrDataFolder, isTemporaryFolder } from '../../../src/engine/rules/deletePathSafety';
import { scanArgs, subcommandIndex } from '../../../src/engine/rules/scanArgs';

// [path, safe?, kind]
const PATHS: [string, boolean, string][] = [
  ['node_modules', true, 'rebuildable'],
  ['./dist/', true, 'rebuildable'],
  ['packages/web/.next', true, 'rebuildable'],
  ['build/*', true, 'rebuildable'],
  ['*/node_modules', true, 'rebuildable'],
  ['.venv', true, 'rebuildable'],
  ['/tmp/x', true, 'temporary'],
  ['/tmp/$USER-build', true, 'temporary'],
  ['$TMPDIR/work', true, 'temporary'],
  ['${TMPDIR:-/tmp}/work', true, 'temporary'],
  ['/private/var/folders/ab/T/x', true, 'temporary'],
  ['/', false, 'root'],
  ['/*', false, 'root'],
  ['/tmp/../etc', false, 'system'],
  ['/tmp', false, 'system'],
  ['/etc', false, 'system'],
  ['/srv/app', false, 'absolute'],
  ['~', false, 'home'],
  ['$HOME/', false, 'home'],
  ['~/code', false, 'in-home'],
  ['$HOME/code', false, 'in-home'],
  ['.', false, 'current'],
  ['build/..', false, 'current'],
  ['*', false, 'everything-here'],
  ['.*', false, 'everything-here'],
  ['..', false, 'escapes'],
  ['node_modules/../../x', false, 'escapes'],
  ['build/../src', false, 'folder'],
  ['.git', false, 'git'],
  ['src/.git/objects', false, 'git'],
  ['$DIR/', false, 'variable'],
  ['$(pwd)/src', false, 'folder'],
  ['$(pwd)/dist', true, 'rebuildable'],
  ['C:/', false, 'root'],
  ['C:/Users/me', false, 'absolute'],
  ['src', false, 'folder'],
];

describe('delete path safety', () => {
  for (const [path, isSafe, kind] of PATHS) {
    it(`${path} → ${isSafe ? 'safe' : 'asks'} (${kind})`, () => {
      const c = classifyDeletePath(path);
      assert.equal(c.safe, isSafe);
      assert.equal(c.kind, kind);
    });
  }

  it('knows generated-file patterns from data patterns', () => {
    for (const p of ['*.pyc', '*.o', '__pycache__', '.DS_Store', 'node_modules', '*.tsbuildinfo']) assert.ok(isDisposableNamePattern(p), p);
    for (const p of ['*', '*.db', '*.sql', '*.json', '*.p*', 'data']) assert.ok(!isDisposableNamePattern(p), p);
  });

  it('knows system and data folders for recursive chmod/chown', () => {
    for (const p of ['/', '~', '$HOME', '/etc', '/usr', '/var/lib/postgresql', '/home/me', '/Users/me']) assert.ok(isSystemOrDataFolder(p), p);
    for (const p of ['./scripts', '/var/www/html', '~/.ssh', '/home/me/project', 'src']) assert.ok(!isSystemOrDataFolder(p), p);
  });

  it('knows the temporary folders themselves', () => {
    assert.ok(isTemporaryFolder('/tmp'));
    assert.ok(isTemporaryFolder('$TMPDIR'));
    assert.ok(!isTemporaryFolder('/tmp/x'));
  });
});

describe('argument scanner', () => {
  it('splits bundled short flags and stops at --', () => {
    const s = scanArgs(['-rf', '--', '-x', 'a']);
    assert.equal(s.short, 'rf');
    assert.deepStrictEqual(s.positionals, ['-x', 'a']);
  });

  it('does not read an option value as flags or operands', () => {
    const s = scanArgs(['-o', 'ci.skip', '--repo=origin', 'main'], { shortWithValue: 'o' });
    assert.equal(s.short, 'o');
    assert.equal(s.values.get('o'), 'ci.skip');
    assert.equal(s.values.get('repo'), 'origin');
    assert.deepStrictEqual(s.positionals, ['main']);
  });

  it('finds a subcommand after global options', () => {
    const args = ['-C', 'dir', '-c', 'a=b', '--git-dir', '.git', '--no-pager', 'push'];
    assert.equal(subcommandIndex(args, { shortWithValue: 'Cc', longWithValue: new Set(['git-dir']) }), 7);
    assert.equal(subcommandIndex(['--version'], {}), -1);
  });
});
