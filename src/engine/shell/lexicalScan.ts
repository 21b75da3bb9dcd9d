// First pass over a command line, before `shell-quote` sees it. shell-quote tokenizes words, quotes
// and operators well, but it does not know heredocs, command substitution (`$(…)`, backticks),
// process substitution (`<(…)`), line continuations or that a newline separates commands.
// This pass handles exactly those, quote-aware, and leaves a text shell-quote can tokenize:
//   - every unquoted newline becomes `;` (a separator; empty commands are dropped later),
//   - `\<newline>` continuations are joined,
//   - comments are removed,
//   - each heredoc body is cut out; its `<<DELIM` becomes `<< <sentinel H#>`,
//   - each substitution becomes a sentinel word `\u0001S#\u0002`, its inner text kept for a recursive parse.
// Sentinels use control characters that cannot come from shell-quote's own output.

import { charTable, runEnd } from './charRuns';

export const SENTINEL_OPEN = '\u0001';
export const SENTINEL_CLOSE = '\u0002';

export type SubstitutionKind = 'command' | 'backtick' | 'process-in' | 'process-out' | 'arithmetic';

export interface Substitution {
  kind: SubstitutionKind;
  /** The inner text, as written (`rm -rf ~` for `$(rm -rf ~)`). */
  text: string;
}

export interface Heredoc {
  body: string;
  /** A quoted delimiter (`<<'EOF'`) means the body is literal: no expansion, no substitution. */
  quoted: boolean;
}

export interface ScanResult {
  text: string;
  substitutions: Substitution[];
  heredocs: Heredoc[];
  /** Set when the line is not well formed (unterminated quote or substitution). */
  error?: string;
}

export function substitutionSentinel(index: number): string {
  return `${SENTINEL_OPEN}S${index}${SENTINEL_CLOSE}`;
}

export function heredocSentinel(index: number): string {
  return `${SENTINEL_OPEN}H${index}${SENTINEL_CLOSE}`;
}

/** Characters a backslash escapes inside double quotes (bash manual, "Double Quotes"). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '"', '\\', '\n']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '!', '#', '*', '@', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** A file descriptor glued to a redirect (`2>`): the parser drops it from the words. */
export function fdSentinel(digits: string): string {
  return `${SENTINEL_OPEN}F${digits}${SENTINEL_CLOSE}`;
}

const WINDOWS_DRIVE_START = /^[A-Za-z]:\\$/;
/** `.\node_modules`, `..\build`: Windows relative paths (bash would read `.node_modules`, which nobody types). */
const WINDOWS_RELATIVE_START = /^\.\.?\\/;
/**
 * `.vscode\settings.json`, `.cursor\hooks.json`, `.cursor\`: a dot-folder and plain names joined by backslashes,
 * the whole word. Bash would read `.vscodesettings.json`, which nobody types; from a PowerShell or cmd door it is the
 * folder's file (a guard file), so the separators are kept.
 */
const WINDOWS_DOT_PATH = /^\.[\w-][\w.-]*(?:\\[\w.-]*)+/;
/** `%TEMP%\build`, `%USERPROFILE%\Documents`: a cmd variable starting a Windows path. */
const WINDOWS_ENV_START = /^%[A-Za-z_][A-Za-z0-9_()]{0,60}%\\/;

export function variableSentinelText(name: string): string {
  return `${SENTINEL_OPEN}V${name}${SENTINEL_CLOSE}`;
}

const WORD_BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Outside quotes and not at a word start, only these characters mean anything (the rest is copied in runs). */
const UNQUOTED_RUN_END = charTable('\\\'$`" \t\n;&|()<>');
/** Inside double quotes only these do. */
const DOUBLE_RUN_END = charTable('\\$`"');

/** What one construct read: the text to hand shell-quote and the position after it. */
interface Step {
  text: string;
  end: number;
}

interface PendingHeredoc {
  index: number;
  delimiter: string;
  stripTabs: boolean;
}

class Scanner {
  readonly substitutions: Substitution[] = [];
  readonly heredocs: Heredoc[] = [];
  error: string | undefined;
  private pending: PendingHeredoc[] = [];

  constructor(private readonly src: string) {}

  /**
   * Scans from `pos`. In paren mode it stops at the `)` that closes the current `$(`/`<(` and
   * returns the position after it; otherwise it runs to the end. Each construct is read by its own
   * method below (quoting, expansions, then what only applies unquoted), in the order bash gives them.
   */
  scan(pos: number, parenMode: boolean): { out: string; end: number } {
    const s = this.src;
    let out = '';
    let depth = 0;
    let i = pos;
    let inDouble = false;
    while (i < s.length) {
      const c = s[i];
      const step = this.quoting(i, inDouble) ?? this.expansion(i);
      if (step) {
        out += step.text;
        i = step.end;
        continue;
      }
      if (c === '"') {
        inDouble = !inDouble;
        out += c;
        i++;
        continue;
      }
      if (inDouble) {
        // This character and the ones after it that mean nothing inside double quotes, copied at once.
        const end = runEnd(s, i + 1, DOUBLE_RUN_END);
        out += s.slice(i, end);
        i = end;
        continue;
      }
      const unquoted = this.unquoted(i, pos);
      if (unquoted) {
        out += unquoted.text;
        i = unquoted.end;
        continue;
      }
      if (parenMode) {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) return { out, end: i + 1 };
          depth--;
        }
      }
      // This character, and when it does not end a word the ones after it that mean nothing here (none of them
      // starts a word or a construct), copied at once.
      const end = WORD_BREAK.has(c) ? i + 1 : runEnd(s, i + 1, UNQUOTED_RUN_END);
      out += s.slice(i, end);
      i = end;
    }
    if (inDouble) this.error ??= 'unterminated double quote';
    if (parenMode) this.error ??= 'unterminated substitution';
    if (this.pending.length > 0) {
      // A heredoc opened on the last line with no body: the shell would wait for more input.
      for (const p of this.pending) this.heredocs[p.index] = { body: '', quoted: false };
      this.pending = [];
    }
    return { out, end: s.length };
  }

  /** Backslashes, single quotes and `$'…'`: text the shell takes literally (or nearly). */
  private quoting(i: number, inDouble: boolean): Step | undefined {
    const s = this.src;
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (next === '\n') return { text: '', end: i + 2 }; // line continuation
      if (inDouble && next !== undefined && !DOUBLE_QUOTE_ESCAPES.has(next)) {
        // Inside double quotes bash keeps a backslash that escapes nothing (`"C:\Users"`), and
        // `\`` is a literal backtick; shell-quote would drop the backslash, so spell it out for it.
        return { text: next === '`' ? '`' : '\\\\' + next, end: i + 2 };
      }
      return { text: s.slice(i, i + 2), end: i + 2 };
    }
    if (inDouble) return undefined;
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close < 0) return this.unterminated(i, 'unterminated single quote');
      return { text: s.slice(i, close + 1), end: close + 1 };
    }
    if (c === '$' && s[i + 1] === "'") {
      // ANSI-C quoting: backslash escapes inside, including \'
      let j = i + 2;
      while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return this.unterminated(i, "unterminated $'…' quote");
      return { text: s.slice(i, j + 1), end: j + 1 };
    }
    return undefined;
  }

  private unterminated(i: number, error: string): Step {
    this.error ??= error;
    return { text: this.src.slice(i), end: this.src.length };
  }

  /** `$((…))`, `$(…)`, `$NAME`/`${…}` and backticks: each becomes a sentinel (quoted or not). */
  private expansion(i: number): Step | undefined {
    const s = this.src;
    const c = s[i];
    if (c === '$' && s[i + 1] === '(') {
      if (s[i + 2] === '(') {
        const end = this.matchParen(i + 3, 2);
        return { text: this.addSubstitution('arithmetic', s.slice(i + 3, Math.max(i + 3, end - 2))), end };
      }
      return this.substitute(i + 2, 'command');
    }
    if (c === '$') {
      const v = this.variable(i);
      return v ? { text: v.sentinel, end: v.end } : undefined;
    }
    if (c === '`') {
      let j = i + 1;
      let inner = '';
      while (j < s.length && s[j] !== '`') {
        if (s[j] === '\\' && (s[j + 1] === '`' || s[j + 1] === '\\' || s[j + 1] === '$')) {
          inner += s[j + 1];
          j += 2;
          continue;
        }
        inner += s[j];
        j++;
      }
      if (j >= s.length) this.error ??= 'unterminated backtick substitution';
      return { text: this.addSubstitution('backtick', inner), end: j + 1 };
    }
    return undefined;
  }

  private addSubstitution(kind: SubstitutionKind, text: string): string {
    this.substitutions.push({ kind, text });
    return substitutionSentinel(this.substitutions.length - 1);
  }

  /** What only counts outside quotes: word starts, process substitution, heredocs, comments, newlines. */
  private unquoted(i: number, pos: number): Step | undefined {
    const s = this.src;
    const c = s[i];
    const atWordStart = i === pos || WORD_BREAK.has(s[i - 1]);
    if (atWordStart) {
      const word = this.wordStart(i);
      if (word) return word;
    }
    if ((c === '<' || c === '>') && s[i + 1] === '(') return this.substitute(i + 2, c === '<' ? 'process-in' : 'process-out');
    if (c === '<' && s[i + 1] === '<') return s[i + 2] === '<' ? { text: '<<<', end: i + 3 } : this.heredocStart(i + 2);
    if (c === '#' && atWordStart) {
      let j = i;
      while (j < s.length && s[j] !== '\n') j++;
      return { text: '', end: j };
    }
    if (c === '\n') {
      const end = this.pending.length > 0 ? this.readHeredocBodies(i + 1) : i + 1;
      return { text: ' ; ', end };
    }
    return undefined;
  }

  /**
   * Words whose start decides how the shell reads them:
   *   - digits glued to `<`/`>` are a file descriptor (`2>/dev/null`); they become an fd sentinel, so a
   *     number standing apart (`rm -rf 7 > out`) stays an argument;
   *   - a Windows path (`C:\\data`, `C:\\Program Files\\…` unquoted) keeps its backslashes: from a Windows
   *     door they separate folders, and bash would only drop them.
   */
  private wordStart(i: number): { text: string; end: number } | undefined {
    const s = this.src;
    const c = s[i];
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      if (s[j] === '<' || s[j] === '>') return { text: fdSentinel(s.slice(i, j)), end: j };
      return undefined;
    }
    // Each test only where its first characters stand (most words start with none of them).
    if ((s[i + 1] === ':' && WINDOWS_DRIVE_START.test(s.slice(i, i + 3))) || (c === '.' && WINDOWS_RELATIVE_START.test(s.slice(i, i + 3))) || (c === '%' && WINDOWS_ENV_START.test(s.slice(i, i + 64))) || (c === '.' && this.windowsDotPath(i))) {
      let j = i;
      let text = '';
      while (j < s.length && !WORD_BREAK.has(s[j]) && s[j] !== '"' && s[j] !== "'" && s[j] !== '$' && s[j] !== '`') {
        if (s[j] === '\\') {
          // One backslash is a separator; an escaped pair (as the PowerShell reader hands them on) is one too.
          text += '\\\\';
          j += s[j + 1] === '\\' ? 2 : 1;
          continue;
        }
        text += s[j];
        j++;
      }
      return { text, end: j };
    }
    return undefined;
  }

  /** A whole word like `.cursor\hooks.json` (see WINDOWS_DOT_PATH), ending where the word ends. */
  private windowsDotPath(i: number): boolean {
    const m = WINDOWS_DOT_PATH.exec(this.src.slice(i, i + 256));
    if (m === null) return false;
    const next = this.src[i + m[0].length];
    return next === undefined || WORD_BREAK.has(next);
  }

  /**
   * `$NAME`, `${…}`, `$1`, `$?` … become a variable sentinel here rather than through shell-quote's
   * env callback, which compiles a regular expression per token (too slow for the per-command budget).
   */
  private variable(i: number): { sentinel: string; end: number } | undefined {
    const s = this.src;
    const next = s[i + 1];
    if (next === undefined) return undefined;
    if (next === '{') {
      const close = s.indexOf('}', i + 2);
      if (close < 0) return undefined;
      return { sentinel: variableSentinelText(s.slice(i + 2, close)), end: close + 1 };
    }
    if (SPECIAL_PARAMS.has(next)) return { sentinel: variableSentinelText(next), end: i + 2 };
    if (!NAME_START.test(next)) return undefined;
    let j = i + 2;
    while (j < s.length && NAME_CHAR.test(s[j])) j++;
    return { sentinel: variableSentinelText(s.slice(i + 1, j)), end: j };
  }

  /** Cuts out `$(…)` / `<(…)` starting after its opening paren: its sentinel and the position after it. */
  private substitute(start: number, kind: SubstitutionKind): Step {
    const savedPending = this.pending;
    this.pending = [];
    const { end } = this.scan(start, true);
    this.pending = savedPending;
    const closeAt = this.src[end - 1] === ')' ? end - 1 : end;
    return { text: this.addSubstitution(kind, this.src.slice(start, closeAt)), end };
  }

  /** Position after `closers` consecutive `)` closing an arithmetic expansion. */
  private matchParen(start: number, closers: number): number {
    let depth = 0;
    for (let i = start; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (this.src.slice(i, i + closers) === ')'.repeat(closers)) return i + closers;
      }
    }
    this.error ??= 'unterminated arithmetic expansion';
    return this.src.length;
  }

  /** `<<DELIM` / `<<-DELIM` / `<<'DELIM'`: the body is read at the end of the line. */
  private heredocStart(i: number): Step {
    const s = this.src;
    let stripTabs = false;
    if (s[i] === '-') {
      stripTabs = true;
      i++;
    }
    while (s[i] === ' ' || s[i] === '\t') i++;
    let delimiter = '';
    let quoted = false;
    while (i < s.length && !WORD_BREAK.has(s[i])) {
      const c = s[i];
      if (c === "'" || c === '"') {
        quoted = true;
        const close = s.indexOf(c, i + 1);
        const endQ = close < 0 ? s.length : close;
        delimiter += s.slice(i + 1, endQ);
        i = endQ + 1;
        continue;
      }
      if (c === '\\') {
        quoted = true;
        delimiter += s[i + 1] ?? '';
        i += 2;
        continue;
      }
      delimiter += c;
      i++;
    }
    if (!delimiter) {
      this.error ??= 'heredoc without a delimiter';
      return { text: '', end: i };
    }
    const index = this.heredocs.length;
    this.heredocs.push({ body: '', quoted });
    this.pending.push({ index, delimiter, stripTabs });
    return { text: `<< ${heredocSentinel(index)} `, end: i };
  }

  /** Reads the bodies of the heredocs opened on the line that just ended. */
  private readHeredocBodies(i: number): number {
    const s = this.src;
    for (const p of this.pending) {
      const lines: string[] = [];
      let found = false;
      while (i < s.length) {
        let nl = s.indexOf('\n', i);
        if (nl < 0) nl = s.length;
        let line = s.slice(i, nl);
        i = nl + 1;
        if (p.stripTabs) line = line.replace(/^\t+/, '');
        if (line === p.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      this.heredocs[p.index] = { body: lines.join('\n'), quoted: this.heredocs[p.index].quoted };
      if (!found) {
        // bash warns and uses what it read up to the end: the body still counts.
        i = s.length;
      }
    }
    this.pending = [];
    return Math.min(i, s.length);
  }
}

/**
 * The command substitutions of text that expands like a double-quoted string (an unquoted heredoc body,
 * a prompt string such as PS1): `$(…)` and backticks, as their inner texts. Arithmetic is skipped.
 */
export function substitutionsIn(text: string): string[] {
  if (!text.includes('$(') && !text.includes('`')) return [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      const scanner = new Scanner(text);
      const { end } = scanner.scan(i + 2, true);
      found.push(text.slice(i + 2, text[end - 1] === ')' ? end - 1 : end));
      i = end - 1;
    } else if (c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
      found.push(text.slice(i + 1, j).replace(/\\([`\\$])/g, '$1'));
      i = j;
    }
  }
  return found;
}

export function lexicalScan(text: string): ScanResult {
  const scanner = new Scanner(text);
  const { out } = scanner.scan(0, false);
  return { text: out, substitutions: scanner.substitutions, heredocs: scanner.heredocs, error: scanner.error };
}
