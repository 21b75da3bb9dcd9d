import * as assert from 'assert';
import { spawn } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DecisionLog, newEntryId } from '../../../src/log/decisionLog';
import { chainReportText, lineDigest } from '../../../src/log/logChain';
import { parseLogLine } from '../../../src/log/logEntry';
import type { LogEntry } from '../../../src/log/logEntry';

function entry(command: string, decision: 'allow' | 'block' = 'block'): LogEntry {
  return {
    v: 1,
    id: newEntryId(),
    time: new Date().toISOString(),
    kind: 'decision',
    door: 'hook',
    agent: 'Claude Code',
    cwd: '/work/app',
    command,
    findings: [{ rule: 'sql.drop', category: 'sql', severity: 'high', summary: 'drops table `users`' }],
    environment: { name: 'production', production: true, source: 'from `--environment production`' },
    verdict: 'confirm',
    decision,
    by: 'person',
  };
}

async function tempDir(): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), 'ag-log-'));
}

async function rawLines(log: DecisionLog): Promise<string[]> {
  const out: string[] = [];
  for (const f of [log.rotatedPath, log.filePath]) {
    try {
      out.push(...(await fsp.readFile(f, 'utf8')).split('\n').filter((l) => l !== ''));
    } catch {
      // generation absent
    }
  }
  return out;
}

describe('DecisionLog', () => {
  it('8 concurrent writers × 500 lines: no line lost, none torn', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 100_000 });
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 500; i++) {
        // Do not await every line: appends from the 8 writers interleave in the one queue.
        const p = log.append(entry(`writer ${w} line ${i} ${'x'.repeat(i % 300)}`));
        if (i % 7 === 0) await p;
      }
    });
    await Promise.all(writers);
    await log.flush();
    const lines = await rawLines(log);
    assert.strictEqual(lines.length, 4000);
    const seen = new Set<string>();
    for (const l of lines) {
      const e = parseLogLine(l);
      assert.ok(e, `torn or corrupt line: ${l.slice(0, 80)}`);
      seen.add(e.command.split(' ').slice(0, 4).join(' '));
    }
    assert.strictEqual(seen.size, 4000);
  });

  async function eightProcesses(dir: string, maxEntries: number): Promise<void> {
    const worker = path.join(__dirname, 'appendWorker.ts');
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        new Promise<void>((resolve, reject) => {
          const p = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), worker, dir, String(w), '500', String(maxEntries)], { stdio: 'inherit' });
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${w} exited ${code}`))));
        }),
      ),
    );
  }

  function checkAll(lines: string[]): void {
    const seen = new Set<string>();
    for (const l of lines) {
      const e = parseLogLine(l);
      assert.ok(e, `torn or corrupt line: ${l.slice(0, 80)}`);
      seen.add(e.command.split(' ').slice(0, 4).join(' '));
    }
    assert.strictEqual(seen.size, 4000);
    assert.strictEqual(lines.length, 4000);
  }

  it('8 processes (windows) × 500 lines on one file: no line lost, none torn', async function () {
    this.timeout(90_000);
    const dir = await tempDir();
    await eightProcesses(dir, 100_000);
    const log = new DecisionLog({ dir, maxEntries: 100_000 });
    checkAll(await rawLines(log));
    assert.deepStrictEqual((await log.verify()).problems, [], 'the append lock keeps one chain across windows');
  });

  it('8 processes rotating the same file: rotation happens once, no line is lost to it', async function () {
    this.timeout(90_000);
    const dir = await tempDir();
    await eightProcesses(dir, 2500);
    const log = new DecisionLog({ dir, maxEntries: 2500 });
    assert.ok((await fsp.stat(log.rotatedPath)).isFile(), 'rotated');
    checkAll(await rawLines(log));
    assert.deepStrictEqual((await log.verify()).problems, [], 'rotation continues the chain');
  });

  it('rotation keeps every line: 500 lines with maxEntries 300 → 300 rotated + 200 active, each once', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 300 });
    await Promise.all(Array.from({ length: 500 }, (_, i) => log.append(entry(`line ${i}`))));
    const rotated = (await fsp.readFile(log.rotatedPath, 'utf8')).split('\n').filter(Boolean);
    const active = (await fsp.readFile(log.filePath, 'utf8')).split('\n').filter(Boolean);
    assert.ok(rotated.length <= 300 && active.length <= 300, `${rotated.length} / ${active.length}`);
    assert.strictEqual(rotated.length + active.length, 500);
    const { entries, skipped } = await log.read();
    assert.strictEqual(skipped, 0);
    assert.deepStrictEqual(
      entries.map((e) => e.command),
      Array.from({ length: 500 }, (_, i) => `line ${i}`),
    );
  });

  it('rotates a file left by an earlier session once it is full', async () => {
    const dir = await tempDir();
    const first = new DecisionLog({ dir, maxEntries: 10 });
    for (let i = 0; i < 10; i++) await first.append(entry(`old ${i}`));
    const second = new DecisionLog({ dir, maxEntries: 10 });
    await second.append(entry('new 0'));
    const active = (await fsp.readFile(second.filePath, 'utf8')).split('\n').filter(Boolean);
    assert.strictEqual(active.length, 1);
    const { entries } = await second.read();
    assert.strictEqual(entries.length, 11);
    assert.strictEqual(entries[10]?.command, 'new 0');
  });

  it('skips corrupt and torn lines, counting them, and keeps reading', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 1000 });
    await log.append(entry('good 1'));
    await fsp.appendFile(log.filePath, 'not json\n{"v":1,"id":"x"}\n{"v":1,"id":"half", "time":"');
    await fsp.appendFile(log.filePath, '\n');
    await log.append(entry('good 2'));
    const { entries, skipped } = await log.read();
    assert.deepStrictEqual(entries.map((e) => e.command), ['good 1', 'good 2']);
    assert.strictEqual(skipped, 3);
  });

  it('notifies listeners after lines are written, and clear() removes both generations', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 10 });
    const heard: string[] = [];
    const sub = log.onDidAppend((es) => heard.push(...es.map((e) => e.command)));
    for (let i = 0; i < 15; i++) await log.append(entry(`c${i}`));
    assert.strictEqual(heard.length, 15);
    sub.dispose();
    await log.clear();
    const { entries } = await log.read();
    assert.strictEqual(entries.length, 0);
    await log.append(entry('after clear'));
    assert.strictEqual(heard.length, 15);
    assert.strictEqual((await log.read()).entries.length, 1);
  });

  it('writes the log owner-only', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 10 });
    await log.append(entry('x'));
    const st = await fsp.stat(log.filePath);
    assert.strictEqual(st.mode & 0o077, 0);
  });
});

describe('DecisionLog hash chain and Verify Log', () => {
  async function chainedLog(n: number, maxEntries = 100): Promise<DecisionLog> {
    const log = new DecisionLog({ dir: await tempDir(), maxEntries });
    for (let i = 0; i < n; i++) await log.append(entry(`line ${i}`));
    return log;
  }

  async function editFile(file: string, edit: (lines: string[]) => string[]): Promise<void> {
    const lines = (await fsp.readFile(file, 'utf8')).split('\n').filter(Boolean);
    await fsp.writeFile(file, edit(lines).join('\n') + '\n');
  }

  it('each line carries seq and the digest of the line before; an intact log verifies', async () => {
    const log = await chainedLog(5);
    const lines = (await fsp.readFile(log.filePath, 'utf8')).split('\n').filter(Boolean);
    assert.deepStrictEqual(lines.map((l) => (JSON.parse(l) as { seq: number }).seq), [1, 2, 3, 4, 5]);
    assert.strictEqual((JSON.parse(lines[0]!) as { prev: string }).prev, '');
    assert.strictEqual((JSON.parse(lines[1]!) as { prev: string }).prev, lineDigest(lines[0]!));
    const r = await log.verify();
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.startsAt?.line, 1);
    assert.match(chainReportText(r), /^Log OK: 5 lines/);
  });

  it('finds an edited line by its number', async () => {
    const log = await chainedLog(6);
    await editFile(log.filePath, (ls) => ls.map((l, i) => (i === 2 ? l.replace('"decision":"block"', '"decision":"allow"') : l)));
    const r = new DecisionLog({ dir: path.dirname(log.filePath), maxEntries: 100 });
    const report = await r.verify();
    assert.strictEqual(report.problems.length, 1);
    const p = report.problems[0]!;
    assert.strictEqual(p.kind, 'edited');
    assert.strictEqual(p.kind === 'edited' && p.changed.line, 3);
    assert.match(chainReportText(report), /line 3 of .*decisions\.jsonl was edited/);
  });

  it('finds a removed line and how many were removed', async () => {
    const log = await chainedLog(6);
    await editFile(log.filePath, (ls) => ls.filter((_, i) => i !== 3 && i !== 4));
    const report = await new DecisionLog({ dir: path.dirname(log.filePath), maxEntries: 100 }).verify();
    assert.deepStrictEqual(
      report.problems.map((p) => [p.kind, p.at.line, p.kind === 'removed' ? p.count : 0]),
      [['removed', 4, 2]],
    );
    assert.match(chainReportText(report), /2 lines were removed just before line 4/);
  });

  it('lines cut off the end: the window that wrote them notices', async () => {
    const log = await chainedLog(4);
    await editFile(log.filePath, (ls) => ls.slice(0, 2));
    assert.strictEqual((await log.verify()).endsEarly, 2);
  });

  it('rotation continues the chain; the rotated file starts it midway once older lines are gone', async () => {
    const log = await chainedLog(25, 10);
    const r = await log.verify();
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.startsAt?.file, log.rotatedPath);
    assert.strictEqual(r.startsMidway, true);
    assert.match(chainReportText(r), /older lines were rotated out/);
  });

  it('an old log without the chain stays readable; verify says where the chain starts', async () => {
    const dir = await tempDir();
    const log = new DecisionLog({ dir, maxEntries: 100 });
    await fsp.writeFile(log.filePath, [entry('old 1'), entry('old 2')].map((e) => JSON.stringify(e)).join('\n') + '\n');
    await log.append(entry('new 1'));
    await log.append(entry('new 2'));
    assert.strictEqual((await log.read()).entries.length, 4);
    const r = await log.verify();
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.startsAt?.line, 3);
  });

  it('lines drained from the CLI spool are chained on drain, whatever link they arrived with', async () => {
    const log = await chainedLog(2);
    const forged = { ...entry('from the spool'), seq: 999, prev: 'f'.repeat(64) } as LogEntry;
    await log.append(forged);
    const last = (await fsp.readFile(log.filePath, 'utf8')).split('\n').filter(Boolean)[2]!;
    assert.strictEqual((JSON.parse(last) as { seq: number }).seq, 3);
    assert.deepStrictEqual((await log.verify()).problems, []);
  });

  it('Clear Log starts a new chain', async () => {
    const log = await chainedLog(3);
    await log.clear();
    await log.append(entry('after'));
    const r = await log.verify();
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.lines, 1);
  });
});
