// Finds the GraphQL mutation fields in an HTTP body that delete or destroy something
// (Railway's `volumeDelete`, `projectDelete`, Hasura's `delete_users`, `dropDatabase` …).
//
// Why a small hand-written reader instead of a GraphQL library: we only need the top-level fields of
// `mutation` operations (with their aliases, literal arguments and fragment spreads); a full parser
// would add weight to the CLI's allow path and still need our own fallback for the broken or
// shell-mangled documents agents send. When the document cannot be read cleanly, the fallback is
// conservative: any delete-like name after a `mutation` keyword counts.
import { parseJsonOrUndefined } from '../jsonText';

/** One top-level mutation field that deletes, with its literal (or variable-resolved) arguments. */
export interface DestructiveMutation {
  /** The schema field name (not the alias): `volumeDelete`. */
  field: string;
  /** Literal argument values by name, `$variables` resolved from the body's `variables` when present. */
  args: Record<string, string>;
  /** The id-like argument's value, when it is known (`v1` in `volumeDelete(volumeId: "v1")`). */
  target?: string;
}

// Words that, as one word of a camelCase / snake_case field name, mean the field destroys data.
// `remove` and `reset` are included on purpose (Railway's `deploymentRemove`, Neon's reset from parent).
const DESTRUCTIVE_WORDS: ReadonlySet<string> = new Set([
  'delete', 'destroy', 'remove', 'drop', 'purge', 'reset', 'wipe', 'truncate', 'erase', 'nuke',
]);

const WORD_SPLIT = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;
// Cheap first test: most names contain none of the words at all.
let anyWord: RegExp | undefined;
/** Any destructive word inside a name, built on the first GraphQL body read. */
const anyWordRe = (): RegExp => (anyWord ??= new RegExp([...DESTRUCTIVE_WORDS].join('|'), 'i'));

/** True when one word of the name (camelCase or snake_case) is a destroy verb: `volumeDelete`, `delete_users`, not `dropdown`. */
export function isDestructiveFieldName(name: string): boolean {
  if (!anyWordRe().test(name)) return false;
  const words = name.match(WORD_SPLIT);
  if (!words) return false;
  return words.some((w) => DESTRUCTIVE_WORDS.has(w.toLowerCase()));
}

/** Names of the destructive mutation fields the body would run (empty when none). */
export function destructiveMutationFields(body: string): string[] {
  return destructiveMutations(body).map((m) => m.field);
}

const MAX_BODY = 1_000_000;
const MAX_JSON_DEPTH = 8;

interface GraphqlDocument {
  text: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** The destructive mutations a body (JSON, form-encoded or raw GraphQL) would run. */
export function destructiveMutations(body: string): DestructiveMutation[] {
  const text = body.length > MAX_BODY ? body.slice(0, MAX_BODY) : body;
  const docs = findDocuments(text);
  const out: DestructiveMutation[] = [];
  for (const doc of docs) {
    if (doc.text === '' && doc.operationName && isDestructiveFieldName(doc.operationName)) {
      // A persisted query sent by name only: the name is all we can see.
      out.push({ field: doc.operationName, args: {} });
      continue;
    }
    out.push(...mutationsOfDocument(doc));
  }
  return out;
}

/** True when the body holds something we recognise as a GraphQL document (used to tell unreadable bodies apart). */
export function containsGraphqlDocument(body: string): boolean {
  return findDocuments(body).some((d) => d.text !== '' && OPERATION_START.test(d.text));
}

const OPERATION_START = /(^|[^A-Za-z0-9_])(query|mutation|subscription|fragment)\b|^\s*\{/;

// ---------------------------------------------------------------------------------------------
// Locating documents in a body.

const QUERY_KEY = /"query"\s*:\s*"/g;
const FORM_QUERY = /(?:^|&)query=([^&]*)/;

function findDocuments(body: string): GraphqlDocument[] {
  const trimmed = body.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = tryJson(trimmed);
    if (parsed !== undefined) {
      const docs: GraphqlDocument[] = [];
      collectJsonDocuments(parsed, docs, 0);
      if (docs.length > 0) return docs;
      // Valid JSON without a `query`: not a GraphQL request; but a raw document can also start with `{`
      // only when it is not JSON, so nothing more to look for.
      return [];
    }
  }
  // Not JSON (concatenated pieces, a shell-mangled escape): pull every `"query": "…"` string out by hand.
  const byHand: GraphqlDocument[] = [];
  QUERY_KEY.lastIndex = 0;
  for (let m = QUERY_KEY.exec(body); m; m = QUERY_KEY.exec(body)) {
    byHand.push({ text: readJsonStringLenient(body, m.index + m[0].length), variables: {} });
  }
  if (byHand.length > 0) return byHand;
  const form = FORM_QUERY.exec(trimmed);
  if (form && !trimmed.includes('\n')) {
    return [{ text: decodeFormValue(form[1]), variables: {} }];
  }
  return [{ text: body, variables: {} }];
}

function tryJson(text: string): unknown {
  return parseJsonOrUndefined(text);
}

function collectJsonDocuments(value: unknown, out: GraphqlDocument[], depth: number): void {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    // Batched requests: an array of operations.
    for (const item of value) collectJsonDocuments(item, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  const variables = isRecord(obj.variables) ? obj.variables : {};
  const operationName = typeof obj.operationName === 'string' ? obj.operationName : undefined;
  if (typeof obj.query === 'string') {
    out.push({ text: obj.query, variables, operationName });
  } else if (typeof obj.mutation === 'string') {
    out.push({ text: `mutation ${obj.mutation}`, variables, operationName });
  } else if (operationName && isRecord(obj.extensions)) {
    out.push({ text: '', variables, operationName });
  }
  // The multipart upload spec nests the request as a JSON string in `operations`.
  if (typeof obj.operations === 'string') {
    const inner = tryJson(obj.operations);
    if (inner !== undefined) collectJsonDocuments(inner, out, depth + 1);
  } else if (obj.operations !== undefined) {
    collectJsonDocuments(obj.operations, out, depth + 1);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const PLUS = /\+/g;

/** Reads a JSON string body starting after its opening quote, tolerating bad escapes and a missing end. */
function readJsonStringLenient(text: string, start: number): string {
  let out = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === undefined) break;
    if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === 'u' && HEX4.test(text.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n;
  }
  return out;
}

function decodeFormValue(v: string): string {
  try {
    return decodeURIComponent(v.replace(PLUS, ' '));
  } catch {
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Lexer.

type TokenKind = 'name' | 'punct' | 'string' | 'number' | 'bad';
interface Token {
  kind: TokenKind;
  value: string;
}

const PUNCT = '!$&()[]{}:=@|';

function isNameStart(code: number): boolean {
  return code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122); // _ A-Z a-z
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

function isNumberChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 69 || code === 101; // 0-9 - + . E e
}

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\uFEFF') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '.' && text.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...' });
      i += 3;
    } else if (PUNCT.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else if (isNameStart(code)) {
      const s = i;
      while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'name', value: text.slice(s, i) });
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const s = i;
      i++;
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'number', value: text.slice(s, i) });
    } else if (c === '"') {
      const [value, next] = text.startsWith('"""', i) ? readBlockString(text, i + 3) : readString(text, i + 1);
      tokens.push({ kind: 'string', value });
      i = next;
    } else {
      tokens.push({ kind: 'bad', value: c });
      i++;
    }
  }
  return tokens;
}

function readString(text: string, start: number): [string, number] {
  let out = '';
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return [out, i + 1];
    if (c === '\n') break;
    if (c === '\\' && i + 1 < text.length) {
      const n = text[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else out += c;
  }
  return [out, i];
}

function readBlockString(text: string, start: number): [string, number] {
  const end = text.indexOf('"""', start);
  if (end < 0) return [text.slice(start), text.length];
  return [text.slice(start, end), end + 3];
}

// ---------------------------------------------------------------------------------------------
// Parser: definitions → mutation operations → their top-level fields.

class ParseError extends Error {}

type Value = { kind: 'literal'; text: string } | { kind: 'variable'; name: string } | { kind: 'object'; fields: Record<string, Value> } | { kind: 'list' };

interface FieldNode {
  kind: 'field';
  name: string;
  args: Record<string, Value>;
}
interface SpreadNode {
  kind: 'spread';
  fragment: string;
}
interface InlineNode {
  kind: 'inline';
  selections: Selection[];
}
type Selection = FieldNode | SpreadNode | InlineNode;

const MAX_NESTING = 64;

class DocumentParser {
  private pos = 0;
  readonly mutations: Selection[][] = [];
  readonly fragments = new Map<string, Selection[]>();

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    while (this.pos < this.tokens.length) this.definition();
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new ParseError('unexpected end');
    if (t.kind === 'bad') throw new ParseError(`unexpected ${t.value}`);
    return t;
  }

  private isPunct(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'punct' && t.value === v;
  }

  private expectPunct(v: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== v) throw new ParseError(`expected ${v}`);
  }

  private name(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new ParseError('expected a name');
    return t.value;
  }

  private definition(): void {
    if (this.isPunct('{')) {
      this.selectionSet(0); // anonymous query
      return;
    }
    const keyword = this.name();
    if (keyword === 'fragment') {
      const fragName = this.name();
      if (this.name() !== 'on') throw new ParseError('expected on');
      this.name();
      this.directives();
      this.fragments.set(fragName, this.selectionSet(0));
      return;
    }
    if (keyword !== 'query' && keyword !== 'mutation' && keyword !== 'subscription') throw new ParseError(`unknown definition ${keyword}`);
    if (this.peek()?.kind === 'name') this.name();
    if (this.isPunct('(')) this.variableDefinitions();
    this.directives();
    const selections = this.selectionSet(0);
    if (keyword === 'mutation') this.mutations.push(selections);
  }

  private variableDefinitions(): void {
    this.expectPunct('(');
    while (!this.isPunct(')')) {
      this.expectPunct('$');
      this.name();
      this.expectPunct(':');
      this.type();
      if (this.isPunct('=')) {
        this.pos++;
        this.value(0);
      }
      this.directives();
    }
    this.pos++;
  }

  private type(): void {
    if (this.isPunct('[')) {
      this.pos++;
      this.type();
      this.expectPunct(']');
    } else this.name();
    if (this.isPunct('!')) this.pos++;
  }

  private directives(): void {
    while (this.isPunct('@')) {
      this.pos++;
      this.name();
      if (this.isPunct('(')) this.arguments(0);
    }
  }

  private selectionSet(depth: number): Selection[] {
    if (depth > MAX_NESTING) throw new ParseError('too deep');
    this.expectPunct('{');
    const out: Selection[] = [];
    while (!this.isPunct('}')) out.push(this.selection(depth));
    this.pos++;
    return out;
  }

  private selection(depth: number): Selection {
    if (this.isPunct('...')) {
      this.pos++;
      const t = this.peek();
      if (t?.kind === 'name' && t.value !== 'on') {
        const fragment = this.name();
        this.directives();
        return { kind: 'spread', fragment };
      }
      if (t?.kind === 'name') {
        this.name(); // on
        this.name(); // type
      }
      this.directives();
      return { kind: 'inline', selections: this.selectionSet(depth + 1) };
    }
    let fieldName = this.name();
    if (this.isPunct(':')) {
      this.pos++;
      fieldName = this.name(); // what came first was the alias
    }
    const args = this.isPunct('(') ? this.arguments(depth) : {};
    this.directives();
    if (this.isPunct('{')) this.selectionSet(depth + 1);
    return { kind: 'field', name: fieldName, args };
  }

  private arguments(depth: number): Record<string, Value> {
    this.expectPunct('(');
    const out: Record<string, Value> = {};
    while (!this.isPunct(')')) {
      const key = this.name();
      this.expectPunct(':');
      out[key] = this.value(depth + 1);
    }
    this.pos++;
    return out;
  }

  private value(depth: number): Value {
    if (depth > MAX_NESTING) throw new ParseError('too deep');
    if (this.isPunct('$')) {
      this.pos++;
      return { kind: 'variable', name: this.name() };
    }
    if (this.isPunct('[')) {
      this.pos++;
      while (!this.isPunct(']')) this.value(depth + 1);
      this.pos++;
      return { kind: 'list' };
    }
    if (this.isPunct('{')) {
      this.pos++;
      const fields: Record<string, Value> = {};
      while (!this.isPunct('}')) {
        const key = this.name();
        this.expectPunct(':');
        fields[key] = this.value(depth + 1);
      }
      this.pos++;
      return { kind: 'object', fields };
    }
    const t = this.next();
    if (t.kind === 'punct') throw new ParseError(`unexpected ${t.value}`);
    return { kind: 'literal', text: t.value };
  }
}

function mutationsOfDocument(doc: GraphqlDocument): DestructiveMutation[] {
  const tokens = lex(doc.text);
  const parser = new DocumentParser(tokens);
  try {
    parser.parse();
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return conservativeScan(tokens);
  }
  const out: DestructiveMutation[] = [];
  for (const selections of parser.mutations) {
    for (const field of topLevelFields(selections, parser.fragments, new Set())) {
      if (!isDestructiveFieldName(field.name)) continue;
      const args = resolveArgs(field.args, doc.variables);
      out.push({ field: field.name, args, target: pickTarget(field.args, doc.variables) });
    }
  }
  return out;
}

/** The fields a mutation runs, looking through fragment spreads and inline fragments (each fragment once). */
function topLevelFields(selections: Selection[], fragments: Map<string, Selection[]>, seen: Set<string>): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of selections) {
    if (s.kind === 'field') out.push(s);
    else if (s.kind === 'inline') out.push(...topLevelFields(s.selections, fragments, seen));
    else if (!seen.has(s.fragment)) {
      seen.add(s.fragment);
      const frag = fragments.get(s.fragment);
      if (frag) out.push(...topLevelFields(frag, fragments, seen));
    }
  }
  return out;
}

/** A document we could not parse: any delete-like name after a `mutation` keyword counts (fail towards asking). */
function conservativeScan(tokens: Token[]): DestructiveMutation[] {
  const start = tokens.findIndex((t) => t.kind === 'name' && t.value === 'mutation');
  if (start < 0) return [];
  const out: DestructiveMutation[] = [];
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'name' && isDestructiveFieldName(t.value) && !out.some((m) => m.field === t.value)) {
      out.push({ field: t.value, args: {} });
    }
  }
  return out;
}

function resolveArgs(args: Record<string, Value>, variables: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) {
    const s = scalarOf(v, variables);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function scalarOf(v: Value, variables: Record<string, unknown>): string | undefined {
  if (v.kind === 'literal') return v.text;
  if (v.kind === 'variable') {
    const val = variables[v.name];
    return typeof val === 'string' || typeof val === 'number' ? String(val) : undefined;
  }
  return undefined;
}

const ID_KEY = /(^id$|Id$|_id$|ID$)/;
const NAME_KEY = /^(name|slug)$/;

/** The value of the argument that names what is destroyed: `id`, `…Id`, then `name`, also inside an `input` object. */
function pickTarget(args: Record<string, Value>, variables: Record<string, unknown>, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  for (const key of [ID_KEY, NAME_KEY]) {
    for (const [k, v] of Object.entries(args)) {
      if (!key.test(k)) continue;
      const s = scalarOf(v, variables);
      if (s !== undefined) return s;
      if (v.kind === 'variable' && isRecord(variables[v.name])) {
        const inner = pickFromJson(variables[v.name] as Record<string, unknown>);
        if (inner) return inner;
      }
    }
  }
  for (const v of Object.values(args)) {
    if (v.kind === 'object') {
      const inner = pickTarget(v.fields, variables, depth + 1);
      if (inner) return inner;
    } else if (v.kind === 'variable' && isRecord(variables[v.name])) {
      const inner = pickFromJson(variables[v.name] as Record<string, unknown>);
      if (inner) return inner;
    }
  }
  return undefined;
}

function pickFromJson(obj: Record<string, unknown>): string | undefined {
  for (const key of [ID_KEY, NAME_KEY]) {
    for (const [k, v] of Object.entries(obj)) {
      if (key.test(k) && (typeof v === 'string' || typeof v === 'number')) return String(v);
    }
  }
  return undefined;
}
