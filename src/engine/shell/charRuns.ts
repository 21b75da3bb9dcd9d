// Runs of characters that mean nothing to a scanner, found with a table instead of a test per character:
// the shell readers copy such a run in one slice (issue 11: they copied and tested one character at a time).

/** ASCII characters marked in a table: the ones that end a run. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

/** Where a run of characters none of which `ends` marks stops, from `from` (the end of `s` at most). */
export function runEnd(s: string, from: number, ends: Uint8Array): number {
  let j = from;
  for (; j < s.length; j++) {
    const code = s.charCodeAt(j);
    if (code < 128 && ends[code] === 1) break;
  }
  return j;
}
