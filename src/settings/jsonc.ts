// JSON with comments and trailing commas, as VS Code writes settings files.

/** Index of the quote that closes the string opening at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j;
}

/** Parses JSONC; throws like `JSON.parse` on text that is not JSON after comments are dropped. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const j = stringEnd(text, i);
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(stripTrailingCommas(out));
}

const SPACE = /\s/;

/** Drops a comma before `}` or `]`, outside strings, in one linear pass (no backtracking regex). */
function stripTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const j = stringEnd(text, i);
      out += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}
