// The stall watchdog really answers while the main thread is stuck: in a synchronous loop, in a regular
// expression that backtracks exponentially, in one that backtracks quadratically. And it stays silent
// while the main thread is busy only waiting (the person deciding) or finishes in time.
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { stallAnswerFor } from '../../../src/cli/stallWatchdog';

const ROOT = path.join(__dirname, '..', '..', '..');

/** A small program that arms the watchdog (stall after 800 ms) and then does what argv[2] says. */
const PROGRAM = `
import { armStallWatchdog } from ${JSON.stringify(path.join(ROOT, 'src', 'cli', 'stallWatchdog'))};
armStallWatchdog({ stdout: '{"decision":"deny"}\\n', stderr: 'stalled\\n', exitCode: 2 }, 800);
const what = process.argv[2];
if (what === 'loop') for (;;) {}
if (what === 'exponential') /^(a+)+$/.test('a'.repeat(40) + 'b');
if (what === 'quadratic') /\\s*\\|$/.test(' '.repeat(3_000_000));
if (what === 'waits') setTimeout(() => process.stdout.write('waited\\n'), 2500);
if (what === 'quick') process.stdout.write('quick\\n');
`;

describe('stall watchdog', function () {
  this.timeout(60_000);
  let bundle = '';
  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-stall-'));
    fs.writeFileSync(path.join(dir, 'program.ts'), PROGRAM);
    bundle = path.join(dir, 'program.js');
    buildSync({ entryPoints: [path.join(dir, 'program.ts')], bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: bundle, logLevel: 'warning' });
  });
  after(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

  const run = (what: string): { status: number | null; stdout: string; stderr: string; ms: number } => {
    const start = Date.now();
    const r = spawnSync(process.execPath, [bundle, what], { encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
  };

  for (const what of ['loop', 'exponential', 'quadratic']) {
    it(`answers with the prepared deny and its exit code when the main thread is stuck (${what})`, () => {
      const r = run(what);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '{"decision":"deny"}\n');
      assert.equal(r.stderr, 'stalled\n');
      assert.ok(r.ms < 20_000, `${r.ms} ms`);
    });
  }
  it('stays silent while the main thread waits on its event loop', () => {
    const r = run('waits');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'waited\n');
  });
  it('stays silent and lets the process end when the work is quick', () => {
    const r = run('quick');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'quick\n');
  });
  it('prepares the answer each verb needs', () => {
    const hook = stallAnswerFor(['hook', 'claude']);
    assert.equal(hook?.exitCode, 2);
    assert.match(hook?.stdout ?? '', /"permissionDecision":"deny"/);
    assert.equal(stallAnswerFor(['hook', 'nobody'])?.exitCode, 2);
    assert.equal(stallAnswerFor(['check', '--json', '--', 'ls'])?.exitCode, 10);
    assert.match(stallAnswerFor(['check', '--json', '--', 'ls'])?.stdout ?? '', /"decision":"confirm"/);
    assert.equal(stallAnswerFor(['check', '--batch', '--json']), undefined);
    assert.equal(stallAnswerFor(['ask', '--', 'ls'])?.exitCode, 20);
    assert.equal(stallAnswerFor(['help']), undefined);
  });
});
