// One linear pass over SQL / Mongo shell text that drops comments and turns string literals and
// quoted identifiers into opaque tokens, so a word only counts when the database would read it as
// a keyword: `SELECT 'drop table x'`, `"drop table"` and `drop_shipping` are not `DROP TABLE`.
// No regex here: the hot path walks char codes once.

/** Which lexical rules apply; they differ exactly where a wrong guess would hide or invent code. */
export type SqlDialect =
  | 'generic'
  | 'postgres'
  | 'mysql'
  | 'sqlite'
  | 'tsql'
  | 'clickhouse'
  | 'cql'
  | 'mongo';

export type SqlTokenType = 'word' | 'ident' | 'string' | 'number' | 'op' | 'semi';

export interface SqlToken {
  type: SqlTokenType;
  /** Words: as written. Idents and strings: the content, quotes removed. Ops: the operator. */
  value: string;
  /** Upper-cased value for words (keywords compare on this). */
  upper: string;
  start: number;
  end: number;
}

interface LexRules {
  /** `--` starts a comment (SQL); not in Mongo's JavaScript. */
  dashComment: boolean;
  /** `#` starts a comment (MySQL). Elsewhere `#` is an operator, and reading it as code finds more. */
  hashComment: boolean;
  /** `//` starts a comment (JavaScript). */
  slashComment: boolean;
  /** What `"…"` is: an identifier in standard SQL, a string in MySQL and JavaScript. */
  doubleQuote: 'ident' | 'string';
  /** What a backtick quotes: an identifier in MySQL/ClickHouse, a template string in JavaScript. */
  backtick: 'ident' | 'string';
  /** Backslash escapes inside '…' (MySQL, JavaScript). Standard SQL doubles the quote instead. */
  backslashEscapes: boolean;
  /** `$tag$ … $tag$` dollar quoting (PostgreSQL). */
  dollarQuotes: boolean;
  /** `[name]` identifiers (SQL Server). */
  bracketIdents: boolean;
  /** `/*! … *\/` holds code MySQL executes, so its body is read, not skipped. */
  mysqlExecutableComments: boolean;
}

const BASE: LexRules = {
  dashComment: true,
  hashComment: false,
  slashComment: false,
  doubleQuote: 'ident',
  backtick: 'ident',
  backslashEscapes: false,
  dollarQuotes: true,
  bracketIdents: false,
  mysqlExecutableComments: true,
};

const RULES: Record<SqlDialect, LexRules> = {
  // Unknown client: read it the way that exposes the most code (standard quoting, no `#` comments,
  // MySQL's executable comments read as code).
  generic: BASE,
  postgres: { ...BASE, mysqlExecutableComments: false },
  mysql: { ...BASE, hashComment: true, doubleQuote: 'string', backslashEscapes: true, dollarQuotes: false },
  sqlite: { ...BASE, dollarQuotes: false, bracketIdents: true, mysqlExecutableComments: false },
  tsql: { ...BASE, dollarQuotes: false, bracketIdents: true, mysqlExecutableComments: false },
  clickhouse: { ...BASE, hashComment: true, backslashEscapes: true, dollarQuotes: false, mysqlExecutableComments: false },
  cql: { ...BASE, slashComment: true, dollarQuotes: true, mysqlExecutableComments: false },
  mongo: {
    ...BASE,
    dashComment: false,
    slashComment: true,
    doubleQuote: 'string',
    backtick: 'string',
    backslashEscapes: true,
    dollarQuotes: false,
    mysqlExecutableComments: false,
  },
};

const C_NL = 10;
const C_SPACE = 32;
const C_DQUOTE = 34;
const C_HASH = 35;
const C_DOLLAR = 36;
const C_SQUOTE = 39;
const C_STAR = 42;
const C_DASH = 45;
const C_DOT = 46;
const C_SLASH = 47;
const C_SEMI = 59;
const C_LBRACKET = 91;
const C_BACKSLASH = 92;
const C_RBRACKET = 93;
const C_BACKTICK = 96;
const C_BANG = 33;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === C_DOLLAR;
}

/** Two-character operators kept whole, so `1 <> 2` and `a != b` read as one comparison. */
const TWO_CHAR_OPS = new Set(['<>', '!=', '<=', '>=', '==', '::', '||', '=>', '&&']);

export function tokenizeSql(text: string, dialect: SqlDialect = 'generic'): SqlToken[] {
  const r = RULES[dialect];
  const tokens: SqlToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= C_SPACE) {
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    // Comments.
    if ((c === C_DASH && next === C_DASH && r.dashComment) || (c === C_HASH && r.hashComment) ||
        (c === C_SLASH && next === C_SLASH && r.slashComment)) {
      while (i < n && text.charCodeAt(i) !== C_NL) i++;
      continue;
    }
    if (c === C_SLASH && next === C_STAR) {
      if (r.mysqlExecutableComments && i + 2 < n && text.charCodeAt(i + 2) === C_BANG) {
        // `/*!40101 DROP TABLE x */`: MySQL runs this. Skip the marker and version, read the body.
        i += 3;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        continue;
      }
      i = skipBlockComment(text, i);
      continue;
    }
    if (c === C_STAR && next === C_SLASH && r.mysqlExecutableComments) {
      // The end of an executable comment whose body we read as code.
      i += 2;
      continue;
    }
    const start = i;
    if (c === C_SQUOTE) {
      const [value, end] = readQuoted(text, i, C_SQUOTE, r.backslashEscapes);
      tokens.push({ type: 'string', value, upper: '', start, end });
      i = end;
      continue;
    }
    if (c === C_DQUOTE) {
      const asString = r.doubleQuote === 'string';
      const [value, end] = readQuoted(text, i, C_DQUOTE, asString && r.backslashEscapes);
      tokens.push({ type: asString ? 'string' : 'ident', value, upper: '', start, end });
      i = end;
      continue;
    }
    if (c === C_BACKTICK) {
      const asString = r.backtick === 'string';
      const [value, end] = readQuoted(text, i, C_BACKTICK, asString && r.backslashEscapes);
      tokens.push({ type: asString ? 'string' : 'ident', value, upper: '', start, end });
      i = end;
      continue;
    }
    if (c === C_LBRACKET && r.bracketIdents) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== C_RBRACKET) j++;
      tokens.push({ type: 'ident', value: text.slice(i + 1, j), upper: '', start, end: Math.min(j + 1, n) });
      i = j + 1;
      continue;
    }
    if (c === C_DOLLAR && r.dollarQuotes) {
      const tagEnd = dollarTagEnd(text, i);
      if (tagEnd > 0) {
        const tag = text.slice(i, tagEnd);
        const close = text.indexOf(tag, tagEnd);
        const bodyEnd = close < 0 ? n : close;
        tokens.push({ type: 'string', value: text.slice(tagEnd, bodyEnd), upper: '', start, end: close < 0 ? n : close + tag.length });
        i = close < 0 ? n : close + tag.length;
        continue;
      }
    }
    if ((c === 69 || c === 101) && next === C_SQUOTE) {
      // PostgreSQL E'…' strings take backslash escapes.
      const [value, end] = readQuoted(text, i + 1, C_SQUOTE, true);
      tokens.push({ type: 'string', value, upper: '', start, end });
      i = end;
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      const value = text.slice(i, j);
      tokens.push({ type: 'word', value, upper: value.toUpperCase(), start, end: j });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === C_DOT && isDigit(next))) {
      let j = i + 1;
      while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === C_DOT)) j++;
      const value = text.slice(i, j);
      tokens.push({ type: 'number', value, upper: value, start, end: j });
      i = j;
      continue;
    }
    if (c === C_SEMI) {
      tokens.push({ type: 'semi', value: ';', upper: ';', start, end: i + 1 });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ type: 'op', value: two, upper: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const one = text[i];
    tokens.push({ type: 'op', value: one, upper: one, start, end: i + 1 });
    i++;
  }
  return tokens;
}

/** PostgreSQL block comments nest; an unclosed one runs to the end (the server would reject it). */
function skipBlockComment(text: string, at: number): number {
  let depth = 0;
  let i = at;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (c === C_SLASH && next === C_STAR) {
      depth++;
      i += 2;
    } else if (c === C_STAR && next === C_SLASH) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return n;
}

/** Reads a quoted run starting at `at` (the opening quote); a doubled quote is an escaped quote. */
function readQuoted(text: string, at: number, quote: number, backslash: boolean): [string, number] {
  let out = '';
  let i = at + 1;
  let runStart = i;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (backslash && c === C_BACKSLASH) {
      out += text.slice(runStart, i) + (i + 1 < n ? text[i + 1] : '');
      i += 2;
      runStart = i;
      continue;
    }
    if (c === quote) {
      if (i + 1 < n && text.charCodeAt(i + 1) === quote) {
        out += text.slice(runStart, i + 1);
        i += 2;
        runStart = i;
        continue;
      }
      return [out + text.slice(runStart, i), i + 1];
    }
    i++;
  }
  return [out + text.slice(runStart, n), n];
}

/** `$$` or `$tag$` at `at` → index after the tag; 0 when this `$` is a parameter (`$1`) or an operator. */
function dollarTagEnd(text: string, at: number): number {
  let j = at + 1;
  const n = text.length;
  if (j < n && text.charCodeAt(j) === C_DOLLAR) return j + 1;
  if (j >= n || !isWordStart(text.charCodeAt(j))) return 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === C_DOLLAR) return j + 1;
    if (!isWordStart(c) && !isDigit(c)) return 0;
    j++;
  }
  return 0;
}
