// What an argument expression evaluates to, when the code spells it out: string literals, their
// concatenation, lists of literals, variables assigned a literal earlier, path joins, and the home
// and current folders. Anything else is computed at run time (unknown).
import { COMPUTED, type Token } from './codeLexer';

export type Value =
  | { kind: 'str'; text: string; dynamic: boolean }
  | { kind: 'list'; items: Value[] }
  | { kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };

/** Variables assigned a literal (`cmd = 'ls'`, `const dir = "dist"`, `my $d = "x"`), last assignment wins. */
export type Literals = ReadonlyMap<string, Value>;

const HOME_CALLS: ReadonlySet<string> = new Set(['os.homedir', 'homedir', 'Path.home', 'pathlib.Path.home', 'Dir.home', 'path.expand', 'os.UserHomeDir']);
const CWD_CALLS: ReadonlySet<string> = new Set(['os.getcwd', 'process.cwd', 'Path.cwd', 'pathlib.Path.cwd', 'Dir.pwd', 'getwd', 'Deno.cwd', 'os.Getwd']);
const JOIN_CALLS: ReadonlySet<string> = new Set(['os.path.join', 'path.join', 'path.resolve', 'File.join', 'file.path', 'Path', 'pathlib.Path', 'PurePath', 'filepath.Join', 'path.Join', 'File::Spec.catfile', 'File::Spec.catdir']);
const EXPAND_CALLS: ReadonlySet<string> = new Set(['URI', 'URI.parse', 'URL', 'new URL', 'os.path.expanduser', 'expanduser', 'File.expand_path', 'path.expand', 'normalizePath', 'os.path.abspath', 'os.path.realpath', 'str', 'String', 'Pathname.new', 'Pathname']);
const DIRNAME_CALLS: ReadonlySet<string> = new Set(['os.path.dirname', 'path.dirname', 'File.dirname', 'dirname', 'filepath.Dir']);
/** Values the language knows: the running interpreter (`process.execPath`, `sys.executable`). */
const KNOWN_VALUES: ReadonlyMap<string, string> = new Map([
  ['process.execPath', 'node'],
  ['process.argv0', 'node'],
  ['sys.executable', 'python3'],
  ['RbConfig.ruby', 'ruby'],
  ['PHP_BINARY', 'php'],
  ['os.tmpdir', '/tmp'],
]);
/** Calls that make or name a fresh temporary folder: what they return is under the temporary folder. */
const TEMP_CALLS: ReadonlySet<string> = new Set(['fs.mkdtempSync', 'mkdtempSync', 'fs.mkdtemp', 'fsp.mkdtemp', 'os.tmpdir', 'tmpdir', 'tempfile.mkdtemp', 'tempfile.gettempdir', 'mkdtemp', 'Dir.mktmpdir', 'os.MkdirTemp', 'os.TempDir', 'tempdir', 'Deno.makeTempDirSync', 'Deno.makeTempDir', 'sys_get_temp_dir', 'tempfile.TemporaryDirectory']);
const TEMP_FOLDER = '/tmp/agent-guard-temp';

/** `process.execPath`: identifiers joined by dots, when that is all the tokens are. */
function dottedName(tokens: readonly Token[]): string | undefined {
  if (tokens.length === 0 || tokens.length > 9 || tokens.length % 2 === 0) return undefined;
  let name = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i % 2 === 0 ? t.kind !== 'id' : t.value !== '.') return undefined;
    name += t.value;
  }
  return name;
}

const LIST_CALLS: ReadonlySet<string> = new Set(['c', 'list', 'Array.of', 'tuple']);
const HOME_VARIABLES: ReadonlySet<string> = new Set(['HOME', 'USERPROFILE']);
const CONCAT: ReadonlySet<string> = new Set(['+', '.', '..', '/']);
/** Methods that fill a literal's placeholders (`"{} -rf x".format(c)`). */
const FORMAT_METHODS: ReadonlySet<string> = new Set(['format', 'format_map', 'formatted', 'sprintf']);
/** `%s`, `%-5d`, `{}`, `{0}`, `{name}`: where formatting puts computed text (linear: no overlapping runs). */
const FORMAT_PLACEHOLDER = /%[-#+ ]*\d*(?:\.\d+)?[sdrifxXoeEgGcab]|\{[^{}]*\}/g;
const WHITESPACE = /\s+/;

/** A no-argument string method applied to a literal, when the guard can compute it. */
function applyStringMethod(text: string, method: string): Value | undefined {
  switch (method) {
    case 'split':
      return { kind: 'list', items: text.split(WHITESPACE).filter(Boolean).map((w) => str(w)) };
    case 'strip': case 'trim': case 'rstrip': case 'lstrip': case 'trimEnd': case 'trimStart':
      return str(text.trim());
    case 'encode': case 'decode': case 'toString': case 'chomp':
      return str(text);
    case 'lower': case 'toLowerCase': case 'downcase':
      return str(text.toLowerCase());
    case 'upper': case 'toUpperCase': case 'upcase':
      return str(text.toUpperCase());
    default:
      return undefined;
  }
}

export function str(text: string, dynamic = false): Value {
  return { kind: 'str', text, dynamic };
}

export function isLiteral(v: Value): boolean {
  if (v.kind === 'str') return !v.dynamic;
  if (v.kind === 'list') return v.items.every(isLiteral);
  return false;
}

/** `os.environ['HOME']`, `process.env.HOME`, `ENV['HOME']`, `$ENV{HOME}`, `os.getenv('HOME')`, `Sys.getenv("HOME")`. */
function isHomeVariable(tokens: readonly Token[]): boolean {
  let env = false;
  let home = false;
  for (const t of tokens) {
    if (t.kind === 'id' && (t.value === 'environ' || t.value === 'env' || t.value === 'ENV' || t.value === '$ENV' || t.value === 'getenv' || t.value === 'Sys' || t.value === 'Getenv')) env = true;
    if ((t.kind === 'id' || t.kind === 'str') && HOME_VARIABLES.has(t.value)) home = true;
  }
  return env && home;
}

function calleeName(tokens: readonly Token[], open: number): string {
  const parts: string[] = [];
  let k = 0;
  // `require('fs').mkdtempSync(…)`: the module's name stands for the require call.
  if (tokens[0]?.value === 'require' && tokens[1]?.value === '(' && tokens[2]?.kind === 'str' && tokens[3]?.value === ')') {
    parts.push(tokens[2].value.replace(/^node:/, ''));
    k = 4;
  }
  for (; k < open; k++) {
    const t = tokens[k];
    if (t.kind === 'id') parts.push(t.value);
    else if (t.value !== '.' && t.value !== '::' && t.value !== '->') return '';
  }
  return parts.join('.');
}

function joinPaths(items: Value[]): Value {
  if (items.length === 0) return UNKNOWN;
  let text = '';
  let dynamic = false;
  for (const it of items) {
    if (it.kind !== 'str') {
      text += (text === '' ? '' : '/') + COMPUTED;
      dynamic = true;
      continue;
    }
    dynamic ||= it.dynamic;
    if (it.text.startsWith('/')) text = it.text;
    else text = text === '' ? it.text : `${text.replace(/\/$/, '')}/${it.text}`;
  }
  return str(dynamic ? text : normalizePath(text), dynamic);
}

/** `scripts/../dist` → `dist`, `./a/./b` → `a/b`; a `..` that climbs above the start stays. */
function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '~') out.pop();
    else out.push(part);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined === '' ? '.' : joined;
}

/** The `(` whose `)` ends the expression (`a.b(x)`, `require('fs').c(y)`), or -1. */
function lastCallOpen(tokens: readonly Token[]): number {
  if (tokens[tokens.length - 1]?.value !== ')') return -1;
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const v = tokens[i].kind === 'p' ? tokens[i].value : '';
    if (v === ')' || v === ']' || v === '}') depth++;
    else if (v === '(' || v === '[' || v === '{') {
      depth--;
      if (depth === 0) return v === '(' ? i : -1;
    }
  }
  return -1;
}

/** Splits tokens at top-level commas (for nested calls inside an expression). */
function splitTop(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i].kind === 'p' ? tokens[i].value : '';
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') depth--;
    else if (v === ',' && depth === 0) {
      out.push(tokens.slice(start, i));
      start = i + 1;
    }
  }
  if (start < tokens.length) out.push(tokens.slice(start));
  return out;
}

/** Index of the bracket closing tokens[open], or -1. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const v = tokens[i].kind === 'p' ? tokens[i].value : '';
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The value of an expression. `depth` bounds nested calls (`Path(os.path.join(…))`); each level only
 * looks at a slice of the tokens it was given, so the work is bounded by tokens × depth.
 */
export function evaluateExpression(tokens: readonly Token[], vars: Literals, depth = 0): Value {
  if (tokens.length === 0 || depth > 4) return UNKNOWN;
  // Keyword argument `shell=True` / `cwd: x`: the value is what follows.
  if (tokens.length >= 3 && tokens[0].kind === 'id' && tokens[1].kind === 'p' && (tokens[1].value === '=' || tokens[1].value === ':')) {
    return evaluateExpression(tokens.slice(2), vars, depth + 1);
  }
  const first = tokens[0];
  if (tokens.length === 1) {
    if (first.kind === 'str') {
      if (first.words) return { kind: 'list', items: first.value.split(' ').filter(Boolean).map((w) => str(w)) };
      return str(first.value, first.dynamic === true);
    }
    if (first.kind === 'id') return vars.get(first.value) ?? UNKNOWN;
    return UNKNOWN;
  }
  // A list literal: `['rm', '-rf', d]`, perl `('rm', '-rf')`.
  if (first.kind === 'p' && (first.value === '[' || first.value === '(') && closing(tokens, 0) === tokens.length - 1) {
    const inner = tokens.slice(1, -1);
    const parts = splitTop(inner);
    if (first.value === '(' && parts.length === 1) return evaluateExpression(inner, vars, depth + 1);
    return { kind: 'list', items: parts.map((p) => evaluateExpression(p, vars, depth + 1)) };
  }
  if (isHomeVariable(tokens) && tokens.length <= 8) return str('~');
  // A method called on a literal: `'git status'.split()`, `'{} x'.format(a)`; others are not computed here.
  if (first.kind === 'str' && tokens[1]?.value === '.' && tokens[2]?.kind === 'id' && tokens[3]?.value === '(' && closing(tokens, 3) === tokens.length - 1) {
    const args = splitTop(tokens.slice(4, -1));
    if (args.length === 0) return applyStringMethod(first.value, tokens[2].value) ?? UNKNOWN;
    if (!FORMAT_METHODS.has(tokens[2].value)) return UNKNOWN;
    const values = args.map((a) => evaluateExpression(a, vars, depth + 1));
    let k = 0;
    let dynamic = false;
    const text = first.value.replace(FORMAT_PLACEHOLDER, () => {
      const v = values[k++];
      if (v !== undefined && v.kind === 'str' && !v.dynamic) return v.text;
      dynamic = true;
      return COMPUTED;
    });
    return str(text, dynamic);
  }
  const known = dottedName(tokens);
  if (known !== undefined && KNOWN_VALUES.has(known)) return str(KNOWN_VALUES.get(known) as string);
  // A call: `Path('x')`, `os.path.join(a, 'b')`, `os.homedir()`.
  const open = lastCallOpen(tokens);
  if (open > 0) {
    const name = calleeName(tokens, open);
    const args = splitTop(tokens.slice(open + 1, -1));
    if (HOME_CALLS.has(name)) return str('~');
    if (TEMP_CALLS.has(name)) return str(TEMP_FOLDER);
    // R `c("-rf", d)`, `list(…)`, JS `Array.of(…)`: a list written as a call.
    if (LIST_CALLS.has(name)) return { kind: 'list', items: args.map((a) => evaluateExpression(a, vars, depth + 1)) };
    if (CWD_CALLS.has(name)) return str('.');
    if (JOIN_CALLS.has(name)) return joinPaths(args.map((a) => evaluateExpression(a, vars, depth + 1)));
    if (EXPAND_CALLS.has(name) && args.length >= 1) return evaluateExpression(args[0], vars, depth + 1);
    if (DIRNAME_CALLS.has(name) && args.length >= 1) {
      const v = evaluateExpression(args[0], vars, depth + 1);
      if (v.kind !== 'str' || v.dynamic) return UNKNOWN;
      const slash = v.text.replace(/\/+$/, '').lastIndexOf('/');
      return str(slash < 0 ? '.' : slash === 0 ? '/' : v.text.slice(0, slash));
    }
    return UNKNOWN;
  }
  // Concatenation: `'rm -rf ' + d`, perl `"a" . $b`, lua `'a' .. b`, pathlib `Path.home() / 'x'`.
  const pieces: Token[][] = [];
  let start = 0;
  let depthHere = 0;
  let slash = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const v = t.kind === 'p' ? t.value : '';
    if (v === '(' || v === '[' || v === '{') depthHere++;
    else if (v === ')' || v === ']' || v === '}') depthHere--;
    else if (depthHere === 0 && CONCAT.has(v) && !(v === '.' && tokens[i + 1]?.kind === 'id' && tokens[i - 1]?.kind !== 'str')) {
      if (v === '/') slash = true;
      pieces.push(tokens.slice(start, i));
      start = i + 1;
    }
  }
  if (pieces.length === 0) {
    if (first.kind !== 'str') return UNKNOWN;
    const next = tokens[1];
    // `'crs fr- mr'[::-1]`: a slice or index of a literal is text the guard does not compute.
    if (next.kind === 'p' && next.value === '[') return UNKNOWN;
    if (next.kind === 'p' && next.value === '.' && tokens[2]?.kind === 'id' && !FORMAT_METHODS.has(tokens[2].value)) return UNKNOWN;
    // `"rm -rf %s" % d`, `"{} -rf x".format(d)`, awk `"rm " $1`: text the code completes; its placeholders are computed.
    return str(first.value.replace(FORMAT_PLACEHOLDER, COMPUTED) + COMPUTED, true);
  }
  pieces.push(tokens.slice(start));
  const values = pieces.map((p) => evaluateExpression(p, vars, depth + 1));
  if (slash) return joinPaths(values);
  if (!values.some((v) => v.kind === 'str')) return UNKNOWN;
  let text = '';
  let dynamic = false;
  for (const v of values) {
    if (v.kind === 'str') {
      text += v.text;
      dynamic ||= v.dynamic;
    } else {
      text += COMPUTED;
      dynamic = true;
    }
  }
  return str(text, dynamic);
}

/** `name = <literal>` assignments (python, js `const/let/var`, perl `my $x`, ruby, php `$x`), in order. */
export function literalAssignments(tokens: readonly Token[], known?: ReadonlyMap<string, Value>): Map<string, Value> {
  const vars = new Map<string, Value>(known);
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'p' || (t.value !== '=' && t.value !== ':=' && t.value !== '<-')) continue;
    const target = tokens[i - 1];
    if (target.kind !== 'id') continue;
    const before = tokens[i - 2];
    if (before && before.kind === 'p' && (before.value === '.' || before.value === '->')) continue;
    // The right side up to the end of the statement: a newline, `;`, or a closing bracket at depth 0.
    let j = i + 1;
    let depth = 0;
    while (j < tokens.length && j - i < 64) {
      const u = tokens[j];
      if (j > i + 1 && u.newline && depth === 0) break;
      const v = u.kind === 'p' ? u.value : '';
      if (v === '(' || v === '[' || v === '{') depth++;
      else if (v === ')' || v === ']' || v === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (v === ';' || v === ',')) break;
      j++;
    }
    const value = evaluateExpression(tokens.slice(i + 1, j), vars);
    vars.set(target.value, value);
  }
  return vars;
}
