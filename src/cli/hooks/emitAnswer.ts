// Giving a host (or a shell) its answer: written straight to file descriptors 1 and 2, in full, then the
// process ends with the answer's code. `process.stdout`/`stderr` on a pipe load `net` and `stream`
// (≈ 5 ms of every hook's start, issue 11), and an empty stream is not touched at all. A descriptor that
// cannot take a blocking write (EAGAIN: a non-blocking pipe) is written through its stream instead.
import * as fs from 'fs';
import type { HookAnswer } from '../../hosts/hostTypes';

/** Writes all of `text` to `fd`; a promise when the stream had to take over, undefined when it is written. */
export function writeOutput(fd: 1 | 2, text: string): Promise<void> | undefined {
  if (text === '') return undefined;
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw e;
  }
  const stream = fd === 1 ? process.stdout : process.stderr;
  return new Promise((resolve) => stream.write(bytes.subarray(done), () => resolve()));
}

export function emitAnswer(answer: HookAnswer): void {
  process.exitCode = answer.exitCode;
  let pending: Array<Promise<void> | undefined>;
  try {
    pending = [writeOutput(1, answer.stdout), writeOutput(2, answer.stderr)];
  } catch {
    // The host closed its end: nobody reads the answer; the exit code still says it.
    process.exit(answer.exitCode);
  }
  if (pending.every((p) => p === undefined)) process.exit(answer.exitCode);
  void Promise.all(pending).then(() => process.exit(answer.exitCode));
}
