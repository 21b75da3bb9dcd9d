// GNU sed runs commands and writes files from inside its script: `e command`, the `e` flag of `s///`
// (the pattern space after the substitution runs as a command), `w file` and the `w` flag (the file is
// truncated and written). The script is text an agent controls, so these are read like any other command.
// One pass over the script, character by character: linear on any input.

export interface SedEffects {
  /** Commands sed runs; `undefined` is text built at run time (the pattern space). */
  runs: (string | undefined)[];
  /** Files sed writes (`w file`, `s///w file`). */
  writes: string[];
}

const LINE_END = new Set(['\n', ';', '}']);
/** Patterns that match a whole line. */
const WHOLE_LINE = new Set(['.*', '^.*', '.*$', '^.*$']);

/** Skips an address (`1`, `$`, `/re/`, `\%re%`, `1,5`, `0~2`, `/a/,+3`) and a following `!`. */
function skipAddress(s: string, from: number): number {
  let i = from;
  for (let part = 0; part < 2; part++) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] === '/' || s[i] === '\\') {
      const delim = s[i] === '\\' ? s[i + 1] : '/';
      i = skipDelimited(s, s[i] === '\\' ? i + 2 : i + 1, delim);
      while (s[i] === 'I' || s[i] === 'M') i++;
    } else {
      while (i < s.length && /[0-9$~+]/.test(s[i])) i++;
    }
    if (s[i] !== ',') break;
    i++;
  }
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '!') i++;
  return i;
}

/** The position after the closing delimiter (backslash escapes skipped). */
function skipDelimited(s: string, from: number, delim: string): number {
  let i = from;
  while (i < s.length && s[i] !== delim) i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

function restOfLine(s: string, from: number): { text: string; end: number } {
  let j = from;
  while (j < s.length && s[j] !== '\n') j++;
  return { text: s.slice(from, j).trim(), end: j };
}

export function sedEffects(script: string): SedEffects {
  const s = script;
  const found: SedEffects = { runs: [], writes: [] };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === ';' || c === '\n' || c === '{' || c === '}') {
      i++;
      continue;
    }
    if (c === '#') {
      i = restOfLine(s, i).end;
      continue;
    }
    i = skipAddress(s, i);
    const op = s[i];
    if (op === undefined) break;
    if (op === 's' || op === 'y') {
      const delim = s[i + 1];
      if (delim === undefined) break;
      const patternEnd = skipDelimited(s, i + 2, delim);
      const replacementEnd = skipDelimited(s, patternEnd, delim);
      const replacement = s.slice(patternEnd, replacementEnd - 1);
      let j = replacementEnd;
      let execute = false;
      while (j < s.length && !LINE_END.has(s[j])) {
        if (op === 's' && s[j] === 'e') execute = true;
        if (op === 's' && (s[j] === 'w' || s[j] === 'W')) {
          const file = restOfLine(s, j + 1);
          if (file.text) found.writes.push(file.text);
          j = file.end;
          break;
        }
        j++;
      }
      // The whole pattern space runs: it is the replacement alone only when the pattern takes the whole
      // line and the replacement puts no input back (`&`, `\1`); anything else holds input text.
      const pattern = s.slice(i + 2, patternEnd - 1);
      if (execute) found.runs.push(WHOLE_LINE.has(pattern) && !/[\\&]/.test(replacement) ? replacement : undefined);
      i = j;
    } else if (op === 'e') {
      const rest = restOfLine(s, i + 1);
      found.runs.push(rest.text === '' ? undefined : rest.text);
      i = rest.end;
    } else if (op === 'w' || op === 'W') {
      const rest = restOfLine(s, i + 1);
      if (rest.text) found.writes.push(rest.text);
      i = rest.end;
    } else if ('aicrRbtT:'.includes(op)) {
      // Text, file names and labels run to the end of the line: nothing in them is a command.
      i = restOfLine(s, i + 1).end;
    } else i++;
  }
  return found;
}

/**
 * The scripts of a sed command line: `-e S`, `--expression=S`, `-nE S` bundles, or the first operand
 * when none is given. `--sandbox` refuses `e`/`w`/`r`, so it reads as no script to act on.
 */
export function sedScripts(args: readonly string[]): string[] {
  if (args.includes('--sandbox')) return [];
  const scripts: string[] = [];
  let sawScriptOption = false;
  let firstOperand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      firstOperand ??= args[i + 1];
      break;
    }
    if (a === '--expression' || a === '--file' || a === '-f' || a === '-l' || a === '--line-length') {
      if (a === '--expression') scripts.push(args[i + 1] ?? '');
      sawScriptOption ||= a !== '-l' && a !== '--line-length';
      i++;
    } else if (a.startsWith('--expression=')) {
      scripts.push(a.slice(13));
      sawScriptOption = true;
    } else if (a.startsWith('--')) {
      if (a.startsWith('--file=')) sawScriptOption = true;
    } else if (a.startsWith('-') && a.length > 1) {
      // Short bundles: `-ne S`, `-e S`, `-eS`; `-i` takes the rest of its word as a backup suffix (`-ie`).
      for (let k = 1; k < a.length; k++) {
        const f = a[k];
        if (f === 'i') break;
        if (f === 'e' || f === 'f') {
          sawScriptOption = true;
          const value = a.slice(k + 1) || args[++i];
          if (f === 'e' && value !== undefined) scripts.push(value);
          break;
        }
        if (f === 'l') {
          if (k === a.length - 1) i++;
          break;
        }
      }
    } else firstOperand ??= a;
  }
  if (!sawScriptOption && firstOperand !== undefined) scripts.push(firstOperand);
  return scripts;
}
