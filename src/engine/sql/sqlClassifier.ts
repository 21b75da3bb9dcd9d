// Finds the statements in SQL / Mongo shell / Redis text that destroy data: DROP, TRUNCATE,
// DELETE/UPDATE that touch every row, ALTER … DROP, dropDatabase(), drop(), deleteMany({}),
// FLUSHALL. Comments and literals are gone before we look (see sqlTokenizer), so only words the
// server would execute count. One tokenizing pass, then one walk per statement.
import type { Severity } from '../types';
import { type SqlDialect, type SqlToken, tokenizeSql } from './sqlTokenizer';
import { classifyRedisText } from './redisClassifier';

export type { SqlDialect } from './sqlTokenizer';

export type SqlFindingKind =
  | 'drop'
  | 'truncate'
  | 'delete-all'
  | 'update-all'
  | 'alter-drop'
  | 'mongo-drop-database'
  | 'mongo-drop-collection'
  | 'mongo-delete-all'
  | 'mongo-update-all'
  | 'redis-flush';

export interface SqlFinding {
  kind: SqlFindingKind;
  severity: Severity;
  /** What kind of object: `TABLE`, `DATABASE`, `COLUMN`, `COLLECTION`, `KEYSPACE` … */
  object?: string;
  /** The name(s) destroyed, when the text says: `users`, `public.orders`, `users.email`, `app`. */
  target?: string;
  /** For the person: "drops table `users`". */
  summary: string;
  /** The statement, whitespace collapsed and clipped, for display. */
  statement: string;
}

/** `redis` reads Redis commands one per line; the rest are SQL-ish token dialects. */
export type ClassifyDialect = SqlDialect | 'redis';

const MAX_STATEMENT_CHARS = 160;
/** DO blocks and EXECUTE strings hold SQL; nesting deeper than this is not worth following. */
const MAX_DEPTH = 3;

export function classifySql(text: string, dialect: ClassifyDialect = 'generic'): SqlFinding[] {
  if (dialect === 'redis') return classifyRedisText(text);
  return classifyTokens(text, dialect, 0);
}

function classifyTokens(text: string, dialect: SqlDialect, depth: number): SqlFinding[] {
  const tokens = tokenizeSql(text, dialect);
  const out: SqlFinding[] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].type === 'semi') {
      if (i > start) classifyStatement(text, tokens, start, i, dialect, depth, out);
      start = i + 1;
    }
  }
  if (dialect === 'generic' || dialect === 'mongo') findMongo(text, tokens, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// SQL statements.

/**
 * A DROP/DELETE/UPDATE/TRUNCATE word right after one of these is not a statement: privileges
 * (`GRANT SELECT, DELETE`), referential actions (`ON DELETE CASCADE`), triggers (`BEFORE UPDATE OR
 * DELETE`), row locks (`FOR UPDATE`), `ON DUPLICATE KEY UPDATE`, `ON COMMIT DROP`, qualified names.
 * Anything else counts: reading too much only asks, missing one would let it run.
 */
const NOT_A_STATEMENT_AFTER = new Set([
  'GRANT', 'REVOKE', ',', '.', 'ON', 'OF', 'OR', 'BEFORE', 'AFTER', 'INSTEAD', 'FOR', 'KEY', 'COMMIT',
]);

/** Words that end a WHERE clause of DELETE/UPDATE. */
const WHERE_END = new Set(['RETURNING', 'ORDER', 'LIMIT', 'OPTION', 'OUTPUT']);

const DELETE_MODIFIERS = new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE', 'ONLY']);
const IF_EXISTS = new Set(['IF', 'EXISTS']);
const DROP_NOISE = new Set(['IF', 'EXISTS', 'CONCURRENTLY']);
const TRUNCATE_NOISE = new Set(['TABLE', 'ONLY', 'IF', 'EXISTS']);
const ALTER_NOISE = new Set(['IF', 'EXISTS', 'ONLY']);
const ALL_PERCENT = /^%+$/;
const UPDATE_MODIFIERS = new Set(['LOW_PRIORITY', 'IGNORE', 'ONLY']);

/** Words that may follow DROP as the first word of a two-word object type. */
const TWO_WORD_TYPES: Record<string, readonly string[]> = {
  MATERIALIZED: ['VIEW'],
  FOREIGN: ['TABLE', 'DATA'],
  EVENT: ['TRIGGER'],
  OWNED: ['BY'],
  ACCESS: ['METHOD'],
  USER: ['MAPPING'],
  TEXT: ['SEARCH'],
  OPERATOR: ['CLASS', 'FAMILY'],
  ROW: ['POLICY'],
};

const CRITICAL_DROPS = new Set(['DATABASE', 'SCHEMA', 'KEYSPACE', 'OWNED BY']);
const HIGH_DROPS = new Set(['TABLE', 'MATERIALIZED VIEW', 'FOREIGN TABLE', 'COLUMNFAMILY', 'TABLESPACE', 'DICTIONARY']);

/** `ALTER … ALTER COLUMN c DROP DEFAULT` and friends change a column, they destroy nothing. */
const HARMLESS_ALTER_DROPS = new Set(['DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION', 'STORED']);
const ALTER_DROP_OBJECTS = new Set([
  'COLUMN', 'CONSTRAINT', 'PRIMARY', 'FOREIGN', 'INDEX', 'KEY', 'CHECK', 'PARTITION', 'PROJECTION',
]);

/** After these words a string literal is SQL that runs (`EXECUTE '…'`, `EXEC('…')`); so is a `DO $$…$$` body. */
const RUNS_ITS_STRINGS = new Set(['EXECUTE', 'EXEC', 'IMMEDIATE']);

function classifyStatement(
  text: string,
  tokens: readonly SqlToken[],
  lo: number,
  hi: number,
  dialect: SqlDialect,
  depth: number,
  out: SqlFinding[],
): void {
  let first = lo;
  // Built only when something is found: most statements are harmless.
  const statement = (): string => excerpt(text, tokens, lo, hi);
  // `EXPLAIN DELETE …` only plans; `EXPLAIN ANALYZE DELETE …` runs it.
  if (tokens[first].upper === 'EXPLAIN') {
    if (!hasWord(tokens, first + 1, Math.min(hi, first + 8), 'ANALYZE') && !hasWord(tokens, first + 1, Math.min(hi, first + 8), 'ANALYSE')) return;
  }
  const head = tokens[first].upper;
  if (depth < MAX_DEPTH) {
    // Strings that run: a DO body, or any string after EXECUTE/EXEC (`BEGIN EXECUTE 'DROP …'`).
    let runs = head === 'DO' || head === 'PREPARE' || RUNS_ITS_STRINGS.has(head);
    for (let i = first + 1; i < hi; i++) {
      const t = tokens[i];
      if (t.type === 'word' && RUNS_ITS_STRINGS.has(t.upper)) runs = true;
      else if (runs && t.type === 'string') out.push(...classifyTokens(t.value, dialect, depth + 1));
    }
  }
  if (head === 'ALTER') {
    classifyAlter(tokens, first, hi, statement, out);
    return;
  }
  if (head === 'FLUSHALL' || head === 'FLUSHDB') {
    out.push(redisFlush(head, statement()));
    return;
  }
  for (let i = first; i < hi; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    const u = t.upper;
    if (u !== 'DROP' && u !== 'TRUNCATE' && u !== 'DELETE' && u !== 'UPDATE') continue;
    const prev = i > lo ? tokens[i - 1] : undefined;
    if (prev && NOT_A_STATEMENT_AFTER.has(prev.type === 'word' ? prev.upper : prev.value)) continue;
    // `ON CONFLICT … DO UPDATE` only touches the conflicting row.
    if (u === 'UPDATE' && prev?.upper === 'DO' && tokens[first].upper === 'INSERT') continue;
    const next = i + 1 < hi ? tokens[i + 1] : undefined;
    // A function call or a column that happens to be named so (`drop(`, `t.update`).
    if (next && next.type === 'op' && next.value === '(') continue;
    if (u === 'DROP') readDrop(tokens, i + 1, hi, statement, out);
    else if (u === 'TRUNCATE') readTruncate(tokens, i + 1, hi, statement, out);
    else if (u === 'DELETE') readDelete(tokens, i, hi, statement, out);
    else readUpdate(tokens, i, hi, statement, out);
  }
}

function readDrop(tokens: readonly SqlToken[], at: number, hi: number, statement: () => string, out: SqlFinding[]): void {
  let i = at;
  let temporary = false;
  if (i < hi && (tokens[i].upper === 'TEMPORARY' || tokens[i].upper === 'TEMP')) {
    temporary = true;
    i++;
  }
  let object = i < hi && tokens[i].type === 'word' ? tokens[i].upper : '';
  if (object) {
    i++;
    const cont = TWO_WORD_TYPES[object];
    if (cont && i < hi && cont.includes(tokens[i].upper)) {
      object = `${object} ${tokens[i].upper}`;
      i++;
    }
  }
  i = skipWords(tokens, i, hi, DROP_NOISE);
  const target = readNameList(tokens, i, hi);
  const label = object ? object.toLowerCase() : 'object';
  let severity: Severity = 'medium';
  if (temporary) severity = 'low';
  else if (CRITICAL_DROPS.has(object)) severity = 'critical';
  else if (HIGH_DROPS.has(object)) severity = 'high';
  out.push({
    kind: 'drop',
    severity,
    object: object || undefined,
    target,
    summary: target ? `drops ${temporary ? 'temporary ' : ''}${label} \`${target}\`` : `drops a ${label}`,
    statement: statement(),
  });
}

function readTruncate(tokens: readonly SqlToken[], at: number, hi: number, statement: () => string, out: SqlFinding[]): void {
  const i = skipWords(tokens, at, hi, TRUNCATE_NOISE);
  const target = readNameList(tokens, i, hi);
  out.push({
    kind: 'truncate',
    severity: 'high',
    object: 'TABLE',
    target,
    summary: target ? `empties table \`${target}\` (TRUNCATE)` : 'empties a table (TRUNCATE)',
    statement: statement(),
  });
}

function readDelete(tokens: readonly SqlToken[], at: number, hi: number, statement: () => string, out: SqlFinding[]): void {
  let i = skipWords(tokens, at + 1, hi, DELETE_MODIFIERS);
  if (i < hi && tokens[i].upper === 'TOP') i = skipTop(tokens, i + 1, hi);
  let target: string | undefined;
  if (i < hi && tokens[i].upper === 'FROM') {
    target = readName(tokens, skipWords(tokens, i + 1, hi, DELETE_MODIFIERS), hi);
  } else {
    // `DELETE t FROM t JOIN …` (MySQL) / `DELETE t WHERE …` (T-SQL).
    target = readName(tokens, i, hi);
    if (!target) return; // `ON DELETE` inside something we did not recognise, or a bare word.
  }
  const why = unrestricted(tokens, at + 1, hi);
  if (!why) return;
  out.push({
    kind: 'delete-all',
    severity: 'high',
    object: 'TABLE',
    target,
    summary: target ? `deletes every row of table \`${target}\` (DELETE ${why})` : `deletes every row of a table (DELETE ${why})`,
    statement: statement(),
  });
}

function readUpdate(tokens: readonly SqlToken[], at: number, hi: number, statement: () => string, out: SqlFinding[]): void {
  const i = skipWords(tokens, at + 1, hi, UPDATE_MODIFIERS);
  const target = readName(tokens, i, hi);
  if (!target) return;
  // An UPDATE statement has a SET at its own level; without one this is some other use of the word.
  if (findWordAtLevel(tokens, i, hi, 'SET') < 0) return;
  const why = unrestricted(tokens, at + 1, hi);
  if (!why) return;
  out.push({
    kind: 'update-all',
    severity: 'high',
    object: 'TABLE',
    target,
    summary: `overwrites every row of table \`${target}\` (UPDATE ${why})`,
    statement: statement(),
  });
}

function classifyAlter(tokens: readonly SqlToken[], lo: number, hi: number, statement: () => string, out: SqlFinding[]): void {
  if (lo + 1 >= hi || tokens[lo + 1].upper !== 'TABLE') return;
  let i = skipWords(tokens, lo + 2, hi, ALTER_NOISE);
  const table = readName(tokens, i, hi);
  if (!table) return;
  i = skipName(tokens, i, hi);
  let level = 0;
  for (; i < hi; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') level--;
    if (level !== 0 || t.type !== 'word') continue;
    if (t.upper === 'DROP') {
      const next = i + 1 < hi ? tokens[i + 1] : undefined;
      if (!next || HARMLESS_ALTER_DROPS.has(next.upper)) continue;
      let j = i + 1;
      let object = 'COLUMN';
      if (next.type === 'word' && ALTER_DROP_OBJECTS.has(next.upper)) {
        object = next.upper;
        j++;
        if ((object === 'PRIMARY' || object === 'FOREIGN') && j < hi && tokens[j].upper === 'KEY') {
          object = `${object} KEY`;
          j++;
        }
      }
      j = skipWords(tokens, j, hi, IF_EXISTS);
      const name = object === 'PRIMARY KEY' ? undefined : readName(tokens, j, hi);
      const dataLoss = object === 'COLUMN' || object === 'PARTITION';
      out.push({
        kind: 'alter-drop',
        severity: dataLoss ? 'high' : 'medium',
        object,
        target: name ? `${table}.${name}` : table,
        summary: name
          ? `drops ${object.toLowerCase()} \`${name}\` of table \`${table}\``
          : `drops the ${object.toLowerCase()} of table \`${table}\``,
        statement: statement(),
      });
    } else if (t.upper === 'TRUNCATE') {
      out.push({ kind: 'truncate', severity: 'high', object: 'PARTITION', target: table, summary: `empties partitions of table \`${table}\``, statement: statement() });
    } else if (t.upper === 'DELETE') {
      // ClickHouse mutation: `ALTER TABLE t DELETE WHERE …` (WHERE is required; a tautology is not).
      const why = unrestricted(tokens, i + 1, hi);
      if (why) out.push({ kind: 'delete-all', severity: 'high', object: 'TABLE', target: table, summary: `deletes every row of table \`${table}\` (DELETE ${why})`, statement: statement() });
    }
  }
}

function redisFlush(word: string, statement: string): SqlFinding {
  return word === 'FLUSHALL'
    ? { kind: 'redis-flush', severity: 'critical', object: 'SERVER', summary: 'deletes every key of every Redis database (FLUSHALL)', statement }
    : { kind: 'redis-flush', severity: 'high', object: 'DATABASE', summary: 'deletes every key of the Redis database (FLUSHDB)', statement };
}

// ---------------------------------------------------------------------------------------------
// WHERE analysis.

/**
 * Why a DELETE/UPDATE starting at `from` touches every row: `without WHERE`, `WHERE 1=1 is always
 * true`; undefined when a WHERE (or a JOIN … ON) restricts it. Only the statement's own level
 * counts: a WHERE inside a subquery in SET restricts nothing.
 */
function unrestricted(tokens: readonly SqlToken[], from: number, hi: number): string | undefined {
  let level = 0;
  let end = hi;
  let where = -1;
  let join = false;
  for (let i = from; i < hi; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') {
      level--;
      if (level < 0) {
        end = i;
        break;
      }
    } else if (level === 0 && t.type === 'word') {
      if (t.upper === 'WHERE' && where < 0) where = i;
      else if (t.upper === 'JOIN') join = true;
    }
  }
  if (where < 0) return join ? undefined : 'without WHERE';
  let clauseEnd = end;
  level = 0;
  for (let i = where + 1; i < end; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') level--;
    else if (level === 0 && t.type === 'word' && WHERE_END.has(t.upper)) {
      clauseEnd = i;
      break;
    }
  }
  if (clauseEnd === where + 1) return 'with an empty WHERE';
  if (isShellVariable(tokens, where + 1, clauseEnd)) return 'with a WHERE from a shell variable whose value is unknown';
  if (evalCondition(tokens, where + 1, clauseEnd) === true) {
    return `where \`${tokens.slice(where + 1, clauseEnd).map(tokenText).join(' ')}\` is always true`;
  }
  return undefined;
}

/**
 * `WHERE $COND` / `WHERE ${FILTER}`: SQL has no `$name` of its own (parameters are `$1`, dollar quotes
 * were read as strings), so this is a shell variable the guard cannot see the value of.
 */
function isShellVariable(tokens: readonly SqlToken[], lo: number, hi: number): boolean {
  const n = hi - lo;
  if (n < 2 || tokens[lo].value !== '$') return false;
  if (n === 2) return tokens[lo + 1].type === 'word';
  return n === 4 && tokens[lo + 1].value === '{' && tokens[lo + 2].type === 'word' && tokens[lo + 3].value === '}';
}

/** true / false when the condition is constant, undefined when it depends on the row. */
function evalCondition(tokens: readonly SqlToken[], lo: number, hi: number): boolean | undefined {
  // OR binds looser than AND: split on top-level OR, then AND (minding BETWEEN … AND …).
  const ors = splitTopLevel(tokens, lo, hi, 'OR');
  if (ors.length > 1) {
    let result: boolean | undefined = false;
    for (const [a, b] of ors) {
      const v = evalCondition(tokens, a, b);
      if (v === true) return true;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  const ands = splitTopLevel(tokens, lo, hi, 'AND');
  if (ands.length > 1) {
    let result: boolean | undefined = true;
    for (const [a, b] of ands) {
      const v = evalCondition(tokens, a, b);
      if (v === false) return false;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  return evalAtom(tokens, lo, hi);
}

function splitTopLevel(tokens: readonly SqlToken[], lo: number, hi: number, word: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let level = 0;
  let start = lo;
  let between = false;
  for (let i = lo; i < hi; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') level--;
    else if (level === 0 && t.type === 'word') {
      if (t.upper === 'BETWEEN') between = true;
      else if (t.upper === word) {
        if (word === 'AND' && between) {
          between = false;
          continue;
        }
        parts.push([start, i]);
        start = i + 1;
      }
    }
  }
  parts.push([start, hi]);
  return parts;
}

const COMPARISONS = new Set(['=', '==', '<>', '!=', '<', '>', '<=', '>=']);

function evalAtom(tokens: readonly SqlToken[], lo: number, hi: number): boolean | undefined {
  const n = hi - lo;
  if (n <= 0) return undefined;
  const first = tokens[lo];
  if (first.type === 'word' && first.upper === 'NOT') {
    const v = evalAtom(tokens, lo + 1, hi);
    return v === undefined ? undefined : !v;
  }
  if (first.type === 'op' && first.value === '(' && tokens[hi - 1].type === 'op' && tokens[hi - 1].value === ')' && closes(tokens, lo, hi - 1)) {
    return evalCondition(tokens, lo + 1, hi - 1);
  }
  if (n === 1) return literalTruth(first);
  if (n === 3) {
    const [a, op, b] = [tokens[lo], tokens[lo + 1], tokens[lo + 2]];
    if (op.type === 'word' && op.upper === 'LIKE' && b.type === 'string' && ALL_PERCENT.test(b.value)) return true;
    if (op.type !== 'op' || !COMPARISONS.has(op.value)) return undefined;
    const la = literalValue(a);
    const lb = literalValue(b);
    if (la !== undefined && lb !== undefined) return compare(la, lb, op.value);
    // `id = id`: a column compared with itself holds for every row that has a value.
    if (sameName(a, b) && (op.value === '=' || op.value === '==' || op.value === '<=' || op.value === '>=')) return true;
  }
  return undefined;
}

function closes(tokens: readonly SqlToken[], open: number, close: number): boolean {
  let level = 0;
  for (let i = open; i <= close; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') {
      level--;
      if (level === 0 && i !== close) return false;
    }
  }
  return level === 0;
}

function literalTruth(t: SqlToken): boolean | undefined {
  if (t.type === 'word' && t.upper === 'TRUE') return true;
  if (t.type === 'word' && t.upper === 'FALSE') return false;
  if (t.type === 'number') return Number(t.value) !== 0;
  return undefined;
}

function literalValue(t: SqlToken): number | string | undefined {
  if (t.type === 'number') return Number(t.value);
  if (t.type === 'string') return t.value;
  if (t.type === 'word' && t.upper === 'TRUE') return 1;
  if (t.type === 'word' && t.upper === 'FALSE') return 0;
  return undefined;
}

function compare(a: number | string, b: number | string, op: string): boolean {
  const x = typeof a === typeof b ? a : String(a);
  const y = typeof a === typeof b ? b : String(b);
  switch (op) {
    case '=': case '==': return x === y;
    case '<>': case '!=': return x !== y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    default: return x >= y;
  }
}

function sameName(a: SqlToken, b: SqlToken): boolean {
  if (a.type === 'word' && b.type === 'word') return a.upper === b.upper;
  if (a.type === 'ident' && b.type === 'ident') return a.value === b.value;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Mongo shell (JavaScript) calls.

const MONGO_DELETE_ALL = new Set(['deleteMany', 'remove']);

function findMongo(text: string, tokens: readonly SqlToken[], out: SqlFinding[]): void {
  let currentDb: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    const afterDot = prev?.type === 'op' && prev.value === '.';
    const called = next?.type === 'op' && next.value === '(';
    if (t.value === 'use' && next && (next.type === 'word' || next.type === 'string' || next.type === 'ident') && !afterDot) {
      currentDb = next.value;
      continue;
    }
    if (t.value === 'dropDatabase') {
      const db = afterDot ? receiverDb(tokens, i - 1) ?? currentDb : currentDb;
      out.push({
        kind: 'mongo-drop-database',
        severity: 'critical',
        object: 'DATABASE',
        target: db,
        summary: db ? `drops the whole Mongo database \`${db}\`` : 'drops the whole Mongo database',
        statement: lineAround(text, t.start),
      });
    } else if (t.value === 'drop' && afterDot && called) {
      const coll = receiverCollection(tokens, i - 1);
      out.push(dropCollection(coll, lineAround(text, t.start)));
    } else if (t.value === 'drop' && next?.type === 'op' && next.value === ':') {
      // db.runCommand({ drop: "users" })
      const v = i + 2 < tokens.length ? tokens[i + 2] : undefined;
      out.push(dropCollection(v && v.type !== 'op' ? v.value : undefined, lineAround(text, t.start)));
    } else if ((MONGO_DELETE_ALL.has(t.value) || t.value === 'updateMany') && afterDot && called && emptyFilter(tokens, i + 2)) {
      const coll = receiverCollection(tokens, i - 1);
      const del = t.value !== 'updateMany';
      out.push({
        kind: del ? 'mongo-delete-all' : 'mongo-update-all',
        severity: 'high',
        object: 'COLLECTION',
        target: coll,
        summary: `${del ? 'deletes' : 'overwrites'} every document of ${coll ? `collection \`${coll}\`` : 'a collection'} (${t.value} with an empty filter)`,
        statement: lineAround(text, t.start),
      });
    }
  }
}

function dropCollection(coll: string | undefined, statement: string): SqlFinding {
  return {
    kind: 'mongo-drop-collection',
    severity: 'high',
    object: 'COLLECTION',
    target: coll,
    summary: coll ? `drops collection \`${coll}\`` : 'drops a collection',
    statement,
  };
}

/** `({})`, `()` or `({}, …)`: a filter that matches every document. */
function emptyFilter(tokens: readonly SqlToken[], at: number): boolean {
  const a = tokens[at];
  if (!a) return false;
  if (a.type === 'op' && a.value === ')') return true;
  const b = tokens[at + 1];
  const c = tokens[at + 2];
  return a.value === '{' && b?.value === '}' && (c?.value === ')' || c?.value === ',');
}

/** The collection a call is made on: `db.users.drop()`, `db["users"]`, `db.getCollection('users')`. */
function receiverCollection(tokens: readonly SqlToken[], dot: number): string | undefined {
  const r = tokens[dot - 1];
  if (!r) return undefined;
  if (r.type === 'word' && r.value !== 'db') return r.value;
  if (r.type === 'op' && (r.value === ')' || r.value === ']')) {
    const arg = tokens[dot - 2];
    if (arg && (arg.type === 'string' || arg.type === 'ident')) return arg.value;
  }
  return undefined;
}

/** `db.getSiblingDB('app').dropDatabase()` → `app`. */
function receiverDb(tokens: readonly SqlToken[], dot: number): string | undefined {
  const r = tokens[dot - 1];
  if (r?.type === 'op' && r.value === ')') {
    const arg = tokens[dot - 2];
    const fn = tokens[dot - 4];
    if (arg && (arg.type === 'string' || arg.type === 'ident') && fn?.value === 'getSiblingDB') return arg.value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small token helpers.

function hasWord(tokens: readonly SqlToken[], lo: number, hi: number, word: string): boolean {
  for (let i = lo; i < hi; i++) if (tokens[i].upper === word) return true;
  return false;
}

function skipWords(tokens: readonly SqlToken[], at: number, hi: number, words: ReadonlySet<string>): number {
  let i = at;
  while (i < hi && tokens[i].type === 'word' && words.has(tokens[i].upper)) i++;
  return i;
}

/** `TOP (10)` / `TOP 10` in T-SQL. */
function skipTop(tokens: readonly SqlToken[], at: number, hi: number): number {
  if (at < hi && tokens[at].value === '(') {
    let i = at;
    while (i < hi && tokens[i].value !== ')') i++;
    return i + 1;
  }
  return at + 1;
}

function isNamePart(t: SqlToken | undefined): boolean {
  return !!t && (t.type === 'word' || t.type === 'ident');
}

/** A possibly qualified name at `at` (`public.users`, `"My Table"`), or undefined. */
function readName(tokens: readonly SqlToken[], at: number, hi: number): string | undefined {
  if (at >= hi || !isNamePart(tokens[at])) return undefined;
  let name = tokens[at].value;
  let i = at + 1;
  while (i + 1 < hi && tokens[i].type === 'op' && tokens[i].value === '.' && isNamePart(tokens[i + 1])) {
    name += `.${tokens[i + 1].value}`;
    i += 2;
  }
  return name;
}

function skipName(tokens: readonly SqlToken[], at: number, hi: number): number {
  let i = at + 1;
  while (i + 1 < hi && tokens[i].type === 'op' && tokens[i].value === '.' && isNamePart(tokens[i + 1])) i += 2;
  return i;
}

/** `a, b.c, "d"` → `a, b.c, d`. */
function readNameList(tokens: readonly SqlToken[], at: number, hi: number): string | undefined {
  const names: string[] = [];
  let i = at;
  while (i < hi) {
    const name = readName(tokens, i, hi);
    if (!name) break;
    names.push(name);
    i = skipName(tokens, i, hi);
    if (i < hi && tokens[i].type === 'op' && tokens[i].value === ',') i++;
    else break;
  }
  return names.length ? names.join(', ') : undefined;
}

function findWordAtLevel(tokens: readonly SqlToken[], lo: number, hi: number, word: string): number {
  let level = 0;
  for (let i = lo; i < hi; i++) {
    const t = tokens[i];
    if (t.type === 'op' && t.value === '(') level++;
    else if (t.type === 'op' && t.value === ')') {
      level--;
      if (level < 0) return -1;
    } else if (level === 0 && t.upper === word) return i;
  }
  return -1;
}

function tokenText(t: SqlToken): string {
  if (t.type === 'string') return `'${t.value}'`;
  if (t.type === 'ident') return `"${t.value}"`;
  return t.value;
}

const WHITESPACE_RUN = /\s+/g;

function clip(s: string): string {
  const flat = s.replace(WHITESPACE_RUN, ' ').trim();
  return flat.length > MAX_STATEMENT_CHARS ? `${flat.slice(0, MAX_STATEMENT_CHARS - 1)}…` : flat;
}

function excerpt(text: string, tokens: readonly SqlToken[], lo: number, hi: number): string {
  return clip(text.slice(tokens[lo].start, tokens[hi - 1].end));
}

function lineAround(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at) + 1;
  let b = text.indexOf('\n', at);
  if (b < 0) b = text.length;
  return clip(text.slice(a, b));
}
