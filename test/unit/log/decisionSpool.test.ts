// The spool: CLI decisions no window saw reach the log, none lost, none twice.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appendToSpool, drainSpool } from '../../../src/log/decisionSpool';
import type { LogEntry } from '../../../src/log/logEntry';
import { decisionEntry } from '../../../src/log/logRecord';

function entry(i: number): LogEntry {
  return decisionEntry(
    { kind: 'shell', command: `rm -rf ~/p${i}` },
    { decision: 'confirm', findings: [], environment: { name: 'unknown', production: false, source: 'unknown' } },
    { door: 'hook', agent: 'Claude Code', cwd: '/w' },
    { decision: 'block', by: 'unreachable' },
    (t) => t,
  );
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'ag-spool-test-'));

describe('decision spool', function () {
  this.timeout(60_000);

  it('drains what was appended, once', async () => {
    const dir = tmp();
    for (let i = 0; i < 5; i++) appendToSpool(entry(i), dir);
    const got: LogEntry[] = [];
    assert.strictEqual(await drainSpool(dir, async (e) => void got.push(...e), () => undefined), 5);
    assert.deepStrictEqual(got.map((e) => e.command), [0, 1, 2, 3, 4].map((i) => `rm -rf ~/p${i}`));
    assert.strictEqual(await drainSpool(dir, async (e) => void got.push(...e), () => undefined), 0);
    assert.strictEqual(got.length, 5);
  });

  it('keeps every line from 8 concurrent writer processes × 200 lines, none torn', async () => {
    const dir = tmp();
    const script = `const { appendToSpool } = require(${JSON.stringify(path.join(__dirname, '../../../src/log/decisionSpool.ts'))});
      for (let i = 0; i < 200; i++) appendToSpool({ v: 1, id: process.argv[1] + '-' + i, time: new Date().toISOString(), kind: 'decision', door: 'hook', command: 'x'.repeat(300), findings: [], environment: { name: 'unknown', production: false, source: 'u' }, verdict: 'confirm', decision: 'block', by: 'unreachable' }, ${JSON.stringify(dir)});`;
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script, `w${w}`], { stdio: 'inherit' });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
        }),
      ),
    );
    const got: LogEntry[] = [];
    const warnings: string[] = [];
    await drainSpool(dir, async (e) => void got.push(...e), (m) => warnings.push(m));
    assert.deepStrictEqual(warnings, []);
    assert.strictEqual(new Set(got.map((e) => e.id)).size, 1600);
  });

  it('skips a corrupt line with a warning and keeps the rest', async () => {
    const dir = tmp();
    appendToSpool(entry(1), dir);
    fs.appendFileSync(path.join(dir, 'decisions.jsonl'), '{not json\n');
    appendToSpool(entry(2), dir);
    const got: LogEntry[] = [];
    const warnings: string[] = [];
    await drainSpool(dir, async (e) => void got.push(...e), (m) => warnings.push(m));
    assert.strictEqual(got.length, 2);
    assert.strictEqual(warnings.length, 1);
  });

  it('keeps the lines when the log cannot take them, and a later drain delivers them', async () => {
    const dir = tmp();
    appendToSpool(entry(1), dir);
    await assert.rejects(drainSpool(dir, async () => { throw new Error('disk full'); }, () => undefined));
    const got: LogEntry[] = [];
    // The failed drain's file is taken over once it is stale.
    await drainSpool(dir, async (e) => void got.push(...e), () => undefined, Date.now() + 120_000);
    assert.strictEqual(got.length, 1);
  });

  it('never throws when it cannot write; it reports instead', () => {
    const reports: string[] = [];
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    appendToSpool(entry(1), path.join(file, 'spool'), (m) => reports.push(m)); // a folder inside a file: ENOTDIR
    assert.strictEqual(reports.length, 1);
  });
});
