// Calls in a token stream: the callee as written (`os.system`, `subprocess.run`, `fs.rmSync`), its
// arguments split at top-level commas, and the call it is chained on (`objects.all().delete()`).
// Brackets are matched once with a stack, so finding every call is linear in the number of tokens.
import { token, type Token } from './codeLexer';

export interface Call {
  /** Dotted callee: `os.path.join`, `FileUtils.rm_rf`, `child_process.execSync` (for `require('child_process').execSync`). */
  name: string;
  /** Arguments, each a token slice; empty for `f()`. */
  args: Token[][];
  /** The call this one is chained on (`all` in `.all().delete()`), when there is one. */
  chainedOn?: Call;
  /** A parenthesised receiver (`(Path.home() / 'x').write_text(…)`): its tokens, when short enough to read. */
  receiver?: Token[];
  /** Token index of the callee's last name part (the position of the call in the code). */
  at: number;
}

interface CallOptions {
  /** Perl/ruby style `system "rm -rf x"`, `User.delete_all`: names that are calls without parentheses. */
  bareCall?: (name: string) => boolean;
  /** Member separators besides `.`: `::` (ruby, perl, php static), `->` (perl, php). */
  separators: ReadonlySet<string>;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
/**
 * Arguments longer than this many tokens are not split or read: they count as one computed value.
 * Without the cap, nested calls (`f(f(f(…`) would copy the rest of the code once per call (quadratic).
 */
const MAX_ARG_TOKENS = 256;
const TOO_LONG: Token[][] = [[token('id', '\u2026', false)]];
const STATEMENT_ENDS: ReadonlySet<string> = new Set([';', '}', 'or', 'and', 'if', 'unless', '||', '&&', 'then', 'do']);

/** For each opening bracket its closing partner's index (or the end), and the reverse. */
function matchBrackets(tokens: readonly Token[]): { close: Int32Array; open: Int32Array } {
  const close = new Int32Array(tokens.length).fill(-1);
  const open = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'p') continue;
    if (t.value in OPENERS) stack.push(i);
    else if (t.value === ')' || t.value === ']' || t.value === '}') {
      // Pop to the matching opener; a stray closer is ignored.
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - 3; k--) {
        if (OPENERS[tokens[stack[k]].value] === t.value) {
          const o = stack[k];
          stack.length = k;
          close[o] = i;
          open[i] = o;
          break;
        }
      }
    }
  }
  for (const o of stack) close[o] = tokens.length;
  return { close, open };
}

/** Splits tokens[from, to) at commas outside brackets. */
function splitArgs(tokens: readonly Token[], from: number, to: number, close: Int32Array): Token[][] {
  if (to - from > MAX_ARG_TOKENS) return TOO_LONG;
  const args: Token[][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'p' && t.value in OPENERS) {
      i = Math.min(to, close[i]);
      continue;
    }
    if (t.kind === 'p' && t.value === ',') {
      args.push(tokens.slice(start, i));
      start = i + 1;
    }
  }
  if (to > start) args.push(tokens.slice(start, to));
  return args;
}

/** The dotted name ending at token `end` (an identifier), walking back over separators. */
function calleeAt(tokens: readonly Token[], end: number, separators: ReadonlySet<string>): { name: string; start: number } {
  let name = tokens[end].value;
  let j = end;
  while (j >= 2 && tokens[j - 1].kind === 'p' && (tokens[j - 1].value === '.' || separators.has(tokens[j - 1].value)) && tokens[j - 2].kind === 'id') {
    name = `${tokens[j - 2].value}.${name}`;
    j -= 2;
  }
  return { name, start: j };
}

/** A string literal argument of `require('x')` / `__import__('x')` / `import('x')`: the module a chained call belongs to. */
function moduleOf(call: Call): string | undefined {
  if (call.name !== 'require' && call.name !== '__import__' && call.name !== 'import' && call.name !== 'importlib.import_module') return undefined;
  const a = call.args[0];
  if (a && a.length === 1 && a[0].kind === 'str' && !a[0].dynamic) return a[0].value.replace(/^node:/, '');
  return undefined;
}

export function findCalls(tokens: readonly Token[], o: CallOptions): Call[] {
  const { close, open } = matchBrackets(tokens);
  const calls: Call[] = [];
  const byParen = new Map<number, Call>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'id') continue;
    const next = tokens[i + 1];
    if (next && next.kind === 'p' && next.value === '(' && !next.newline) {
      const { name, start } = calleeAt(tokens, i, o.separators);
      const end = close[i + 1];
      const call: Call = { name, args: splitArgs(tokens, i + 2, Math.min(end, tokens.length), close), chainedOn: undefined, receiver: undefined, at: i };
      const before0 = tokens[start - 1];
      // `x.exec(…)` where x is not a name (a regex literal, a string): a method, never the bare function.
      if (before0 && before0.kind === 'p' && (before0.value === '.' || o.separators.has(before0.value)) && tokens[start - 2]?.value !== ')') call.name = `_.${name}`;
      // `foo(…).bar(…)`: the call before the dot.
      const before = tokens[start - 1];
      if (before && before.kind === 'p' && (before.value === '.' || o.separators.has(before.value)) && start >= 2 && tokens[start - 2].value === ')') {
        const prev = byParen.get(open[start - 2]);
        if (prev) {
          call.chainedOn = prev;
          const mod = moduleOf(prev);
          if (mod !== undefined) call.name = `${mod}.${name}`;
        } else {
          // A method on the result of something else (a parenthesised expression): never a bare function.
          call.name = `_.${name}`;
          const o0 = open[start - 2];
          if (o0 >= 0 && start - 2 - o0 <= MAX_ARG_TOKENS) call.receiver = tokens.slice(o0 + 1, start - 2);
        }
      }
      byParen.set(i + 1, call);
      calls.push(call);
      continue;
    }
    if (!o.bareCall || (next && next.kind === 'p' && (next.value === '.' || o.separators.has(next.value)))) continue;
    const callee = calleeAt(tokens, i, o.separators);
    const dotBefore = tokens[callee.start - 1];
    // `….where(x).delete_all`: a method on the result of a call.
    const name = dotBefore && dotBefore.kind === 'p' && (dotBefore.value === '.' || o.separators.has(dotBefore.value)) ? `_.${callee.name}` : callee.name;
    if (!o.bareCall(name)) continue;
    if (!next || next.newline || (next.kind === 'p' && next.value !== '[' && next.value !== '-' && next.value !== '{')) {
      // `User.delete_all` with nothing after it: a method call without arguments. A lone word
      // (`rmtree` inside perl's `/rmtree/`) is not a call.
      if (name.includes('.')) calls.push({ name, args: [], chainedOn: undefined, receiver: undefined, at: i });
      continue;
    }
    // `system "rm -rf x"`, `unlink glob "*"`: arguments up to the end of the statement.
    let j = i + 1;
    while (j < tokens.length && !tokens[j].newline && !(STATEMENT_ENDS.has(tokens[j].value) && tokens[j].kind !== 'str')) {
      if (tokens[j].kind === 'p' && tokens[j].value in OPENERS) j = close[j];
      j++;
    }
    calls.push({ name, args: splitArgs(tokens, i + 1, Math.min(j, tokens.length), close), chainedOn: undefined, receiver: undefined, at: i });
    i = j - 1;
  }
  return calls;
}
