// The real file-reading capability handed to the engine (EvalContext.files) by the CLI and the extension: reads files a command
// runs or reads, relative to the command's cwd (`~` is the home folder), bounded in bytes (256 KiB)
// and in wall time for one command line. Only regular files are opened: a FIFO or a device would block
// or never end. Binary content is refused. Every failure says why, so the finding can name it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileAccess, FileRead } from '../engine/types';
import { looksBinary, MAX_FILE_BYTES, MAX_READ_MILLIS } from '../engine/files/fileBounds';

export interface FileReaderOptions {
  maxBytes?: number;
  maxMillis?: number;
  home?: string;
  /** For tests: the clock. */
  now?: () => number;
}

function resolvePath(cwd: string, p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return path.resolve(cwd, p);
}

/** A reader for one command line: its time budget starts when it is made. */
export function fileReaderFor(cwd: string, opts: FileReaderOptions = {}): FileAccess {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const maxMillis = opts.maxMillis ?? MAX_READ_MILLIS;
  const now = opts.now ?? Date.now;
  const home = opts.home ?? os.homedir();
  const started = now();
  return {
    read(p: string): FileRead {
      if (now() - started > maxMillis) return { ok: false, reason: 'time' };
      const full = resolvePath(cwd, p, home);
      let fd: number | undefined;
      try {
        const stat = fs.statSync(full);
        if (stat.isDirectory()) return { ok: false, reason: 'not-a-file', detail: 'a folder' };
        if (!stat.isFile()) return { ok: false, reason: 'not-a-file', detail: 'a device, pipe or socket' };
        if (stat.size > maxBytes) return { ok: false, reason: 'too-big', detail: `${Math.round(stat.size / 1024)} KiB` };
        fd = fs.openSync(full, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        // Read at most maxBytes + 1 even if the file grew after stat.
        const buf = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
        let total = 0;
        for (;;) {
          const n = fs.readSync(fd, buf, total, buf.length - total, null);
          if (n <= 0) break;
          total += n;
          if (total >= buf.length) break;
          if (now() - started > maxMillis) return { ok: false, reason: 'time' };
        }
        if (total > maxBytes) return { ok: false, reason: 'too-big', detail: `over ${Math.round(maxBytes / 1024)} KiB` };
        const bytes = buf.subarray(0, total);
        if (bytes.includes(0)) return { ok: false, reason: 'binary' };
        const text = bytes.toString('utf8');
        if (looksBinary(text)) return { ok: false, reason: 'binary' };
        return { ok: true, text };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
        if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', detail: 'permission denied' };
        return { ok: false, reason: 'unreadable', detail: code ?? (err as Error).message };
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    },
  };
}
