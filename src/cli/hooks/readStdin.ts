// Reading a hook's payload from stdin, bounded in size and time. The payload is read straight from file
// descriptor 0 (`fs.read`, which waits in libuv's thread pool, so the timeout still fires): touching
// `process.stdin` on a pipe loads `net` and `stream`, ≈ 5 ms of every hook's start (issue 11). A stdin
// that cannot be read that way (a non-blocking descriptor) is read as a stream.
import * as fs from 'fs';

/** Hosts send the whole tool input (a file write can be large); beyond this the call is refused, not read in part. */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
/** A host that never closes stdin must not hold the agent forever. */
export const STDIN_TIMEOUT_MS = 10_000;

const tooLarge = (limit: number): Error => new Error(`the payload is larger than ${limit} bytes`);
const tooSlow = (timeoutMs: number): Error => new Error(`the payload did not arrive within ${timeoutMs / 1000} s`);

/** Reads `stream` up to `limit` bytes; rejects when it is larger or does not end in time. */
export function readStdinBounded(stream: NodeJS.ReadableStream, limit: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => fail(tooSlow(timeoutMs)), timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', fail);
    }
    function fail(e: Error): void {
      cleanup();
      stream.pause();
      reject(e);
    }
    function onData(chunk: Buffer | string): void {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > limit) return fail(tooLarge(limit));
      chunks.push(b);
    }
    function onEnd(): void {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    }
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', fail);
  });
}

/**
 * What stdin already holds, read without waiting: on Linux stdin is opened again, non-blocking, through
 * `/proc/self/fd/0` (a new open file description of the same pipe; fd 0 itself is left as it is). A host
 * has usually written and closed the payload by the time the CLI runs, so this reads all of it without
 * starting libuv's thread pool (≈ 2 ms, issue 11). `ended` when end of input was seen; otherwise the
 * rest is read by waiting, with the timeout.
 */
function readWhatIsThere(limit: number): { chunks: Buffer[]; size: number; ended: boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  if (process.platform !== 'linux') return { chunks, size, ended: false };
  let fd: number;
  try {
    fd = fs.openSync('/proc/self/fd/0', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return { chunks, size, ended: false };
  }
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - size));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return { chunks, size, ended: true };
      chunks.push(buf.subarray(0, n));
      size += n;
      if (size > limit) return { chunks, size, ended: true };
    }
  } catch {
    return { chunks, size, ended: false }; // EAGAIN: the rest has not come yet
  } finally {
    fs.closeSync(fd);
  }
}

/** The process's stdin up to `limit` bytes, read from descriptor 0; rejects when larger or not ended in time. */
export function readProcessStdin(limit = MAX_PAYLOAD_BYTES, timeoutMs = STDIN_TIMEOUT_MS): Promise<string> {
  const there = readWhatIsThere(limit);
  if (there.size > limit) return Promise.reject(tooLarge(limit));
  if (there.ended) return Promise.resolve(Buffer.concat(there.chunks).toString('utf8'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = there.chunks;
    let size = there.size;
    let settled = false;
    const timer = setTimeout(() => settle(tooSlow(timeoutMs)), timeoutMs);
    // The pending read must not keep the process alive once we have answered.
    timer.unref?.();
    function settle(e: Error | undefined, text?: string): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(text ?? '');
    }
    const next = (): void => {
      const buf = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - size));
      fs.read(0, buf, 0, buf.length, null, (err, n) => {
        if (settled) return;
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
            // A non-blocking stdin: read it as a stream, what is left of it, within what is left of the time.
            clearTimeout(timer);
            settled = true;
            readStdinBounded(process.stdin, limit - size, timeoutMs).then((rest) => resolve(Buffer.concat([...chunks, Buffer.from(rest, 'utf8')]).toString('utf8')), reject);
            return;
          }
          if (code === 'EOF') return settle(undefined, Buffer.concat(chunks).toString('utf8')); // Windows: a closed pipe
          return settle(err);
        }
        if (n === 0) return settle(undefined, Buffer.concat(chunks).toString('utf8'));
        size += n;
        if (size > limit) return settle(tooLarge(limit));
        chunks.push(buf.subarray(0, n));
        next();
      });
    };
    next();
  });
}

/**
 * The fast path (cli-fast.js) reads the payload before it knows whether the CLI proper is needed; when it
 * is, it hands the reading over here (both bundles run in one process, each with its own copy of this
 * module, hence a registered symbol rather than a module variable).
 */
const HANDOFF = Symbol.for('agent-guard.hook-stdin');

export function handOverStdin(reading: Promise<string>): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = reading;
}

/** The hook's payload: the reading the fast path began, or a new one. */
export function hookStdin(): Promise<string> {
  const handed = (globalThis as Record<symbol, unknown>)[HANDOFF] as Promise<string> | undefined;
  return handed ?? readProcessStdin();
}
