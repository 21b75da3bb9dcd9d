import * as assert from 'assert';
import { spawn } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DecisionLog, newEntryId } from '../../../src/log/decisionLog';
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
    checkAll(await rawLines(new DecisionLog({ dir, maxEntries: 100_000 })));
  });

  it('8 processes rotating the same file: rotation happens once, no line is lost to it', async function () {
    this.timeout(90_000);
    const dir = await tempDir();
    await eightProcesses(dir, 2500);
    const log = new DecisionLog({ dir, maxEntries: 2500 });
    assert.ok((await fsp.stat(log.rotatedPath)).isFile(), 'rotated');
    checkAll(await rawLines(log));
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
