// The CLI loader's code cache (src/cli/entry.ts, src/cli/entryCodeCache.ts): written once, trusted only
// for the same bundle and runtime, a stale or corrupt cache ignored and rewritten, the run's answer never
// changed by it. Each run is a real child process, as a hook host starts it.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { codeCacheFile } from '../../../src/cli/entryCodeCache';

const ROOT = path.join(__dirname, '..', '..', '..');
const opts: BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', mainFields: ['module', 'main'] };

describe('CLI loader code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let runner: string;
  let bundle: string;
  let cacheDir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-codecache-'));
    fs.writeFileSync(path.join(dir, 'runner.ts'), `import { runWithCodeCache } from ${JSON.stringify(path.join(ROOT, 'src/cli/entryCodeCache'))};\nrunWithCodeCache(process.argv[2], process.argv[3]);\n`);
    runner = path.join(dir, 'runner.js');
    buildSync({ ...opts, entryPoints: [path.join(dir, 'runner.ts')], outfile: runner });
    bundle = path.join(dir, 'bundle.js');
    cacheDir = path.join(dir, 'cache');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeBundle = (word: string): void =>
    fs.writeFileSync(bundle, `const path = require('path');\nfunction say(w) { return w + ' ' + path.basename(__filename) + ' ' + process.argv.slice(4).join(',') + '\\n'; }\nprocess.stdout.write(say(${JSON.stringify(word)}));\n`);
  const run = (): string => {
    const r = spawnSync(process.execPath, [runner, bundle, cacheDir, 'x'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    return r.stdout;
  };
  const cacheFile = (): string => codeCacheFile(cacheDir, bundle);
  const stamp = (): string => {
    const st = fs.statSync(cacheFile());
    return `${st.ino}:${st.mtimeMs}`;
  };

  it('writes the cache on the first run, owner-only, and answers the same from it', () => {
    writeBundle('alpha');
    assert.strictEqual(run(), 'alpha bundle.js x\n');
    assert.ok(fs.existsSync(cacheFile()));
    if (process.platform !== 'win32') {
      assert.strictEqual(fs.statSync(cacheDir).mode & 0o777, 0o700);
      assert.strictEqual(fs.statSync(cacheFile()).mode & 0o777, 0o600);
    }
    const before = stamp();
    assert.strictEqual(run(), 'alpha bundle.js x\n');
    assert.strictEqual(stamp(), before, 'a fitting cache is used, not rewritten');
  });

  it('ignores and rewrites a corrupt cache', () => {
    writeBundle('beta');
    run();
    fs.writeFileSync(cacheFile(), Buffer.from('\u0010\u0000\u0000\u0000{"format":1,"size"garbage-bytes-that-are-not-a-cache'));
    assert.match(run(), /^beta /);
    const header = fs.readFileSync(cacheFile());
    assert.ok(JSON.parse(header.toString('utf8', 4, 4 + header.readUInt32LE(0))).sha256, 'rewritten with a valid header');
    fs.writeFileSync(cacheFile(), Buffer.alloc(2));
    assert.match(run(), /^beta /);
  });

  it('never runs a cache made for other bytes of the same size (digest), and rewrites it', () => {
    writeBundle('gamma');
    run();
    const before = stamp();
    writeBundle('delta'); // same length, new content, new mtime
    assert.match(run(), /^delta /);
    assert.notStrictEqual(stamp(), before);
    assert.match(run(), /^delta /);
  });

  it('keeps the cache when only the mtime moved and the digest still matches', () => {
    writeBundle('omega');
    run();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(bundle, later, later);
    assert.match(run(), /^omega /);
    const restamped = stamp();
    assert.match(run(), /^omega /);
    assert.strictEqual(stamp(), restamped, 'restamped once, then used as it is');
  });

  it('ignores a cache made by another runtime', () => {
    writeBundle('kappa');
    run();
    const buf = fs.readFileSync(cacheFile());
    const len = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString('utf8', 4, 4 + len));
    const head = Buffer.from(JSON.stringify({ ...header, runtime: 'x64 node 0.0.0 v8 0' }));
    const lenBuf = Buffer.alloc(4);
    lenBuf.writeUInt32LE(head.length, 0);
    fs.writeFileSync(cacheFile(), Buffer.concat([lenBuf, head, buf.subarray(4 + len)]));
    assert.match(run(), /^kappa /);
    const again = fs.readFileSync(cacheFile());
    assert.notStrictEqual(JSON.parse(again.toString('utf8', 4, 4 + again.readUInt32LE(0))).runtime, 'x64 node 0.0.0 v8 0');
  });

  it('dist/cli.js as built runs the CLI through the cache in ~/.agent-guard/cache (verdicts and exit codes unchanged)', () => {
    const out = path.join(dir, 'dist');
    buildSync({ ...opts, entryPoints: [path.join(ROOT, 'src/cli/main.ts')], outfile: path.join(out, 'cli-main.js') });
    buildSync({ ...opts, entryPoints: [path.join(ROOT, 'src/cli/entry.ts')], outfile: path.join(out, 'cli.js') });
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home, XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ag-rt-')) };
    delete env.AGENT_GUARD_IPC;
    const check = (line: string): number | null => spawnSync(process.execPath, [path.join(out, 'cli.js'), 'check', '--', line], { env, encoding: 'utf8' }).status;
    for (let i = 0; i < 2; i++) {
      assert.strictEqual(check('git status'), 0);
      assert.strictEqual(check('rm -rf /'), 10);
    }
    const cached = fs.readdirSync(path.join(home, '.agent-guard', 'cache'));
    assert.ok(cached.some((f) => f.endsWith('.v8cache')), 'the code cache is written');
    // A half-finished update (cli-main.js gone): a hook still blocks, check still does not allow.
    fs.rmSync(path.join(out, 'cli-main.js'));
    const hook = spawnSync(process.execPath, [path.join(out, 'cli.js'), 'hook', 'claude'], { env, input: '{}', encoding: 'utf8' });
    assert.strictEqual(hook.status, 2);
    assert.match(hook.stderr, /blocking.*Stop and ask the person/);
    assert.strictEqual(check('git status'), 10);
  });
});
