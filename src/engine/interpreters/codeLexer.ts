// One linear pass over interpreter code: identifiers, string literals (escapes read, interpolation
// marked), numbers and punctuation; comments dropped. Each language family gives its quoting rules.
// No regular expressions: every character is looked at a bounded number of times, so hostile input
// (long runs of quotes, brackets, backslashes) costs linear time.

export interface LexOptions {
  /** Line comment openers: `#`, `//`, `--`. */
  lineComments: readonly string[];
  /** `/* … *\/` block comments. */
  blockComments?: boolean;
  /** Python `'''`/`"""` strings and `r`/`b`/`f`/`u` prefixes (f-strings interpolate `{…}`). */
  python?: boolean;
  /** What a backtick opens: a JS template (`${…}`), a command run by the shell (ruby/perl/php), a raw string (go). */
  backtick: 'template' | 'exec' | 'raw' | 'none';
  /** Which interpolation a double-quoted string holds: ruby `#{…}`, perl/php `$var`, none. */
  interpolation: 'ruby' | 'dollar' | 'none';
  /** Ruby `%x(…)`, `%w(…)`, `%q(…)`; perl `q(…)`, `qq{…}`, `qx(…)`, `qw(…)`. */
  quoteOperators?: 'ruby' | 'perl';
  /** Lua `[[ … ]]` long strings and `--[[ … ]]` comments. */
  lua?: boolean;
}

export type TokenKind = 'id' | 'str' | 'num' | 'p';

export interface Token {
  kind: TokenKind;
  /** Identifier name, punctuation text, or a string's value (escapes read; interpolations kept as `${…}`). */
  value: string;
  /** A string whose value holds parts computed at run time (interpolation). */
  dynamic?: boolean;
  /** A string the language runs as a shell command (backticks, `%x()`, `qx()`). */
  exec?: boolean;
  /** A word list (`%w()`, `qw()`): value holds the words separated by single spaces. */
  words?: boolean;
  /** A newline came before this token (statement ends in perl/ruby/lua calls without parentheses). */
  newline: boolean;
}

/** Marks a computed part of a string; shell text reads it as an unknown variable. */
export const COMPUTED = '${CODE_VALUE}';

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const TWO_CHAR_PUNCT = new Set([':=', '<-', '=>', '->', '::', '==', '!=', '<=', '>=', '&&', '||', '**', '<<', '>>']);

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 64 || c > 127;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const UNICODE_ESCAPE = /^(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/;
const OCTAL_ESCAPE = /^[0-7]{1,3}/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', e: '\x1b' };

/**
 * A token with every field present, in one order: the scanners read tokens of one object shape (a spread of
 * optional flags gave each combination its own shape, issue 11). Absent flags are undefined, as before.
 */
export function token(kind: TokenKind, value: string, newline: boolean, dynamic?: true, exec?: true, words?: true): Token {
  return { kind, value, dynamic, exec, words, newline };
}

export function lexCode(code: string, o: LexOptions): Token[] {
  const tokens: Token[] = [];
  const n = code.length;
  let i = 0;
  let newline = true;
  const push = (kind: TokenKind, value: string, dynamic?: true, exec?: true, words?: true): void => {
    tokens.push(token(kind, value, newline, dynamic, exec, words));
    newline = false;
  };

  /** Reads a quoted body from i (after the opener) to `close`, reading escapes; returns value and dynamic flag. */
  const readQuoted = (close: string, open: string | undefined, escapes: boolean, interp: 'ruby' | 'dollar' | 'template' | 'fstring' | 'none'): { value: string; dynamic: boolean } => {
    let value = '';
    let dynamic = false;
    let depth = 0;
    while (i < n) {
      const ch = code[i];
      if (escapes && ch === '\\' && i + 1 < n) {
        const nx = code[i + 1];
        if (nx === 'x' && i + 3 < n + 1) {
          const hex = parseInt(code.slice(i + 2, i + 4), 16);
          if (!Number.isNaN(hex)) {
            value += String.fromCharCode(hex);
            i += 4;
            continue;
          }
        }
        // `\u0072`, `\u{72}` (JS, Python, Ruby, PHP) and octal `\162` spell characters too.
        const unicode = nx === 'u' ? UNICODE_ESCAPE.exec(code.slice(i + 2, i + 12)) : null;
        if (unicode !== null) {
          const point = parseInt(unicode[1] ?? unicode[2], 16);
          if (point <= 0x10ffff) {
            value += String.fromCodePoint(point);
            i += 2 + unicode[0].length;
            continue;
          }
        }
        const octal = nx >= '1' && nx <= '7' ? OCTAL_ESCAPE.exec(code.slice(i + 1, i + 4)) : null;
        if (octal !== null) {
          value += String.fromCharCode(parseInt(octal[0], 8));
          i += 1 + octal[0].length;
          continue;
        }
        value += SIMPLE_ESCAPES[nx] ?? nx;
        i += 2;
        continue;
      }
      if (!escapes && ch === '\\' && i + 1 < n && (code[i + 1] === close || code[i + 1] === '\\')) {
        value += code[i + 1];
        i += 2;
        continue;
      }
      if (open !== undefined && ch === open) depth++;
      if (ch === close) {
        if (depth === 0) {
          i++;
          return { value, dynamic };
        }
        depth--;
      }
      // Interpolations: skip to the matching brace (bounded by the text), mark the string computed.
      const startsInterp =
        (interp === 'template' && ch === '$' && code[i + 1] === '{') ||
        (interp === 'ruby' && ch === '#' && code[i + 1] === '{') ||
        (interp === 'fstring' && ch === '{' && code[i + 1] !== '{');
      if (startsInterp) {
        let j = i + (interp === 'fstring' ? 1 : 2);
        let d = 1;
        while (j < n && d > 0) {
          if (code[j] === '{') d++;
          else if (code[j] === '}') d--;
          j++;
        }
        value += COMPUTED;
        dynamic = true;
        i = j;
        continue;
      }
      if (interp === 'fstring' && ch === '{' && code[i + 1] === '{') {
        value += '{';
        i += 2;
        continue;
      }
      if (interp === 'dollar' && ch === '$' && i + 1 < n && (isIdStart(code.charCodeAt(i + 1)) || code[i + 1] === '{')) {
        // Perl/PHP "$x": keep the variable as a shell-style unknown so shell text reads it as computed.
        dynamic = true;
      }
      value += ch;
      i++;
    }
    return { value, dynamic };
  };

  while (i < n) {
    const c = code.charCodeAt(i);
    const ch = code[i];
    if (ch === '\n') {
      newline = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    // Comments.
    if (o.lua && ch === '-' && code.startsWith('--[[', i)) {
      const end = code.indexOf(']]', i + 4);
      i = end < 0 ? n : end + 2;
      continue;
    }
    let comment = false;
    for (const lc of o.lineComments) {
      if (code.startsWith(lc, i)) {
        comment = true;
        break;
      }
    }
    if (comment) {
      const end = code.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (o.blockComments && ch === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    // Strings.
    if (o.python && (ch === '"' || ch === "'" || ((ch === 'r' || ch === 'b' || ch === 'f' || ch === 'u' || ch === 'R' || ch === 'B' || ch === 'F' || ch === 'U') && isPythonPrefix(code, i)))) {
      let j = i;
      let raw = false;
      let f = false;
      while (code[j] !== '"' && code[j] !== "'") {
        const p = code[j].toLowerCase();
        if (p === 'r') raw = true;
        if (p === 'f') f = true;
        j++;
      }
      const q = code[j];
      const triple = code[j + 1] === q && code[j + 2] === q;
      i = j + (triple ? 3 : 1);
      const r = triple ? readTriple(q) : readQuoted(q, undefined, !raw, f ? 'fstring' : 'none');
      push('str', r.value, r.dynamic ? true : undefined);
      continue;
    }
    if (ch === '"' || ch === "'") {
      i++;
      const interp = ch === '"' ? o.interpolation : 'none';
      // Single quotes read only `\'` and `\\` in perl, ruby, php and shell-like languages.
      const fullEscapes = ch === '"' || o.interpolation === 'none';
      const r = readQuoted(ch, undefined, fullEscapes, interp);
      push('str', r.value, r.dynamic ? true : undefined);
      continue;
    }
    if (ch === '`' && o.backtick !== 'none') {
      i++;
      if (o.backtick === 'raw') {
        const r = readQuoted('`', undefined, false, 'none');
        push('str', r.value);
      } else if (o.backtick === 'template') {
        const r = readQuoted('`', undefined, true, 'template');
        push('str', r.value, r.dynamic ? true : undefined);
      } else {
        const r = readQuoted('`', undefined, true, o.interpolation === 'ruby' ? 'ruby' : 'dollar');
        push('str', r.value, r.dynamic || undefined, true);
      }
      continue;
    }
    if (o.lua && ch === '[' && (code[i + 1] === '[' || code[i + 1] === '=')) {
      const end = code.indexOf(']]', i + 2);
      if (code[i + 1] === '[') {
        push('str', code.slice(i + 2, end < 0 ? n : end));
        i = end < 0 ? n : end + 2;
        continue;
      }
    }
    if (o.quoteOperators === 'ruby' && ch === '%') {
      const q = rubyPercent(code, i);
      if (q) {
        i = q.bodyStart;
        const close = PAIRS[q.open] ?? q.open;
        const r = readQuoted(close, PAIRS[q.open] ? q.open : undefined, q.interpolates, q.interpolates ? 'ruby' : 'none');
        const value = q.words ? r.value.trim().split(/\s+/).join(' ') : r.value;
        push('str', value, r.dynamic || undefined, q.exec || undefined, q.words || undefined);
        continue;
      }
    }
    if (o.quoteOperators === 'perl' && isIdStart(c)) {
      const q = quoteOperator(code, i, o.quoteOperators);
      if (q) {
        i = q.bodyStart;
        const close = PAIRS[q.open] ?? q.open;
        const r = readQuoted(close, PAIRS[q.open] ? q.open : undefined, q.interpolates, q.interpolates ? (o.interpolation === 'ruby' ? 'ruby' : 'dollar') : 'none');
        const value = q.words ? r.value.trim().split(/\s+/).join(' ') : r.value;
        push('str', value, r.dynamic || undefined, q.exec || undefined, q.words || undefined);
        continue;
      }
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(code.charCodeAt(j))) j++;
      push('id', code.slice(i, j));
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && (isIdPart(code.charCodeAt(j)) || code[j] === '.')) j++;
      push('num', code.slice(i, j));
      i = j;
      continue;
    }
    const two = code.slice(i, i + 2);
    if (TWO_CHAR_PUNCT.has(two)) {
      push('p', two);
      i += 2;
      continue;
    }
    push('p', ch);
    i++;
  }
  return tokens;

  function readTriple(q: string): { value: string; dynamic: boolean } {
    const close = q + q + q;
    const end = code.indexOf(close, i);
    const value = code.slice(i, end < 0 ? n : end);
    i = end < 0 ? n : end + 3;
    return { value, dynamic: false };
  }
}

const PYTHON_PREFIX_LETTERS: ReadonlySet<string> = new Set(['r', 'b', 'f', 'u', 'R', 'B', 'F', 'U']);

function isPythonPrefix(code: string, i: number): boolean {
  if (i > 0 && isIdPart(code.charCodeAt(i - 1))) return false;
  let j = i;
  while (j < i + 2 && PYTHON_PREFIX_LETTERS.has(code[j])) j++;
  return code[j] === '"' || code[j] === "'";
}

interface QuoteOp {
  bodyStart: number;
  open: string;
  exec: boolean;
  words: boolean;
  interpolates: boolean;
}

/** Ruby `%x(…)`/`%w[…]`/`%q{…}`/`%Q(…)`; perl `qx(…)`/`qw(…)`/`q(…)`/`qq(…)` at position i (an identifier start). */
function quoteOperator(code: string, i: number, style: 'ruby' | 'perl'): QuoteOp | undefined {
  if (i > 0 && isIdPart(code.charCodeAt(i - 1))) return undefined;
  if (style === 'perl' && code[i - 1] !== '$' && code[i - 1] !== '>') {
    let j = i;
    while (j < i + 2 && (code[j] === 'q' || code[j] === 'x' || code[j] === 'w')) j++;
    const word = code.slice(i, j);
    if (word !== 'q' && word !== 'qq' && word !== 'qx' && word !== 'qw') return undefined;
    const open = code[j];
    if (open === undefined || !(open in PAIRS || open === '/' || open === '|' || open === '!')) return undefined;
    return { bodyStart: j + 1, open, exec: word === 'qx', words: word === 'qw', interpolates: word === 'qq' || word === 'qx' };
  }
  return undefined;
}

const RUBY_PERCENT: Readonly<Record<string, { exec: boolean; words: boolean; interpolates: boolean }>> = {
  x: { exec: true, words: false, interpolates: true },
  w: { exec: false, words: true, interpolates: false },
  W: { exec: false, words: true, interpolates: true },
  i: { exec: false, words: true, interpolates: false },
  q: { exec: false, words: false, interpolates: false },
  Q: { exec: false, words: false, interpolates: true },
};

/** Ruby `%x(…)`, `%w[…]`, `%q{…}`, `%Q(…)`, `%(…)` at position i (a `%`). */
function rubyPercent(code: string, i: number): QuoteOp | undefined {
  const letter = code[i + 1];
  if (letter !== undefined && letter in PAIRS) return { bodyStart: i + 2, open: letter, exec: false, words: false, interpolates: true };
  const kind = letter === undefined ? undefined : RUBY_PERCENT[letter];
  const open = code[i + 2];
  if (!kind || open === undefined || !(open in PAIRS || open === '|' || open === '!' || open === '/')) return undefined;
  return { bodyStart: i + 3, open, ...kind };
}
