// The shell tokenizer: shell-quote's `parse(text)` (no environment, no options), ported so its regular
// expressions are compiled once instead of on every call. shell-quote 1.12 builds its chunking expression,
// and tests control operators and `#` with a regular expression per character, each time it parses; the engine
// parses every command line and every nested one (`bash -c`, `$(…)`), so that was a steady share of each
// evaluation (issue 11). The output is the same token for token: test/unit/engine/shellTokens.test.ts checks it
// against shell-quote over the corpus and generated lines. shell-quote still quotes text for the hosts (`quote`).
//
// Derived from shell-quote (MIT License, Copyright (c) 2013 James Halliday (mail@substack.net)).
import { charTable, runEnd } from './charRuns';

export type ShellToken = string | { op: string } | { op: 'glob'; pattern: string } | { comment: string };

const CONTROL =
  '(?:' +
  ['\\|\\|', '\\&(?:\\&|>>?)', ';;\\&?', '[;|]\\&', '\\<\\(', '\\<\\<\\<', '\\<\\<-', '\\<\\<(?!\\()', '>>', '>[&|(]', '<[&>]', '[&;()|<>]'].join('|') +
  ')';
const CONTROL_RE = new RegExp('^' + CONTROL + '$');
const META = '|&;()<> \\t';
const SINGLE_QUOTE = "'([^']*?)'";
// bash ANSI-C quoting, `$'...'`: a backslash escapes the next character, including `'`.
const ANSI_C_BODY = "(?:\\\\[\\s\\S]|[^\\\\'])*?";
const ANSI_C_QUOTE = "\\$'" + ANSI_C_BODY + "'";
const ANSI_C_AT = new RegExp("\\$'" + ANSI_C_BODY + "(?:(')|\\\\?$)", 'g');
const ANSI_C_LETTERS = 'abeEfnrtv';
const ANSI_C_CHARS = '\x07\b\x1B\x1B\f\n\r\t\v';
const ANSI_C_ESCAPE = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;
const BAREWORD = "(\\\\['\"$\\\\" + META + ']|\\$\\$|\\$(?!' + ANSI_C_QUOTE.slice(2) + ")|[^\\s'\"$" + META + '])+';
const DOUBLE_QUOTE = '"(?:\\\\[\\s\\S]|[^"\\\\])*"';
const CHUNKER = new RegExp(['(' + CONTROL + ')', '(' + ANSI_C_QUOTE + '|' + BAREWORD + '|' + DOUBLE_QUOTE + '|' + SINGLE_QUOTE + ')+'].join('|'), 'g');

// shell-quote marks a variable whose value is an object with a random token; with no environment only
// `$__proto__` reaches that (Object.prototype), kept as shell-quote has it.
let TOKEN = '';
for (let i = 0; i < 4; i++) TOKEN += (0x100000000 * Math.random()).toString(16);

/** Characters that make a one-character control operator: what CONTROL_RE accepts for one character. */
const isControlChar = (c: string): boolean => c === '&' || c === ';' || c === '(' || c === ')' || c === '|' || c === '<' || c === '>';
const isSpecialVar = (c: string): boolean => c === '*' || c === '@' || c === '#' || c === '?' || c === '$' || c === '!' || c === '-';
/** `\w` without the `u` flag. */
const isWordChar = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

const NO_ENV: Record<string, unknown> = {};

/** What ends a run of characters copied as they are: outside quotes, inside single and inside double quotes. */
const BARE_RUN_END = charTable('"\'&;()|<>#\\$*?');
const SINGLE_RUN_END = charTable("'");
const DOUBLE_RUN_END = charTable('"\\$');

/** A variable with no environment: empty, `$` for an empty name; what an own property of `{}` gives otherwise. */
function getVar(key: string): string {
  const r: unknown = NO_ENV[key];
  if (r === undefined) return key !== '' ? '' : '$';
  if (typeof r === 'object') return TOKEN + JSON.stringify(r) + TOKEN;
  return String(r);
}

function expandAnsiCEscape(m: string, escape: string): string {
  const kind = escape.charAt(0);
  if (kind === 'c') {
    const ctrl = escape.charAt(1);
    return ctrl === '?' ? '\x7F' : String.fromCharCode(ctrl.charCodeAt(0) & 0x1f);
  }
  if (kind === 'x' || kind === 'u' || kind === 'U') {
    const cp = parseInt(escape.slice(1), 16);
    if (cp > 0x10ffff) return m;
    return cp > 0xffff ? String.fromCharCode(0xd7c0 + (cp >> 10), 0xdc00 + (cp & 0x3ff)) : String.fromCharCode(cp);
  }
  if (kind >= '0' && kind <= '7') return String.fromCharCode(parseInt(escape, 8) & 0xff);
  const letter = ANSI_C_LETTERS.indexOf(escape);
  return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
}

function expandAnsiC(body: string): string {
  // Like bash, a NUL ends the string.
  return body.replace(ANSI_C_ESCAPE, expandAnsiCEscape).split('\0')[0];
}

function closesAnsiC(s: string, i: number): boolean {
  ANSI_C_AT.lastIndex = i;
  return !!(ANSI_C_AT.exec(s) as RegExpExecArray)[1];
}

/** Where readVariable stopped: the index of the variable's last character in its chunk. */
let variableEnd = 0;

/** The variable whose `$` is at `at` in the chunk `s` (with no environment: see getVar); sets variableEnd. */
function readVariable(s: string, at: number): string {
  let i = at + 1;
  let varname: string;
  const char = s.charAt(i);
  if (char === '{') {
    i += 1;
    if (s.charAt(i) === '}') throw new Error('Bad substitution: ' + s.slice(i - 2, i + 1));
    // Braces matched by depth, so a nested `${` keeps its inner `}` from ending the outer substitution.
    let depth = 1;
    let varend = i;
    while (depth > 0 && varend < s.length) {
      if (s.charAt(varend) === '{' && s.charAt(varend - 1) === '$') depth += 1;
      else if (s.charAt(varend) === '}') depth -= 1;
      varend += 1;
    }
    if (depth !== 0) throw new Error('Bad substitution: ' + s.slice(i));
    varend -= 1;
    varname = s.slice(i, varend);
    i = varend;
  } else if (isSpecialVar(char)) {
    varname = char;
  } else {
    let end = i;
    while (end < s.length && isWordChar(s.charCodeAt(end))) end++;
    varname = s.slice(i, end);
    i = end === s.length ? s.length : end - 1;
  }
  variableEnd = i;
  return getVar(varname);
}

/** One chunk (a run of words and quotes with no space, or a control operator) into its tokens. */
function readChunk(s: string, string: string, chunkAt: number, out: ShellToken[]): boolean {
  let quote: string | false = false;
  let esc = false;
  let text = '';
  let isGlob = false;
  let i: number;


  for (i = 0; i < s.length; i++) {
    let c = s.charAt(i);
    isGlob = isGlob || (!quote && (c === '*' || c === '?'));
    if (esc) {
      text += c;
      esc = false;
    } else if (quote) {
      if (c === quote) quote = false;
      else if (quote === "'") {
        const end = runEnd(s, i + 1, SINGLE_RUN_END);
        text += s.slice(i, end);
        i = end - 1;
      } else if (c === '\\') {
        i += 1;
        c = s.charAt(i);
        text += c === '"' || c === '\\' || c === '$' ? c : '\\' + c;
      } else if (c === '$') {
        text += readVariable(s, i);
        i = variableEnd;
      }
      else {
        const end = runEnd(s, i + 1, DOUBLE_RUN_END);
        text += s.slice(i, end);
        i = end - 1;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (isControlChar(c)) {
      out.push({ op: s });
      return false;
    } else if (c === '#') {
      if (text.length) out.push(text);
      out.push({ comment: string.slice(chunkAt + i + 1) });
      return true;
    } else if (c === '\\') {
      esc = true;
    } else if (c === '$' && s.charAt(i + 1) === "'" && closesAnsiC(s, i)) {
      text += expandAnsiC(s.slice(i + 2, ANSI_C_AT.lastIndex - 1));
      i = ANSI_C_AT.lastIndex - 1;
    } else if (c === '$') {
      text += readVariable(s, i);
      i = variableEnd;
    } else {
      // This character and the plain ones after it (no quote, operator, comment, escape, variable or glob).
      const end = runEnd(s, i + 1, BARE_RUN_END);
      text += s.slice(i, end);
      i = end - 1;
    }
  }
  out.push(isGlob ? { op: 'glob', pattern: text } : text);
  return false;
}

/** `parse(text)` of shell-quote: words, operators, globs and a trailing comment. Throws on a bad `${`. */
export function shellTokens(string: string): ShellToken[] {
  const out: ShellToken[] = [];
  CHUNKER.lastIndex = 0;
  try {
    let m: RegExpExecArray | null;
    while ((m = CHUNKER.exec(string)) !== null) {
      if (CHUNKER.lastIndex === m.index) CHUNKER.lastIndex += 1;
      const s = m[0];
      if (!s) continue;
      // Every control operator starts with one of these characters.
      if (isControlChar(s.charAt(0)) && CONTROL_RE.test(s)) {
        out.push({ op: s });
        continue;
      }
      // Everything after a comment is the comment's.
      if (readChunk(s, string, m.index, out)) break;
    }
  } finally {
    CHUNKER.lastIndex = 0;
  }
  return out;
}
