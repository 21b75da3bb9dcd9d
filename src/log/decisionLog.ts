// The append-only decision log: one JSON line per decision in `decisions.jsonl`.
// One writer per process (each VS Code window's extension host is one): appends go through a promise chain that batches whole lines into a single
// `appendFile` with O_APPEND, so lines are never interleaved or torn, and rotation happens between two
// writes, never during one — no line is lost to it. The file holds at most `maxEntries` lines; at that
// point it becomes `decisions.1.jsonl` (replacing the previous one), so between maxEntries and
// 2 × maxEntries of the newest decisions are kept.
// Every line is hash-chained to the one before (`logChain.ts`): the link is computed when the batch is
// written, under a short append lock shared by the windows, so rotation and spooled CLI decisions
// continue the chain and two windows never fork it.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { chainedLine, linkOf, nextLink, verifyChain } from './logChain';
import type { ChainLine, ChainReport } from './logChain';
import { parseLogLine } from './logEntry';
import type { LogEntry } from './logEntry';

export interface DecisionLogOptions {
  dir: string;
  maxEntries: number;
  fileName?: string;
}

export interface ReadResult {
  /** Oldest first. */
  entries: LogEntry[];
  /** Lines that could not be read (corrupt, torn by a crash, foreign). They are skipped, never fatal. */
  skipped: number;
}

export interface Disposable {
  dispose(): void;
}

interface Batch {
  entries: LogEntry[];
  done: Promise<void>;
  resolve(): void;
  reject(e: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failed write is reported to the awaiting caller; keep the chain itself from an unhandled rejection.
  done.catch(() => undefined);
  return { entries: [], done, resolve, reject };
}

export const MIN_MAX_ENTRIES = 10;
const STALE_LOCK_MS = 30_000;
/** How long a writer waits for another window's append lock before writing without it (never drop a line). */
const APPEND_LOCK_WAIT_MS = 2_000;

export { newEntryId } from './entryId';

/**
 * Takes an exclusive lock file; undefined while another window holds it. A lock older than
 * STALE_LOCK_MS was left by a crashed window: it is broken (the next try takes it).
 */
async function tryLock(lock: string): Promise<(() => Promise<void>) | undefined> {
  try {
    const handle = await fsp.open(lock, 'wx', 0o600);
    return async () => {
      await handle.close();
      await fsp.rm(lock, { force: true });
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = Date.now() - (await fsp.stat(lock).then((st) => st.mtimeMs, () => Date.now()));
    if (age > STALE_LOCK_MS) await fsp.rm(lock, { force: true });
    return undefined;
  }
}

export class DecisionLog {
  readonly filePath: string;
  readonly rotatedPath: string;
  private maxEntries: number;
  private chain: Promise<void> = Promise.resolve();
  private pending: Batch | undefined;
  /** Lines in the active file, and its size when last seen. Another window appending changes the size
   *  behind our back; a size we did not expect triggers a recount. */
  private lineCount = 0;
  private knownSize: number | undefined;
  /** The last line in the log as written (the next line's chain link is computed from it). */
  private lastLine: string | undefined;
  /** The highest `seq` this process wrote: a log that ends below it lost lines at its end. */
  private lastWrittenSeq = 0;
  private readonly listeners = new Set<(entries: readonly LogEntry[]) => void>();

  constructor(private readonly options: DecisionLogOptions) {
    const name = options.fileName ?? 'decisions.jsonl';
    this.filePath = path.join(options.dir, name);
    this.rotatedPath = path.join(options.dir, name.replace(/\.jsonl$/, '') + '.1.jsonl');
    this.maxEntries = Math.max(MIN_MAX_ENTRIES, Math.floor(options.maxEntries));
  }

  setMaxEntries(n: number): void {
    this.maxEntries = Math.max(MIN_MAX_ENTRIES, Math.floor(n));
  }

  /** Called after each batch reaches the disk. */
  onDidAppend(listener: (entries: readonly LogEntry[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Queues one entry; resolves once its line is on disk. */
  append(entry: LogEntry): Promise<void> {
    // Serialise once before queueing so a bad entry fails its own caller, not the batch (the line itself
    // is written with its chain link later). JSON.stringify never emits a raw newline: one entry, one line.
    JSON.stringify(entry);
    if (!this.pending) {
      const batch = newBatch();
      this.pending = batch;
      this.chain = this.chain.then(() => this.write(batch));
    }
    this.pending.entries.push(entry);
    return this.pending.done;
  }

  /** Waits for every queued line to be written. */
  async flush(): Promise<void> {
    await this.chain;
  }

  private async write(batch: Batch): Promise<void> {
    // From here on, new appends start a new batch.
    if (this.pending === batch) this.pending = undefined;
    try {
      await fsp.mkdir(this.options.dir, { recursive: true, mode: 0o700 });
      const unlock = await this.lockAppends();
      try {
        await this.writeChained(batch);
      } finally {
        await unlock();
      }
      batch.resolve();
    } catch (e) {
      // The count may be off after a failure: recount next time.
      this.knownSize = undefined;
      batch.reject(e);
      return;
    }
    for (const l of this.listeners) {
      try {
        l(batch.entries);
      } catch {
        // A listener's failure must not stop the writer.
      }
    }
  }

  private async writeChained(batch: Batch): Promise<void> {
    await this.syncCount();
    if (this.lastLine === undefined && this.lineCount === 0) this.lastLine = await lastLineOf(this.rotatedPath);
    // Chain the batch now, after the last line on disk is known (another window may have appended).
    let seq = 0;
    const lines = batch.entries.map((entry) => {
      const link = nextLink(this.lastLine);
      const line = chainedLine(entry, link);
      this.lastLine = line;
      seq = link.seq;
      return line + '\n';
    });
    let next = 0;
    while (next < lines.length) {
      if (this.lineCount >= this.maxEntries) await this.rotate();
      // Fill the active file up to the limit, then rotate and continue with the rest of the batch.
      // If another window holds the rotation, write anyway: the file runs a little over, never loses a line.
      const room = this.maxEntries - this.lineCount;
      const take = room > 0 ? Math.min(lines.length - next, room) : lines.length - next;
      const text = lines.slice(next, next + take).join('');
      await fsp.appendFile(this.filePath, text, { flag: 'a', mode: 0o600 });
      this.lineCount += take;
      this.knownSize = (this.knownSize ?? 0) + Buffer.byteLength(text);
      next += take;
    }
    this.lastWrittenSeq = seq;
  }

  /**
   * An exclusive lock file around "read the last line, append": two windows appending at once would
   * otherwise both chain to the same line. A lock left by a crashed window is broken after a while; if
   * the lock stays taken, the line is written anyway (a fork shows in Verify Log; a lost line would not).
   */
  private async lockAppends(): Promise<() => Promise<void>> {
    const lock = `${this.filePath}.append-lock`;
    const deadline = Date.now() + APPEND_LOCK_WAIT_MS;
    for (;;) {
      const release = await tryLock(lock);
      if (release) return release;
      if (Date.now() > deadline) return async () => undefined;
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** Every non-empty line of both generations, oldest first, with its file and line number. */
  private async readLines(): Promise<ChainLine[]> {
    await this.flush();
    const lines: ChainLine[] = [];
    for (const file of [this.rotatedPath, this.filePath]) {
      let text: string;
      try {
        text = await fsp.readFile(file, 'utf8');
      } catch {
        continue;
      }
      text.split('\n').forEach((t, i) => {
        if (t.trim() !== '') lines.push({ file, line: i + 1, text: t });
      });
    }
    return lines;
  }

  /** Checks the hash chain over both generations, oldest first (see `logChain.ts`). */
  async verify(): Promise<ChainReport & { endsEarly: number }> {
    const lines = await this.readLines();
    const report = verifyChain(lines);
    // Lines cut off the end leave no gap for the chain to show; this process knows what it wrote last.
    const lastSeq = lines.length > 0 ? (linkOf(lines[lines.length - 1]!.text)?.seq ?? 0) : 0;
    return { ...report, endsEarly: Math.max(0, this.lastWrittenSeq - lastSeq) };
  }

  private async recount(): Promise<string | undefined> {
    const m = await measure(this.filePath);
    this.lineCount = m.lines;
    this.knownSize = m.size;
    return m.lastLine;
  }

  /** One `stat` per batch; the file is re-read only when someone else changed it. */
  private async syncCount(): Promise<void> {
    const size = await fsp.stat(this.filePath).then(
      (st) => st.size,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return 0;
        throw e;
      },
    );
    if (size !== this.knownSize) {
      // Someone else appended (or the file is new to us): chain on from what is on disk now. Only here:
      // a recount during rotation must not move the link back under lines already chained.
      this.lastLine = await this.recount();
    }
  }

  /**
   * Two VS Code windows are two writers on the same file (same global storage). Rotation is therefore
   * done under an exclusive lock file and decided on the file's real line count, so two windows never
   * both rotate (the second rename would replace the first's rotated file and drop its lines).
   */
  private async rotate(): Promise<void> {
    const release = await tryLock(`${this.filePath}.rotate-lock`);
    if (!release) {
      // Another window holds the lock and rotates.
      await this.recount();
      return;
    }
    try {
      await this.recount();
      if (this.lineCount >= this.maxEntries) {
        await fsp.rename(this.filePath, this.rotatedPath);
        // The chain goes on from the rotated file's last line (`lastLine` is kept).
        this.lineCount = 0;
        this.knownSize = 0;
      }
    } finally {
      await release();
    }
  }

  /** Reads both generations, oldest first, skipping (and counting) lines that do not parse. */
  async read(): Promise<ReadResult> {
    const entries: LogEntry[] = [];
    let skipped = 0;
    for (const { text } of await this.readLines()) {
      const e = parseLogLine(text);
      if (e) entries.push(e);
      else skipped++;
    }
    return { entries, skipped };
  }

  /** Removes both generations; queued after pending writes so nothing written later is lost. */
  clear(): Promise<void> {
    const p = this.chain.then(async () => {
      await fsp.rm(this.filePath, { force: true });
      await fsp.rm(this.rotatedPath, { force: true });
      this.lineCount = 0;
      this.knownSize = 0;
      // Clear Log starts a new chain (seq 1); Verify Log says where it starts.
      this.lastLine = undefined;
      this.lastWrittenSeq = 0;
    });
    this.chain = p.catch(() => undefined);
    return p;
  }
}

async function measure(file: string): Promise<{ lines: number; size: number; lastLine: string | undefined }> {
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, size: 0, lastLine: undefined };
    throw e;
  }
  let lines = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
  return { lines, size: buf.length, lastLine: lastLineIn(buf) };
}

function lastLineIn(buf: Buffer): string | undefined {
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 10 || buf[end - 1] === 13)) end--;
  if (end === 0) return undefined;
  return buf.toString('utf8', buf.lastIndexOf(10, end - 1) + 1, end);
}

async function lastLineOf(file: string): Promise<string | undefined> {
  try {
    return lastLineIn(await fsp.readFile(file));
  } catch {
    return undefined;
  }
}
