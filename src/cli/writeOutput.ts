// Writing the CLI's output straight to file descriptor 1 or 2, in full: `process.stdout`/`stderr` on a
// pipe load `net` and `stream` (≈ 5 ms of every hook's start, issue 11), and an empty text touches
// nothing. A descriptor that cannot take a blocking write (EAGAIN: a non-blocking pipe) is written
// through its stream instead.
import * as fs from 'fs';

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

