// The bounds every file read keeps, whoever implements the reading (the CLI on disk, tests in memory),
// and the words a finding uses for each reason a file was not read.
import type { EvalContext, FileAccess, FileRead, FileReadFailure } from '../types';

/** Largest file read in full; past it the line asks ("too big"). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Files run inside files run (`npm run a` → `bash x.sh` → `source lib.sh` → …): deeper asks. */
export const MAX_FILE_DEPTH = 4;
/** Files read for one command line; more asks. */
export const MAX_FILES_PER_LINE = 24;
/** Wall time all reads of one command line may take (a slow or network disk), in milliseconds. */
export const MAX_READ_MILLIS = 1500;

/** NUL bytes or many control characters in the first 8 KiB: not text a person or the guard can read. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function describeFailure(reason: FileReadFailure, detail?: string): string {
  switch (reason) {
    case 'missing':
      return 'does not exist';
    case 'too-big':
      return `is too big to read (${detail ?? `over ${MAX_FILE_BYTES / 1024} KiB`}; the guard reads up to ${MAX_FILE_BYTES / 1024} KiB)`;
    case 'binary':
      return 'is a binary file the guard cannot read';
    case 'not-a-file':
      return `is not a regular file${detail ? ` (${detail})` : ''}`;
    case 'time':
      return `could not be read in time (the guard reads files for ${MAX_READ_MILLIS} ms at most)`;
    case 'unreadable':
      return `could not be read${detail ? ` (${detail})` : ''}`;
  }
}

/**
 * An in-memory FileAccess with the same bounds as the real one: tests and the corpus hand the engine
 * a map of path → content. Relative paths are joined to `cwd`; a value of `null` is an unreadable file.
 */
export function memoryFiles(files: ReadonlyMap<string, string | null>, cwd = '/'): FileAccess {
  return {
    read(path: string): FileRead {
      const full = joinPath(cwd, path);
      if (!files.has(full)) return { ok: false, reason: 'missing' };
      const text = files.get(full);
      if (text === null || text === undefined) return { ok: false, reason: 'unreadable', detail: 'permission denied' };
      if (text.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-big', detail: `${Math.round(text.length / 1024)} KiB` };
      if (looksBinary(text)) return { ok: false, reason: 'binary' };
      return { ok: true, text };
    },
  };
}

/** `a/b` + `../c` → `a/c`; absolute paths stay; `~` is left to the caller's reader. */
export function joinPath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** Rules that only need a file's text (`curl -d @f`, `psql -f f`) use `readFile`; it is derived from `files` when not given. */
export function withReadFile(ctx: EvalContext): EvalContext {
  const files = ctx.files;
  if (!files || ctx.readFile) return ctx;
  return {
    ...ctx,
    readFile: (path: string) => {
      const r = files.read(path);
      return r.ok ? r.text : undefined;
    },
  };
}
