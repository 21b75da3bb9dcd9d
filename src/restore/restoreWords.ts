// The few words restore points are said in: sizes, counts, and the modal's one line.

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];
const SHELL_SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** `12 KB`, `1.5 MB`, `0 bytes` (1024-based, as file managers show them). */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  return `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} ${UNITS[u]}`;
}

/** `1 file`, `3 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Words after "Restore point: " when something can be kept: "will keep 3 uncommitted files (12 KB)". */
export function willKeepText(whats: readonly string[]): string {
  return `will keep ${whats.join('; ')}`;
}

/** Words after "Restore point: " when something cannot be kept: "none possible: … Railway volume …". */
export function noPointText(reasons: readonly string[]): string {
  return `none possible: ${reasons.join('; ')}`;
}

/** The whole line, for the terminal and the log: "Restore point: will keep …". */
export function restorePointLine(text: string): string {
  return `Restore point: ${text}`;
}

/** One word for a command the person copies into a POSIX shell: as is when safe, else single-quoted. */
export function shellQuote(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
