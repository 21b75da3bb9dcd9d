// Reads interpreter code the way DESIGN's "Interpreter code" convention says: process spawns become
// shell text, deletes and writes become the file operations they are, HTTP calls and SQL become the
// requests and statements they send, and whatever the code computes where something executes it
// (eval of a variable, a spawn of a computed string, a computed attribute) asks.
// One interface for every family: scanCode(family, code) → CodeEffect[]; the caller turns the effects
// into shell text for the same rules (see codeEffectsToShell.ts).
import { COMPUTED, lexCode, token, type Token } from './codeLexer';
import { findCalls, type Call } from './codeCalls';
import { evaluateExpression, isLiteral, literalAssignments, str, UNKNOWN, type Literals, type Value } from './codeValues';
import { AWK, TCL, VIM, type CallRole, type Family } from './families';

/** Code longer than this is not read in full: the line asks ("too long to read"). */
export const MAX_CODE_CHARS = 256 * 1024;
/** `__dirname`, `__file__`, `$__DIR__`: the script's own folder is known when the guard read the script from a file. */
function scriptVariables(scriptDir: string): Map<string, Value> {
  return new Map<string, Value>([
    ['__dirname', str(scriptDir)],
    ['__DIR__', str(scriptDir)],
    ['__file__', str(`${scriptDir}/__script__`)],
    ['__filename', str(`${scriptDir}/__script__`)],
    ['__FILE__', str(`${scriptDir}/__script__`)],
  ]);
}

/** Function names that run commands, evaluate code or delete, when reached by name (`getattr`, `send`). */
const DANGEROUS_NAMES: ReadonlySet<string> = new Set(['system', 'popen', 'exec', 'execv', 'execvp', 'execl', 'execlp', 'spawn', 'spawnv', 'run', 'call', 'check_call', 'check_output', 'Popen', 'eval', 'remove', 'unlink', 'rmtree', 'rmdir', 'removedirs', 'rm_rf', 'rm_r', 'execSync', 'spawnSync', 'rmSync', 'unlinkSync', 'instance_eval', 'class_eval', '`']);

/** Effects read from one piece of code; more ask (each is parsed and judged as a command). */
const MAX_EFFECTS = 256;
/** `exec("…")` of literal code is read as code again, this many levels deep. */
const MAX_EVAL_DEPTH = 3;

export type CodeEffect =
  /** Shell text the code runs; computed parts are `${CODE_VALUE}`. */
  | { kind: 'shell'; text: string; call: string }
  /** A program with its arguments (no shell in between). */
  | { kind: 'argv'; words: Value[]; call: string }
  | { kind: 'delete'; path: Value; recursive: boolean; call: string; describe?: string }
  /** `truncate`: the file is emptied (`open(p, 'w')`); otherwise new content replaces it (`writeFileSync(p, data)`). */
  | { kind: 'write'; path: Value; call: string; truncate?: boolean }
  /** `mv`, `cp` or `chmod` of paths (the mode first for chmod). */
  | { kind: 'file-op'; op: 'mv' | 'cp' | 'chmod' | 'ln -s'; args: Value[]; call: string }
  | { kind: 'http'; method: string; url: Value; body?: string; call: string }
  | { kind: 'sql'; text: string; call: string }
  /** Something that asks by itself: computed code, an ORM bulk delete, code too long to read. */
  | { kind: 'ask'; rule: string; summary: string };

const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ROLE_METHOD: Partial<Record<CallRole, string>> = { 'http-get': 'GET', 'http-post': 'POST', 'http-put': 'PUT', 'http-patch': 'PATCH', 'http-delete': 'DELETE' };
const SQL_START = /^\s*(?:select|insert|update|delete|drop|truncate|alter|create|replace|merge|grant|revoke|with|pragma|vacuum|attach|begin|exec|call|set|use)\b/i;
const URL_START = /^https?:\/\//i;

/** The role of a call: the exact name, then shorter dotted suffixes, then `.method`. */
function roleOf(family: Family, name: string): CallRole | undefined {
  const exact = family.calls.get(name);
  if (exact) return exact;
  let dot = name.indexOf('.');
  while (dot >= 0) {
    const suffix = name.slice(dot + 1);
    const r = family.calls.get(suffix);
    if (r && suffix.includes('.')) return r;
    dot = name.indexOf('.', dot + 1);
  }
  const last = name.slice(name.lastIndexOf('.') + 1);
  return family.calls.get(`.${last}`);
}

function argValue(call: Call, i: number, vars: Literals): Value {
  const a = call.args[i];
  return a ? evaluateExpression(a, vars) : UNKNOWN;
}

/** `recursive: true`, `recursive=TRUE`, `{ recursive: true, force: true }` anywhere among the arguments. */
function hasTrueOption(call: Call, key: string): boolean {
  for (const arg of call.args) {
    for (let i = 0; i + 2 < arg.length; i++) {
      if (arg[i].value === key && (arg[i + 1].value === ':' || arg[i + 1].value === '=' || arg[i + 1].value === '=>')) {
        const v = arg[i + 2].value;
        return v === 'true' || v === 'True' || v === 'TRUE' || v === 'T';
      }
    }
  }
  return false;
}

/** The value following `key:` / `key=` / `key =>` among a call's arguments. */
function optionValue(call: Call, key: string, vars: Literals): Value | undefined {
  for (const arg of call.args) {
    for (let i = 0; i + 2 < arg.length; i++) {
      if ((arg[i].value === key || (arg[i].kind === 'str' && arg[i].value === key)) && (arg[i + 1].value === ':' || arg[i + 1].value === '=' || arg[i + 1].value === '=>')) {
        let j = i + 2;
        let depth = 0;
        while (j < arg.length) {
          const v = arg[j].kind === 'p' ? arg[j].value : '';
          if (v === '(' || v === '[' || v === '{') depth++;
          else if (v === ')' || v === ']' || v === '}') {
            if (depth === 0) break;
            depth--;
          } else if (v === ',' && depth === 0) break;
          j++;
        }
        return evaluateExpression(arg.slice(i + 2, j), vars);
      }
    }
  }
  return undefined;
}

/** Every literal string inside a call's arguments, in order (a request body's text). */
function literalStrings(call: Call): string[] {
  const out: string[] = [];
  for (const a of call.args) for (const t of a) if (t.kind === 'str' && !t.dynamic) out.push(t.value);
  return out;
}

function isEmptyObject(arg: readonly Token[] | undefined): boolean {
  return arg !== undefined && arg.length === 2 && arg[0].value === '{' && arg[1].value === '}';
}

function bodyOf(call: Call): string | undefined {
  const strings = literalStrings(call).filter((s) => !URL_START.test(s) && !HTTP_METHODS.has(s.toUpperCase()));
  if (strings.length === 0) return undefined;
  const doc = strings.find((s) => /\bmutation\b/.test(s));
  return doc !== undefined ? JSON.stringify({ query: doc }) : strings.join(' ');
}

/** A path argument: `Path('x').unlink()` names it on the receiver instead. */
function pathOf(call: Call, vars: Literals): Value {
  const method = call.name.slice(call.name.lastIndexOf('.') + 1);
  if (call.args.length > 0 && !RECEIVER_IS_PATH.has(method)) return argValue(call, 0, vars);
  return receiverPath(call, vars);
}

/** The path a method is called on: `Path('x').rename(t)`, `p.rename(t)`. */
function receiverPath(call: Call, vars: Literals): Value {
  if (call.chainedOn) return evaluateExpression(rebuildCall(call.chainedOn), vars);
  if (call.receiver) return evaluateExpression(call.receiver, vars);
  const receiver = call.name.slice(0, call.name.lastIndexOf('.'));
  return receiver && !receiver.includes('.') ? vars.get(receiver) ?? UNKNOWN : UNKNOWN;
}

/** Methods whose receiver is the path and whose arguments are content (`Path(p).write_text('…')`). */
const RECEIVER_IS_PATH: ReadonlySet<string> = new Set(['write_text', 'write_bytes']);

/** Tokens of a call expression again (`Path('x')`), for evaluating a receiver. */
function rebuildCall(call: Call): Token[] {
  const out: Token[] = [];
  const parts = call.name.split('.');
  parts.forEach((p, i) => {
    if (i > 0) out.push(token('p', '.', false));
    out.push(token('id', p, false));
  });
  out.push(token('p', '(', false));
  call.args.forEach((a, i) => {
    if (i > 0) out.push(token('p', ',', false));
    out.push(...a);
  });
  out.push(token('p', ')', false));
  return out;
}

/** Words of an argv call: `spawn('rm', ['-rf', d])`, `exec.Command("rm", "-rf", d)`, `Bun.spawn(['rm', …])`, `Deno.Command('rm', { args })`. */
function argvWords(call: Call, from: number, vars: Literals): Value[] {
  const first = argValue(call, from, vars);
  if (first.kind === 'list') return first.items;
  const cmdOption = optionValue(call, 'cmd', vars);
  if (cmdOption && cmdOption.kind === 'list') return cmdOption.items;
  const words: Value[] = [first];
  const second = argValue(call, from + 1, vars);
  const argsOption = optionValue(call, 'args', vars);
  if (second.kind === 'list') {
    // os.execvp('rm', ['rm', '-rf', d]): the list starts with argv[0] again.
    const items = second.items;
    const dup = items[0] && items[0].kind === 'str' && first.kind === 'str' && items[0].text === first.text;
    words.push(...(dup ? items.slice(1) : items));
  } else if (argsOption && argsOption.kind === 'list') {
    words.push(...argsOption.items);
  } else {
    for (let i = from + 1; i < call.args.length; i++) {
      const a = call.args[i];
      // Options objects (`{ stdio: 'inherit' }`) are not argv words.
      if (a[0]?.value === '{') continue;
      if (a.length >= 2 && a[0].kind === 'id' && (a[1].value === '=' || a[1].value === ':')) continue;
      words.push(evaluateExpression(a, vars));
    }
  }
  return words;
}

interface ScanState {
  family: Family;
  effects: CodeEffect[];
  depth: number;
}

function computedSummary(family: Family, what: string, call: string): CodeEffect {
  return { kind: 'ask', rule: 'code.computed', summary: `runs ${family.label} code that ${what} (\`${call}\`): the guard cannot read what it will do` };
}

function scanCall(call: Call, role: CallRole, vars: Literals, s: ScanState): void {
  const { family, effects } = s;
  const name = call.name;
  switch (role) {
    case 'shell': {
      if (call.args.length === 0) return;
      const v = argValue(call, 0, vars);
      if (v.kind === 'list') effects.push({ kind: 'argv', words: v.items, call: name });
      else if (v.kind === 'str' && call.args.length > 1 && isSeveralWords(call, vars)) effects.push({ kind: 'argv', words: call.args.map((a) => evaluateExpression(a, vars)), call: name });
      else if (v.kind === 'str') effects.push({ kind: 'shell', text: v.text, call: name });
      else effects.push(computedSummary(family, 'runs a command it computes', name));
      return;
    }
    case 'argv':
    case 'argv-after-first': {
      if (call.args.length === 0) return;
      effects.push({ kind: 'argv', words: argvWords(call, role === 'argv' ? 0 : 1, vars), call: name });
      return;
    }
    case 'delete-tree':
      effects.push({ kind: 'delete', path: pathOf(call, vars), recursive: true, call: name });
      return;
    case 'delete-if-recursive':
      if (call.args.length === 0) return;
      effects.push({ kind: 'delete', path: argValue(call, 0, vars), recursive: hasTrueOption(call, 'recursive'), call: name });
      return;
    case 'delete-file': {
      const arg = call.args[0];
      // perl `unlink glob "~/data/*"`, `unlink <*.db>`: every file the pattern matches.
      if (arg && arg[0]?.kind === 'id' && arg[0].value === 'glob') {
        effects.push({ kind: 'delete', path: evaluateExpression(arg.slice(1), vars), recursive: true, call: name, describe: 'every file a pattern matches' });
        return;
      }
      if (!arg && !call.chainedOn && !call.name.includes('.')) return;
      effects.push({ kind: 'delete', path: pathOf(call, vars), recursive: false, call: name });
      return;
    }
    case 'write': {
      // `writeFileSync(p, '')`, `File.write(p, "")`: written empty.
      const method = name.slice(name.lastIndexOf('.') + 1);
      const content = RECEIVER_IS_PATH.has(method) ? call.args[0] : call.args[1];
      const empty = content !== undefined && content.length === 1 && content[0].kind === 'str' && content[0].value === '';
      effects.push({ kind: 'write', path: pathOf(call, vars), call: name, truncate: empty || content === undefined });
      return;
    }
    case 'move':
    case 'copy':
      if (call.args.length >= 2) effects.push({ kind: 'file-op', op: role === 'move' ? 'mv' : 'cp', args: [argValue(call, 0, vars), argValue(call, 1, vars)], call: name });
      // pathlib's `Path(src).rename(dst)` / `.replace(dst)`: the receiver moves onto the argument.
      else if (call.args.length === 1 && role === 'move' && name.startsWith('.') === false && (call.chainedOn || call.receiver || name.includes('.'))) {
        effects.push({ kind: 'file-op', op: 'mv', args: [receiverPath(call, vars), argValue(call, 0, vars)], call: name });
      }
      return;
    case 'symlink':
      // Python's `Path(link).symlink_to(target)` names the link on the receiver.
      if (call.name.endsWith('symlink_to')) effects.push({ kind: 'file-op', op: 'ln -s', args: [argValue(call, 0, vars), call.chainedOn ? evaluateExpression(rebuildCall(call.chainedOn), vars) : UNKNOWN], call: name });
      else if (call.args.length >= 2) effects.push({ kind: 'file-op', op: 'ln -s', args: [argValue(call, 0, vars), argValue(call, 1, vars)], call: name });
      return;
    case 'chmod':
      if (call.args.length >= 2) {
        const mode = argValue(call, 1, vars);
        const modeText = mode.kind === 'str' ? mode.text : call.args[1].length === 1 && call.args[1][0].kind === 'num' ? call.args[1][0].value.replace(/^0o/, '') : undefined;
        effects.push({ kind: 'file-op', op: 'chmod', args: [modeText === undefined ? UNKNOWN : str(modeText), argValue(call, 0, vars)], call: name });
      }
      return;
    case 'open': {
      const modeArg = argValue(call, 1, vars);
      const mode = optionValue(call, 'mode', vars) ?? modeArg;
      const pathArg = argValue(call, family.id === 'perl' && call.args.length >= 2 ? call.args.length - 1 : 0, vars);
      if (family.id === 'perl') {
        // open(FH, '>', 'f') / open(FH, '>f') / open(FH, 'cmd |') / open(FH, '-|', 'cmd').
        const m = call.args.length >= 3 ? argValue(call, 1, vars) : UNKNOWN;
        const single = call.args.length === 2 ? argValue(call, 1, vars) : UNKNOWN;
        if (m.kind === 'str' && (m.text === '-|' || m.text === '|-')) {
          effects.push({ kind: 'argv', words: call.args.slice(2).map((a) => evaluateExpression(a, vars)), call: name });
        } else if (m.kind === 'str' && m.text.startsWith('>')) {
          effects.push({ kind: 'write', path: pathArg, call: name, truncate: m.text === '>' });
        } else if (single.kind === 'str') {
          const t = single.text.trim();
          if (t.endsWith('|')) effects.push({ kind: 'shell', text: t.slice(0, -1).trimEnd(), call: name });
          else if (t.startsWith('|')) effects.push({ kind: 'shell', text: t.slice(1).trimStart(), call: name });
          else if (t.startsWith('>')) effects.push({ kind: 'write', path: str(t.replace(/^>+\s*/, ''), single.dynamic), call: name });
        }
        return;
      }
      if (mode.kind === 'str' && mode.text.includes('w')) effects.push({ kind: 'write', path: pathArg, call: name, truncate: true });
      else if (mode.kind === 'str' && mode.text.includes('a')) effects.push({ kind: 'write', path: pathArg, call: name });
      return;
    }
    case 'http-get':
    case 'http-post':
    case 'http-put':
    case 'http-patch':
    case 'http-delete':
      effects.push({ kind: 'http', method: ROLE_METHOD[role] as string, url: argValue(call, 0, vars), body: bodyOf(call), call: name });
      return;
    case 'http-method': {
      const m = argValue(call, 0, vars);
      const first = call.args[0]?.[0];
      const method = m.kind === 'str' ? m.text.toUpperCase() : first?.kind === 'id' ? first.value.toUpperCase() : '';
      if (!HTTP_METHODS.has(method)) return;
      // `HTTP::Request->new(DELETE => url)`: one argument holding `METHOD => url`.
      const url = call.args.length >= 2 ? argValue(call, 1, vars) : evaluateExpression((call.args[0] ?? []).slice(2), vars);
      effects.push({ kind: 'http', method, url, body: bodyOf(call), call: name });
      return;
    }
    case 'http-options': {
      const m = optionValue(call, 'method', vars);
      const method = m && m.kind === 'str' ? m.text.toUpperCase() : m ? 'UNKNOWN' : 'GET';
      let url = argValue(call, 0, vars);
      // urlopen(Request(…)): the Request call is scanned by itself.
      if (call.name.endsWith('urlopen') && call.args[0]?.some((t) => t.value === 'Request')) return;
      if (url.kind === 'unknown' && call.args.length === 0) url = UNKNOWN;
      effects.push({ kind: 'http', method: method === 'UNKNOWN' ? 'DELETE' : method, url, body: bodyOf(call), call: name });
      return;
    }
    case 'http-config': {
      const m = optionValue(call, 'method', vars);
      const url = optionValue(call, 'url', vars) ?? argValue(call, 0, vars);
      const method = m && m.kind === 'str' ? m.text.toUpperCase() : 'GET';
      effects.push({ kind: 'http', method, url, body: bodyOf(call), call: name });
      return;
    }
    case 'sql': {
      for (const t of literalStrings(call)) {
        if (SQL_START.test(t)) effects.push({ kind: 'sql', text: t, call: name });
      }
      return;
    }
    case 'orm-bulk':
      effects.push({ kind: 'ask', rule: 'code.orm-bulk-delete', summary: `runs ${family.label} code that deletes every row of a table through an ORM (\`${name}\`)` });
      return;
    case 'orm-maybe-bulk':
      if (isBulk(call)) effects.push({ kind: 'ask', rule: 'code.orm-bulk-delete', summary: `runs ${family.label} code that deletes every row or document of a collection (\`${name}\`)` });
      return;
    case 'eval': {
      if (call.args.length === 0) return;
      const v = argValue(call, 0, vars);
      if (v.kind === 'str' && !v.dynamic) {
        if (s.depth < MAX_EVAL_DEPTH) scanInto(family, v.text, s.effects, s.depth + 1);
        else effects.push({ kind: 'ask', rule: 'code.too-deep', summary: `runs ${family.label} code that evaluates code inside code too deeply for the guard to follow` });
        return;
      }
      effects.push(computedSummary(family, 'evaluates code it computes', name));
      return;
    }
    case 'computed-name': {
      // Only a plain string literal names what is reached; anything built (`"sys" + "tem"`) asks.
      const idx = name === 'getattr' || name.endsWith('const_get') ? 1 : 0;
      const arg = call.args[idx];
      if (arg && !(arg.length === 1 && arg[0].kind === 'str' && !arg[0].dynamic)) effects.push(computedSummary(family, 'reaches a function by a name it computes', name));
      // `getattr(os, "system")(…)`, `.send(:system, …)`: a literal name, but one that runs or deletes, reached indirectly.
      else if (arg && DANGEROUS_NAMES.has(arg[0].value.replace(/^:/, ''))) effects.push(computedSummary(family, `reaches \`${arg[0].value}\` indirectly`, name));
      return;
    }
    case 'decode': {
      const v = argValue(call, 0, vars);
      if (v.kind === 'str' && /^[Hh]\*?$/.test(v.text)) effects.push(computedSummary(family, 'decodes hidden bytes', name));
      return;
    }
  }
}

/** `system('rm', '-rf', d)`: several words are argv, not one shell line. */
function isSeveralWords(call: Call, vars: Literals): boolean {
  if (call.args.length < 2) return false;
  // Python's subprocess.run("…", shell=True): the second argument is a keyword.
  const second = call.args[1];
  if (second.length >= 2 && second[0].kind === 'id' && (second[1].value === '=' || second[1].value === ':')) return false;
  if (second[0]?.value === '{') return false;
  // `popen("rm -rf x", "r")`, `proc_open("…", $spec, $pipes)`: a first argument with spaces is a command line, not a program.
  const first = evaluateExpression(call.args[0], vars);
  return first.kind === 'str' && !HAS_SPACE.test(first.text);
}
const HAS_SPACE = /\s/;

function isBulk(call: Call): boolean {
  const last = call.name.slice(call.name.lastIndexOf('.') + 1);
  const chained = call.chainedOn?.name ?? '';
  switch (last) {
    case 'deleteMany':
    case 'delete_many':
      return call.args.length === 0 || isEmptyObject(call.args[0]);
    case 'destroy':
      return call.args.some((a) => a.some((t) => t.value === 'truncate')) || call.args.some((a) => a.some((t, i) => t.value === 'where' && isEmptyObject(a.slice(i + 2, i + 4))));
    case 'delete':
      return call.args.length === 0 && (/(?:^|\.)all$/.test(chained) || /(?:^|\.)query$/.test(chained) || call.name.includes('.query.') || call.name.includes('.objects.'));
    case 'drop_database':
      return true;
    default:
      // `.drop()`, `.drop_collection()` on a collection: zero arguments.
      return call.args.length === 0 && (call.name.startsWith('db.') || /collection/i.test(call.name) || /collection/i.test(chained));
  }
}

/** Tcl: `exec rm -rf x`, `file delete -force x`, `eval $code`, `open "|cmd"`; read line by line. */
function scanTcl(code: string, effects: CodeEffect[]): void {
  for (const raw of code.split(/[\n;\[\]]/)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    const words = line.split(/\s+/);
    // expect's `spawn [-noecho …] cmd` and `system cmd` start a program like Tcl's `exec`.
    if (words[0] === 'exec' || words[0] === 'spawn' || words[0] === 'system') {
      let from = 1;
      while (words[0] === 'spawn' && words[from]?.startsWith('-')) from++;
      effects.push({ kind: 'shell', text: words.slice(from).join(' ').replace(/[{}]/g, "'"), call: words[0] });
    }
    else if (words[0] === 'file' && words[1] === 'delete') {
      const force = words.includes('-force');
      for (const p of words.slice(2).filter((w) => !w.startsWith('-'))) effects.push({ kind: 'delete', path: p.includes('$') ? UNKNOWN : str(p.replace(/^["{]|["}]$/g, '')), recursive: force, call: 'file delete' });
    } else if ((words[0] === 'eval' || words[0] === 'uplevel') && line.includes('$')) {
      effects.push({ kind: 'ask', rule: 'code.computed', summary: 'runs Tcl code that evaluates code it computes: the guard cannot read what it will do' });
    } else if (words[0] === 'open' && words[1]?.startsWith('"|')) {
      effects.push({ kind: 'shell', text: line.slice(line.indexOf('|') + 1).replace(/"[^"]*$/, ''), call: 'open |' });
    }
  }
}

/** What an awk variable that names a command holds: its literal value, or computed text. */
function awkCommandText(name: string, vars: Literals): string {
  const v = vars.get(name);
  return v && v.kind === 'str' && !v.dynamic ? v.text : COMPUTED;
}

/**
 * awk: `print … | "sh"`, `"cmd" | getline`, and the same with the command in a variable (`cmd | getline`,
 * `print | cmd`); `system()` is an ordinary call.
 */
function scanAwkPipes(tokens: readonly Token[], vars: Literals, effects: CodeEffect[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'p' || (t.value !== '|' && t.value !== '|&')) continue;
    // gawk's two-way pipe `cmd |& getline` starts the command too.
    const next = tokens[i + 1]?.kind === 'p' && tokens[i + 1].value === '&' ? tokens[i + 2] : tokens[i + 1];
    const prev = tokens[i - 1];
    if (next?.kind === 'str') {
      const target = next.value.trim();
      if (/^(?:ba|z|da)?sh$/.test(target)) {
        // Whatever is printed into a shell runs: literal prints are read, anything else asks.
        let j = i - 1;
        const parts: string[] = [];
        let computed = false;
        while (j >= 0 && !(tokens[j].kind === 'id' && (tokens[j].value === 'print' || tokens[j].value === 'printf'))) {
          if (tokens[j].kind === 'str') parts.unshift(tokens[j].value);
          else if (tokens[j].kind === 'id') computed = true;
          j--;
        }
        if (computed || parts.length === 0) effects.push({ kind: 'ask', rule: 'code.computed', summary: 'runs awk code that prints computed text into a shell: the guard cannot read what it will do' });
        else effects.push({ kind: 'shell', text: parts.join(''), call: `print | "${target}"` });
      } else effects.push({ kind: 'shell', text: next.dynamic ? COMPUTED : target, call: '| "…"' });
    } else if (next?.kind === 'id' && next.value === 'getline' && prev?.kind === 'str') {
      effects.push({ kind: 'shell', text: prev.value, call: '"…" | getline' });
    } else if (next?.kind === 'id' && next.value === 'getline' && prev?.kind === 'id') {
      effects.push({ kind: 'shell', text: awkCommandText(prev.value, vars), call: `${prev.value} | getline` });
    } else if (next?.kind === 'id' && next.value !== 'getline') {
      effects.push({ kind: 'shell', text: awkCommandText(next.value, vars), call: `| ${next.value}` });
    }
  }
}

/** `!cmd` after an optional range (`%`, `.`, `1,$`) or `r`/`w`. */
const VIM_BANG = /^(?:[%.$,0-9']*|r(?:ead)?|w(?:rite)?)\s*!(.*)$/;
const VIM_LINE_PREFIX = /^(?:silent!?|sil!?|exe(?:cute)?|keepalt|noautocmd)\s+/;

/** Vim/ex commands: `!cmd`, `:!cmd`, `%!cmd`, `r !cmd`, `w !cmd`, `silent !cmd`, and `system()` calls. */
function scanVim(code: string, effects: CodeEffect[], depth: number): void {
  for (const raw of code.split(/\n|\|(?!\|)/)) {
    let line = raw.trim().replace(/^:+/, '').trim();
    line = line.replace(VIM_LINE_PREFIX, '');
    const bang = VIM_BANG.exec(line);
    if (bang && bang[1].trim() !== '') effects.push({ kind: 'shell', text: bang[1].trim(), call: '!' });
  }
  scanGeneric(VIM, code, effects, depth);
}

const AWK_DELETERS: ReadonlySet<string> = new Set(['rm', 'unlink', 'shred', 'rmdir', 'srm', 'truncate', 'dd']);

/**
 * Names imported under another name, so `sp.check_call` reads as `subprocess.check_call` and `cp.exec`
 * as `child_process.exec`: python `import a.b as c` / `from a import b [as c]`; JS `const c = require('m')`,
 * `const { b } = require('m')`, `import * as c from 'm'`, `import c from 'm'`, `import { b as c } from 'm'`.
 */
function importAliases(tokens: readonly Token[], family: Family): Map<string, string> {
  const out = new Map<string, string>();
  const dotted = (from: number): { name: string; next: number } => {
    let name = tokens[from]?.value ?? '';
    let j = from + 1;
    while (tokens[j]?.value === '.' && tokens[j + 1]?.kind === 'id') {
      name += '.' + tokens[j + 1].value;
      j += 2;
    }
    return { name, next: j };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'id') continue;
    if (family.id === 'python') {
      if (t.value === 'import' && (i === 0 || t.newline || tokens[i - 1].value === ';') && tokens[i + 1]?.kind === 'id') {
        let j = i + 1;
        while (tokens[j]?.kind === 'id') {
          const d = dotted(j);
          if (tokens[d.next]?.value === 'as' && tokens[d.next + 1]?.kind === 'id') {
            out.set(tokens[d.next + 1].value, d.name);
            j = d.next + 2;
          } else j = d.next;
          if (tokens[j]?.value !== ',') break;
          j++;
        }
      } else if (t.value === 'from' && tokens[i + 1]?.kind === 'id') {
        const d = dotted(i + 1);
        if (tokens[d.next]?.value !== 'import') continue;
        let j = d.next + 1;
        if (tokens[j]?.value === '(') j++;
        while (tokens[j]?.kind === 'id') {
          const name = tokens[j].value;
          if (tokens[j + 1]?.value === 'as' && tokens[j + 2]?.kind === 'id') {
            out.set(tokens[j + 2].value, `${d.name}.${name}`);
            j += 3;
          } else {
            out.set(name, `${d.name}.${name}`);
            j += 1;
          }
          if (tokens[j]?.value !== ',') break;
          j++;
        }
      }
    } else if (family.id === 'javascript') {
      // `… = require('m')` / `… from 'm'`: the module, then what is bound to it.
      let mod: string | undefined;
      let end = i;
      if (t.value === 'require' && tokens[i + 1]?.value === '(' && tokens[i + 2]?.kind === 'str' && tokens[i + 3]?.value === ')') {
        mod = tokens[i + 2].value;
        end = i - 1;
        if (tokens[end]?.value !== '=') continue;
      } else if (t.value === 'from' && tokens[i + 1]?.kind === 'str') {
        mod = tokens[i + 1].value;
        end = i;
      } else continue;
      mod = mod.replace(/^node:/, '');
      const before = tokens[end - 1];
      if (before?.kind === 'id' && before.value !== 'import') out.set(before.value, mod);
      else if (before?.value === '}') {
        let j = end - 2;
        while (j >= 0 && tokens[j].value !== '{') {
          const tk = tokens[j];
          if (tk.kind === 'id') {
            const prev = tokens[j - 1];
            if (prev?.value === 'as' || prev?.value === ':') out.set(tk.value, `${mod}.${tokens[j - 2]?.value ?? tk.value}`);
            else if (tokens[j + 1]?.value !== 'as' && tokens[j + 1]?.value !== ':') out.set(tk.value, `${mod}.${tk.value}`);
          }
          j--;
        }
      }
    }
  }
  return out;
}

/**
 * A function kept in a variable: `s = os.system`, `const run = cp.execSync;`, `my $f = \\&system;`. The name then
 * reads as the function (`s("rm -rf ~")` is `os.system("rm -rf ~")`). Only dotted names with a role are taken.
 */
function functionAliases(tokens: readonly Token[], family: Family, aliases: Map<string, string>): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i].kind !== 'p' || tokens[i].value !== '=' || tokens[i - 1].kind !== 'id' || tokens[i + 1].kind !== 'id') continue;
    let name = tokens[i + 1].value;
    let j = i + 2;
    while (j + 1 < tokens.length && tokens[j].kind === 'p' && (tokens[j].value === '.' || family.separators.has(tokens[j].value)) && tokens[j + 1].kind === 'id') {
      name += '.' + tokens[j + 1].value;
      j += 2;
    }
    const next = tokens[j];
    if (next && !next.newline && !(next.kind === 'p' && (next.value === ';' || next.value === ','))) continue;
    const full = canonical(name, aliases);
    if (roleOf(family, full) !== undefined) aliases.set(tokens[i - 1].value, full);
  }
}

/** Receivers whose members, reached by a computed subscript and called, may run anything. */
const SENSITIVE_RECEIVERS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self', 'os', 'cp', 'child_process', 'childProcess', 'process', 'subprocess', 'shutil', 'fs', 'Deno', 'Bun', 'builtins', '__builtins__', 'Kernel', '__dict__', '$GLOBALS', 'vars', 'globals', 'locals']);

/**
 * `x["execSync"](…)`, `os.__dict__["system"](…)`, `globalThis["ev" + "al"](…)`: a member reached by a subscript
 * and called. A literal name that runs or deletes asks; a computed one on a module or the global object asks.
 */
function subscriptCalls(tokens: readonly Token[], family: Family, effects: CodeEffect[]): void {
  if (family.id !== 'javascript' && family.id !== 'python' && family.id !== 'php' && family.id !== 'ruby') return;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i].value !== ']' || tokens[i + 1].value !== '(' || tokens[i + 1].newline) continue;
    // Find the `[` (the subscript is short: longer ones are not names).
    let open = -1;
    for (let k = i - 1; k >= 0 && k >= i - 16; k--) {
      if (tokens[k].value === '[') {
        open = k;
        break;
      }
    }
    if (open < 1) continue;
    const inside = tokens.slice(open + 1, i);
    const receiver = tokens[open - 1];
    const literal = inside.length === 1 && inside[0].kind === 'str' && !inside[0].dynamic ? inside[0].value : undefined;
    if (literal !== undefined && DANGEROUS_NAMES.has(literal)) effects.push(computedSummary(family, `reaches \`${literal}\` through a subscript`, `[${JSON.stringify(literal)}]`));
    else if (literal === undefined && (receiver.value === ')' || SENSITIVE_RECEIVERS.has(receiver.value))) effects.push(computedSummary(family, 'calls a member it names by a computed subscript', `${receiver.value}[…]`));
  }
}

/** `sp.check_call` → `subprocess.check_call` when `sp` was imported as subprocess. */
/**
 * The tokens with module aliases spelled out at the head of a member chain (`p.join(…)` after
 * `const p = require('path')` is `path.join(…)`), so values built from them (paths, the home folder)
 * read the same as with the module's own name.
 */
function withModuleNames(tokens: readonly Token[], aliases: ReadonlyMap<string, string>): readonly Token[] {
  if (aliases.size === 0) return tokens;
  return tokens.map((t, i) => {
    if (t.kind !== 'id' || tokens[i + 1]?.value !== '.') return t;
    const prev = tokens[i - 1]?.value;
    if (prev === '.' || prev === '::' || prev === '->') return t;
    const target = aliases.get(t.value);
    return target === undefined ? t : { ...t, value: target };
  });
}

function canonical(name: string, aliases: ReadonlyMap<string, string>): string {
  if (aliases.size === 0) return name;
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const target = aliases.get(head);
  return target === undefined ? name : target + (dot < 0 ? '' : name.slice(dot));
}

/** Reads code of one family and appends what it does to `effects`. */
function scanInto(family: Family, code: string, effects: CodeEffect[], depth: number, scriptDir = '.'): void {
  if (family === TCL) return scanTcl(code, effects);
  if (family === VIM) return scanVim(code, effects, depth);
  scanGeneric(family, code, effects, depth, scriptDir);
}

function scanGeneric(family: Family, code: string, effects: CodeEffect[], depth: number, scriptDir = '.'): void {
  const lexed = lexCode(code, family.lex);
  const aliases = importAliases(lexed, family);
  const tokens = withModuleNames(lexed, aliases);
  const vars = literalAssignments(tokens, scriptVariables(scriptDir));
  functionAliases(tokens, family, aliases);
  const bareCall = family.bareCalls ? (name: string): boolean => (family.bareCalls as ReadonlySet<string>).has(name) || roleOf(family, name) !== undefined && name.includes('.') : undefined;
  const calls = findCalls(tokens, { bareCall, separators: family.separators });
  for (const call of calls) call.name = canonical(call.name, aliases);
  subscriptCalls(tokens, family, effects);
  const s: ScanState = { family, effects, depth };
  let lists = false;
  let charCodes = 0;
  const fileDeletes: CodeEffect[] = [];
  for (const call of calls) {
    // PHP `$f("…")`: a function named by a variable; a literal value names it, anything else asks.
    if (family.id === 'php' && call.name.startsWith('$') && !call.name.includes('.')) {
      const v = vars.get(call.name);
      if (v && v.kind === 'str' && !v.dynamic) call.name = v.text;
      else {
        effects.push(computedSummary(family, 'calls a function named by a variable', call.name));
        continue;
      }
    }
    if (family.listings.has(call.name) || family.listings.has(`.${call.name.slice(call.name.lastIndexOf('.') + 1)}`)) lists = true;
    if (family.charCodes !== undefined && call.name === family.charCodes) charCodes++;
    const role = roleOf(family, call.name);
    if (!role) continue;
    const before = effects.length;
    scanCall(call, role, vars, s);
    for (let k = before; k < effects.length; k++) {
      const e = effects[k];
      if (e.kind === 'delete' && !e.recursive && !isLiteral(e.path)) fileDeletes.push(e);
    }
  }
  // Backticks, `%x()`, `qx()`: strings the language hands to a shell.
  for (const t of tokens) if (t.kind === 'str' && t.exec) effects.push({ kind: 'shell', text: t.value, call: '`…`' });
  // Tagged templates: zx `$\`rm -rf x\``, Bun `$\`…\``, prisma `$executeRaw\`…\``.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind !== 'id' || next.kind !== 'str' || family.lex.backtick !== 'template') continue;
    const role = roleOf(family, t.value);
    if (role === 'shell') effects.push({ kind: 'shell', text: next.value, call: `${t.value}\`…\`` });
    else if (role === 'sql' && SQL_START.test(next.value)) effects.push({ kind: 'sql', text: next.value, call: t.value });
  }
  if (family === AWK) {
    scanAwkPipes(tokens, vars, effects);
    // awk runs its program once per input line: a delete built from the input is `xargs rm`.
    for (const e of effects.slice()) {
      if (e.kind === 'shell' && e.text.includes(COMPUTED) && AWK_DELETERS.has(e.text.trim().split(/\s+/)[0])) {
        effects.push({ kind: 'ask', rule: 'code.computed', summary: `runs awk code that deletes files named by its input, line by line (\`${e.text.trim().split(/\s+/)[0]}\`): the names cannot be checked` });
      }
    }
  }
  // A loop over a listing that deletes each computed entry deletes the folder's files.
  if (lists) {
    for (const e of fileDeletes) if (e.kind === 'delete') {
      e.recursive = true;
      e.describe = 'the files of a folder it lists';
    }
  }
  if (charCodes >= 3) effects.push(computedSummary(family, 'builds text from character codes', family.charCodes ?? 'chr'));
}

/**
 * What code of one family does, in the order the calls appear. Code past MAX_CODE_CHARS asks.
 * `scriptDir` is the folder of the script file (relative to the cwd), for `__dirname` / `__file__`.
 */
export function scanCode(family: Family, code: string, scriptDir = '.'): CodeEffect[] {
  if (code.length > MAX_CODE_CHARS) {
    return [{ kind: 'ask', rule: 'code.too-long', summary: `runs ${family.label} code too long to read (${Math.round(code.length / 1024)} KiB; the guard reads up to ${MAX_CODE_CHARS / 1024} KiB)` }];
  }
  const effects: CodeEffect[] = [];
  scanInto(family, code, effects, 0, scriptDir);
  // The same ask once; past MAX_EFFECTS the code asks as a whole (each effect is parsed and judged later).
  const seen = new Set<string>();
  const out: CodeEffect[] = [];
  for (const e of effects) {
    if (e.kind === 'ask') {
      if (seen.has(e.summary)) continue;
      seen.add(e.summary);
    }
    if (out.length >= MAX_EFFECTS) {
      out.push({ kind: 'ask', rule: 'code.too-long', summary: `runs ${family.label} code that does more than ${MAX_EFFECTS} things the guard would have to check: too much to read` });
      break;
    }
    out.push(e);
  }
  return out;
}

