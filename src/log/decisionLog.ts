// The append-only decision log: one JSON line per decision in `decisions.jsonl`.
// One writer per process (each VS Code window's extension host is one): appends go through a promise chain that batches whole lines into a single
// `appendFile` with O_APPEND, so lines are never interleaved or torn, and rotation happens between two
// writes, never during one — no line is lost to it. The file holds at most `maxEntries` lines; at that
// point it becomes `decisions.1.jsonl` (replacing the previous one), so between maxEntries and
// 2 × maxEntries of the newest decisions are kept.
import { promises as fsp } from 'fs';
import type { FileHandle } from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';
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
  lines: string[];
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
  return { lines: [], entries: [], done, resolve, reject };
}

export const MIN_MAX_ENTRIES = 10;
const STALE_LOCK_MS = 30_000;

export function newEntryId(time = new Date()): string {
  return `${time.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
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
    // Serialise before queueing so a bad entry fails its own caller, not the batch. JSON.stringify never
    // emits a raw newline, so one entry is exactly one line.
    const line = JSON.stringify(entry) + '\n';
    if (!this.pending) {
      const batch = newBatch();
      this.pending = batch;
      this.chain = this.chain.then(() => this.write(batch));
    }
    this.pending.lines.push(line);
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
      await this.syncCount();
      let next = 0;
      while (next < batch.lines.length) {
        if (this.lineCount >= this.maxEntries) await this.rotate();
        // Fill the active file up to the limit, then rotate and continue with the rest of the batch.
        // If another window holds the rotation, write anyway: the file runs a little over, never loses a line.
        const room = this.maxEntries - this.lineCount;
        const take = room > 0 ? Math.min(batch.lines.length - next, room) : batch.lines.length - next;
        const text = batch.lines.slice(next, next + take).join('');
        await fsp.appendFile(this.filePath, text, { flag: 'a', mode: 0o600 });
        this.lineCount += take;
        this.knownSize = (this.knownSize ?? 0) + Buffer.byteLength(text);
        next += take;
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

  private async recount(): Promise<void> {
    const m = await measure(this.filePath);
    this.lineCount = m.lines;
    this.knownSize = m.size;
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
    if (size !== this.knownSize) await this.recount();
  }

  /**
   * Two VS Code windows are two writers on the same file (same global storage). Rotation is therefore
   * done under an exclusive lock file and decided on the file's real line count, so two windows never
   * both rotate (the second rename would replace the first's rotated file and drop its lines).
   */
  private async rotate(): Promise<void> {
    const lock = `${this.filePath}.rotate-lock`;
    let handle: FileHandle;
    try {
      handle = await fsp.open(lock, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a crashed window is broken after a while; a live one means the other window rotates.
      const age = Date.now() - (await fsp.stat(lock).then((st) => st.mtimeMs, () => Date.now()));
      if (age > STALE_LOCK_MS) await fsp.rm(lock, { force: true });
      await this.recount();
      return;
    }
    try {
      await this.recount();
      if (this.lineCount >= this.maxEntries) {
        await fsp.rename(this.filePath, this.rotatedPath);
        this.lineCount = 0;
        this.knownSize = 0;
      }
    } finally {
      await handle.close();
      await fsp.rm(lock, { force: true });
    }
  }

  /** Reads both generations, oldest first, skipping (and counting) lines that do not parse. */
  async read(): Promise<ReadResult> {
    await this.flush();
    const entries: LogEntry[] = [];
    let skipped = 0;
    for (const file of [this.rotatedPath, this.filePath]) {
      let text: string;
      try {
        text = await fsp.readFile(file, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const e = parseLogLine(line);
        if (e) entries.push(e);
        else skipped++;
      }
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
    });
    this.chain = p.catch(() => undefined);
    return p;
  }
}

async function measure(file: string): Promise<{ lines: number; size: number }> {
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, size: 0 };
    throw e;
  }
  let lines = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
  return { lines, size: buf.length };
}
