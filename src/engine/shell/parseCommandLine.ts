// Turns a command line into every simple command the shell would run, wrappers peeled off and
// nested command strings (`bash -c`, `$(…)`, `ssh host '…'`, `… | sh`, heredocs into a shell)
// parsed recursively. What cannot be seen into becomes `opaque` content, which always asks.
//
// The steps, each in its own module: normalise the text (normalise.ts), cut out substitutions and
// heredocs (lexicalScan.ts), tokenize (shellTokens.ts: shell-quote's reader, compiled once), split into simple commands, group function
// definitions, then per command: expand what the line defines (lineState.ts, computedText.ts), peel
// wrappers (wrappers.ts), and follow what the command carries (carriers.ts).
import type { ParsedCommandLine, SimpleCommand } from '../types';
import { followCarriers } from './carriers';
import { commandName } from './commandName';
import { DOWNLOADERS, outputOf, type Computed } from './computedText';
import { lexicalScan, SENTINEL_OPEN, substitutionsIn, type ScanResult } from './lexicalScan';
import { expandWord, loopBindings, newLineState, recordLoop, splitOnIfs, type FunctionBody } from './lineState';
import { normaliseCommandText } from './normalise';
import { rewriteDotnetDeletes } from './dotnetCalls';
import { rawCommand, type RawCommandLike } from './rawCommand';
import { deeper, MAX_DEPTH, opaque, type Frame, type Output, type Reader } from './readerTypes';
import { heredocIndex, makeWord, soleSubstitution, soleVariable, substitutionIndexes, type Word } from './words';
import { WRAPPERS } from './wrappers';
import { shellTokens, type ShellToken } from './shellTokens';

export { commandName } from './commandName';

/** Wrappers peeled off one command before the line asks (`env env env … rm`, `timeout 5` × 100). */
const MAX_UNWRAP = 48;
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', ';&', ';;&', '(', ')', '|', '|&']);
const PIPES = new Set(['|', '|&']);
/** Reserved words that may stand in front of a command; they run nothing themselves. */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac', '[[', ']]']);
/** Headers whose words are not a command (`for f in *.log`). */
const HEADERS = new Set(['for', 'select', 'case', 'in']);
const ASSIGNMENT_RE = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const FD_SENTINEL_RE = /^\u0001F\d+\u0002$/;
const BASH_FUNC_RE = /^BASH_FUNC_([^%=\s]+)%%$/;
const GLOB_CHAR_RE = /[*?[]/;
const POWERSHELL_CONCAT_RE = /^[A-Za-z]\w*\+-?[A-Za-z]/;
const CMD_VARIABLE_RE = /%[A-Za-z_][\w]{0,60}%/;

/** A command name the shell computes by pathname or brace expansion: `/bin/r?`, `r[m]`, `{rm,-rf,x}`, `r{m,}`. */
function isComputedName(text: string): boolean {
  if (text === '[' || text === '[[') return false;
  const slash = text.lastIndexOf('/');
  // A `$` the reader did not take as a variable (zsh `$=x`, `$~x`) still expands when it runs.
  if (text.indexOf('$', slash + 1) >= 0) return true;
  // PowerShell's `& ('Remove'+'-Item')` reaches the reader as `Remove+-Item`: a name built when it runs.
  if (POWERSHELL_CONCAT_RE.test(text)) return true;
  // cmd.exe's `%x%` (set earlier with `set x=rd`) expands when it runs (only a name with a `%` can hold one).
  const base = Math.max(slash, text.lastIndexOf('\\')) + 1;
  if (text.indexOf('%', base) >= 0 && CMD_VARIABLE_RE.test(text.slice(base))) return true;
  if (GLOB_CHAR_RE.test(text)) return true;
  const open = text.indexOf('{');
  if (open < 0) return false;
  const close = text.indexOf('}', open + 1);
  if (close < 0) return false;
  const inner = text.slice(open + 1, close);
  return inner.includes(',') || inner.includes('..');
}
/** `$(which rm)`, `$(command -v rm)`: the program's name, for the shell's purposes. */
const LOCATE_RE = /^\s*(?:which|command\s+-v|type\s+-P)\s+([A-Za-z0-9_.+-]+)\s*$/;
/** `$(<file)`: bash's short form of `$(cat file)`. */
const FILE_CONTENT_RE = /^\s*<\s*[^\s<>|&;()]+\s*$/;
/** Variables whose value the shell runs as code: at the next prompt (PROMPT_COMMAND) or by expanding it. */
const PROMPT_CODE = new Set(['PROMPT_COMMAND']);
const SELF_PROMPT_RE = /\$\{?PROMPT_COMMAND(?:\[[@*]\])?\}?/g;
const PROMPT_STRINGS = new Set(['PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'PROMPT', 'RPROMPT', 'RPS1']);
/** Functions the shell calls by itself: defining one is running it (bash's and zsh's hook names). */
const HOOK_FUNCTIONS = new Set(['command_not_found_handle', 'command_not_found_handler', 'TRAPEXIT', 'TRAPZERR', 'TRAPERR', 'TRAPINT', 'TRAPTERM', 'TRAPHUP', 'TRAPQUIT', 'precmd', 'preexec', 'chpwd', 'periodic', 'zshexit', 'zshaddhistory']);
/** Builtins that set variables from NAME=VALUE arguments. */
const DECLARERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);

type RawCommand = RawCommandLike;

interface ParseContext {
  scan: ScanResult;
  /** What each substitution prints, when the guard can work it out. */
  computed: Map<number, Computed>;
}

export function parseCommandLine(text: string): ParsedCommandLine {
  const out: Output = { commands: [], opaque: [], state: newLineState() };
  parseText(normaliseCommandText(text), { via: [], remote: undefined, assignments: {}, depth: 0 }, out);
  return { commands: out.commands, opaque: out.opaque };
}

const reader: Reader = {
  parseText: (text, frame, out) => parseText(text, frame, out),
  processRaw: (raw, frame, out) => processCommand(raw, undefined, frame, out, undefined),
};

function parseText(text: string, frame: Frame, out: Output): void {
  if (frame.depth > MAX_DEPTH) {
    opaque(out, 'opaque.too-deep', 'nests commands inside commands too deeply for the guard to follow', text);
    return;
  }
  const scan = lexicalScan(rewriteDotnetDeletes(text));
  if (scan.error) opaque(out, 'opaque.parse-error', `could not read this command (${scan.error})`, text);
  let tokens: ShellToken[];
  try {
    tokens = shellTokens(scan.text);
  } catch (err) {
    opaque(out, 'opaque.parse-error', `could not read this command (${(err as Error).message})`, text);
    return;
  }
  const ctx: ParseContext = { scan, computed: new Map() };
  const raws = splitCommands(tokens, scan);
  const doneSubs = new Set<number>();
  let previous: SimpleCommand | undefined;
  for (let k = 0; k < raws.length; k++) {
    const raw = raws[k];
    if (raw.defines !== undefined || (raw.words[0]?.text === 'function' && raw.words[1] !== undefined)) {
      const end = defineFunction(raws, k, out, ctx);
      announceDefinition(raws.slice(k, end + 1), frame, out);
      const defined = raws[k].defines ?? raws[k].words[1]?.text ?? '';
      const body = out.state.functions.get(defined);
      if (body && HOOK_FUNCTIONS.has(defined)) callFunction(defined, body, [], frame, out);
      k = end;
      continue;
    }
    parseSubstitutions(raw, ctx, frame, out, doneSubs);
    const cmd = processCommand(raw, raw.pipedFromPrevious ? previous : undefined, frame, out, ctx);
    if (cmd || !isClosingKeyword(raw)) previous = cmd;
  }
}

/**
 * A definition runs nothing, but naming a function can still matter (`__ag_debug() { :; }` replaces the
 * terminal guard's own): it is handed to rules as a command with the function's name, no arguments and
 * `defines function` as its last via.
 */
function announceDefinition(raws: RawCommand[], frame: Frame, out: Output): void {
  const head = raws[0];
  const name = head.defines ?? head.words[1]?.text ?? '';
  const body = raws.map((r) => r.words.map((w) => w.text).join(' ')).join('; ');
  // Every command object has the same fields in the same order (one shape for the rules' property reads).
  out.commands.push({
    name,
    args: [],
    dynamic: [],
    assignments: { ...frame.assignments },
    redirects: [],
    stdin: undefined,
    pipeFrom: undefined,
    via: [...frame.via, 'defines function'],
    remote: frame.remote,
    text: `${name}() ${body}`.trim(),
    argv0: undefined,
  });
}

/** `}` / `)` / `done` alone end a group: the command before them is what a following pipe reads. */
function isClosingKeyword(raw: RawCommand): boolean {
  return raw.words.length === 1 && (raw.words[0].text === '}' || raw.words[0].text === 'done' || raw.words[0].text === 'fi');
}

/**
 * `f() { …; }` / `function f { …; }`: the body is kept, not run; a call runs it (processCommand).
 * Returns the index of the last raw of the definition.
 */
function defineFunction(raws: RawCommand[], k: number, out: Output, ctx: ParseContext): number {
  const head = raws[k];
  let name: string;
  let first: Word[];
  if (head.words[0]?.text === 'function') {
    name = head.words[1].text;
    first = head.words.slice(2);
  } else {
    name = head.defines as string;
    first = [];
  }
  const body: RawCommand[] = [];
  let depth = 0;
  let opened = false;
  const take = (raw: RawCommand): boolean => {
    const words = raw.words;
    for (const w of words) {
      if (w.dynamic) continue;
      if (w.text === '{') {
        depth++;
        opened = true;
      } else if (w.text === '}' && (w === words[0] || w === words[words.length - 1])) depth--;
    }
    body.push(raw);
    return opened && depth <= 0;
  };
  let end = k;
  if (first.length > 0 && take({ ...head, words: first, defines: undefined })) {
    out.state.functions.set(name, { raws: body, context: ctx });
    return end;
  }
  for (end = k + 1; end < raws.length; end++) {
    const done = take(raws[end]);
    // `f() ( … )` or a body without braces: one command.
    if (done || !opened) break;
  }
  out.state.functions.set(name, { raws: body, context: ctx });
  return end;
}

function splitCommands(tokens: readonly ShellToken[], scan: ScanResult): RawCommand[] {
  const subText = (i: number): string => scan.substitutions[i]?.text ?? '…';
  const raws: RawCommand[] = [];
  let current: RawCommand = rawCommand([], false);
  let afterGroup = false;
  const finish = (pipeNext: boolean): void => {
    const hasContent = current.words.length > 0 || current.redirects.length > 0;
    if (hasContent) raws.push(current);
    // `( … ) | sh`, `{ …; } | crontab -`: what the group prints last is what the pipe carries.
    current = rawCommand([], pipeNext && (hasContent || afterGroup));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t === 'string') {
      current.words.push(makeWord(t, subText));
      afterGroup = t === '}';
      continue;
    }
    if ('comment' in t) continue;
    if ('op' in t && t.op === 'glob') {
      const pattern = (t as { pattern: string }).pattern;
      current.words.push({ ...makeWord(pattern, subText), dynamic: pattern.includes(SENTINEL_OPEN) });
      afterGroup = false;
      continue;
    }
    const op = (t as { op: string }).op;
    const next = tokens[i + 1];
    const nextIsClose = next !== undefined && typeof next === 'object' && 'op' in next && (next as { op: string }).op === ')';
    const nameWord = current.words[current.words.length - 1];
    if (op === '(' && nextIsClose && nameWord && !nameWord.dynamic && (current.words.length === 1 || (current.words.length === 2 && current.words[0].text === 'function'))) {
      // `name ( )` or `function name ( )`: a function definition; its body follows.
      raws.push(rawCommand([], false, nameWord.text));
      current = rawCommand([], false);
      afterGroup = false;
      i++;
      continue;
    }
    if (SEPARATORS.has(op)) {
      finish(PIPES.has(op));
      afterGroup = op === ')';
      continue;
    }
    // A redirect: its target is the next token. A number glued to it (`2>`) is the file descriptor.
    const last = current.words[current.words.length - 1];
    if (last && FD_SENTINEL_RE.test(last.raw)) current.words.pop();
    i++;
    const targetRaw = typeof next === 'string' ? next : next && 'pattern' in next ? (next as { pattern: string }).pattern : '';
    if (op === '<<') {
      const h = heredocIndex(targetRaw);
      current.stdin = h !== undefined ? scan.heredocs[h]?.body ?? '' : '';
      // An unquoted heredoc expands like a double-quoted string: its substitutions run (`cat <<EOF … $(rm …)`).
      if (h !== undefined && !scan.heredocs[h]?.quoted) {
        const code = substitutionsIn(current.stdin);
        if (code.length > 0) current.heredocCode = [...(current.heredocCode ?? []), ...code];
      }
      current.redirects.push({ op, target: '<heredoc>' });
      continue;
    }
    const target = makeWord(targetRaw, subText);
    if (op === '<<<') current.stdin = target.text;
    current.redirects.push({ op, target: target.text });
    // A redirect target can hold a substitution that runs (`> $(rm -rf x)`): keep it as a word-less carrier.
    if (target.dynamic) current.redirects.push({ op: '$sub', target: target.raw });
  }
  finish(false);
  return raws;
}

/** Command substitutions run whatever command they sit in: parse each once, in order, and note what it prints. */
function parseSubstitutions(raw: RawCommand, ctx: ParseContext, frame: Frame, out: Output, done: Set<number>): void {
  // The words first, then redirect targets holding a substitution; no list built for them (most lines have none).
  for (const w of raw.words) parseSubstitutionsIn(w.raw, ctx, frame, out, done);
  let subRedirects = false;
  for (const r of raw.redirects) {
    if (r.op !== '$sub') continue;
    subRedirects = true;
    parseSubstitutionsIn(r.target, ctx, frame, out, done);
  }
  if (subRedirects) raw.redirects = raw.redirects.filter((r) => r.op !== '$sub');
  for (const code of raw.heredocCode ?? []) parseText(code, deeper(frame, 'heredoc $(…)', { assignments: {} }), out);
}

function parseSubstitutionsIn(carrier: string, ctx: ParseContext, frame: Frame, out: Output, done: Set<number>): void {
  for (const idx of substitutionIndexes(carrier)) {
    if (done.has(idx)) continue;
    done.add(idx);
    const sub = ctx.scan.substitutions[idx];
    if (!sub) continue;
    if (sub.kind === 'arithmetic') {
      // `$(( $(rm -rf x) + 1 ))`: the substitutions inside arithmetic run like any other.
      const inner = lexicalScan(sub.text);
      for (const s of inner.substitutions) if (s.kind !== 'arithmetic') parseText(s.text, deeper(frame, '$((…))', { assignments: {} }), out);
      continue;
    }
    const label = sub.kind === 'process-in' ? '<(…)' : sub.kind === 'process-out' ? '>(…)' : '$(…)';
    const before = out.commands.length;
    const innerFrame = deeper(frame, label, { assignments: {} });
    parseText(sub.text, innerFrame, out);
    // A process substitution stands for a file name, not its output: only `$(…)` and backticks expand to text.
    if (sub.kind !== 'command' && sub.kind !== 'backtick') continue;
    const located = LOCATE_RE.exec(sub.text);
    if (located) ctx.computed.set(idx, { kind: 'literal', text: located[1] });
    else if (FILE_CONTENT_RE.test(sub.text)) ctx.computed.set(idx, { kind: 'unreadable', tool: 'a file' });
    else ctx.computed.set(idx, pipelineOutput(out.commands.slice(before), innerFrame.via.length));
  }
}

/** What the commands of a substitution print: the last pipeline's output when it is the only one. */
function pipelineOutput(commands: SimpleCommand[], viaLength: number): Computed {
  const top = commands.filter((c) => c.via.length === viaLength);
  const last = top[top.length - 1];
  // `$(bash -c 'echo …')`: what prints is inside another runner.
  if (!last) return commands.length > 0 ? { kind: 'unreadable', tool: commands[0].via[viaLength] ?? 'a nested command' } : { kind: 'program', tool: '' };
  const chain = new Set<SimpleCommand>();
  for (let c: SimpleCommand | undefined = last; c; c = c.pipeFrom) chain.add(c);
  if (top.some((c) => !chain.has(c))) return { kind: 'program', tool: last.name };
  return outputOf(last);
}

function takeAssignments(words: Word[], into: Record<string, string>): Word[] {
  let i = 0;
  while (i < words.length && ASSIGNMENT_RE.test(words[i].text)) {
    const t = words[i].text;
    const eq = t.indexOf('=');
    into[t.slice(0, eq).replace(/\+$/, '')] = t.slice(eq + 1);
    i++;
  }
  return i === 0 ? words : words.slice(i);
}

/**
 * `X=value` standing alone sets a shell variable for the rest of the line; an unknown value forgets it;
 * `X+=more` appends to a known value. A prompt variable's code is read: it runs at the next prompt.
 */
function recordVariable(word: Word, frame: Frame, out: Output): void {
  const eq = word.text.indexOf('=');
  const append = word.text[eq - 1] === '+';
  const left = word.text.slice(0, append ? eq - 1 : eq);
  const bracket = left.indexOf('[');
  const name = bracket < 0 ? left : left.slice(0, bracket);
  const value = word.text.slice(eq + 1);
  const known = out.state.vars.get(name);
  if (word.dynamic || (append && known === undefined)) out.state.vars.delete(name);
  else out.state.vars.set(name, append ? known + value : value);
  // `PROMPT_COMMAND="history -a; $PROMPT_COMMAND"`: the earlier value is what runs already.
  if (PROMPT_CODE.has(name)) parseText(value.replace(SELF_PROMPT_RE, ''), deeper(frame, name), out);
  else if (PROMPT_STRINGS.has(name)) for (const code of substitutionsIn(value)) parseText(code, deeper(frame, name), out);
}

/** A command with no name for rules to see: assignments alone (name '') or redirects alone (name ':', as `: > f`). */
function emitBare(name: string, assignmentWords: Word[], raw: RawCommand, frame: Frame, out: Output): void {
  const redirects = raw.redirects.map((r) => `${r.op} ${r.target}`);
  out.commands.push({
    name,
    args: [],
    dynamic: [],
    assignments: { ...frame.assignments },
    redirects: raw.redirects,
    stdin: raw.stdin,
    pipeFrom: undefined,
    via: frame.via,
    remote: frame.remote,
    text: [...assignmentWords.map(quoteForDisplay), ...(name === ':' && assignmentWords.length === 0 ? [':'] : []), ...redirects].join(' '),
    argv0: undefined,
  });
}

/** `export X=1`, `declare -x X=1`; a nameref (`declare -n r=x`) makes `$r` another variable's value: unknown. */
function declareVariables(args: Word[], frame: Frame, out: Output): void {
  const nameref = args.some((w) => /^-[a-zA-Z]*n/.test(w.text));
  for (const w of args) {
    if (!ASSIGNMENT_RE.test(w.text)) continue;
    if (nameref) out.state.vars.delete(w.text.slice(0, w.text.indexOf('=')));
    else recordVariable(w, frame, out);
  }
}

/** True when a word's last path segment holds no variable or substitution (`$DIR/bin/tool`). */
function isLiteralBasename(raw: string): boolean {
  if (/\s/.test(raw)) return false;
  const slash = raw.lastIndexOf('/');
  return slash >= 0 && slash < raw.length - 1 && !raw.slice(slash + 1).includes('\u0001') && !raw.slice(slash + 1).includes('\u0002');
}

function processCommand(raw: RawCommand, pipeFrom: SimpleCommand | undefined, frame: Frame, out: Output, ctx: ParseContext | undefined): SimpleCommand | undefined {
  let words = raw.words;
  while (words.length > 0 && !words[0].dynamic && LEADING_KEYWORDS.has(words[0].text)) words = words.slice(1);
  if (words[0]?.text === 'coproc') {
    // `coproc CMD …` runs CMD in the background; `coproc NAME { …; }` names it.
    words = words.slice(words[2]?.text === '{' || words[2]?.text === '(' ? 2 : 1);
    while (words.length > 0 && !words[0].dynamic && LEADING_KEYWORDS.has(words[0].text)) words = words.slice(1);
  }
  if (words.length === 0) {
    // `> app.db`, `{ …; } > f`: a command of redirects alone still opens (and empties) its files.
    if (raw.words.length === 0 && raw.redirects.length > 0) emitBare(':', [], raw, frame, out);
    return undefined;
  }
  if (!words[0].dynamic && HEADERS.has(words[0].text)) {
    if (words[0].text === 'for') recordLoop(words.map((w) => expand(w, out, ctx).word), out.state);
    return undefined;
  }
  // `for d in src lib; do rm -rf "$d"; done`: the body is read once per value.
  const bindings = loopBindings(words, out.state);
  // Nothing below changes the raw command: a copy only when keywords were taken off its words (a spread of
  // these objects was the most expensive line of the parser, issue 11).
  const rest = words === raw.words ? raw : { ...raw, words };
  let cmd: SimpleCommand | undefined;
  for (const binding of bindings) {
    if (binding) for (const [k, v] of binding) out.state.vars.set(k, v);
    cmd = processExpanded(rest, pipeFrom, frame, out, ctx) ?? cmd;
  }
  return cmd;
}

function expand(word: Word, out: Output, ctx: ParseContext | undefined) {
  // Most words are literal: no closures for them.
  if (!word.dynamic) return { word, splits: false };
  const subOutput = (i: number): string | undefined => {
    const c = ctx?.computed.get(i);
    return c?.kind === 'literal' ? c.text : undefined;
  };
  return expandWord(word, out.state, subOutput, (i) => ctx?.scan.substitutions[i]?.text ?? '…');
}

function processExpanded(raw: RawCommand, pipeFrom: SimpleCommand | undefined, frame: Frame, out: Output, ctx: ParseContext | undefined): SimpleCommand | undefined {
  const expanded: Word[] = [];
  const rawWords = raw.words;
  for (let i = 0; i < rawWords.length; i++) {
    const w = rawWords[i];
    // Most words are literal: nothing to expand or split.
    if (!w.dynamic) {
      expanded.push(w);
      continue;
    }
    const e = expand(w, out, ctx);
    // The command name, and words whose value holds IFS characters, split the way unquoted expansion does.
    if (e.splits && (i === 0 || w.raw === '\u0001V@\u0002' || w.raw === '\u0001V*\u0002' || w.raw.includes('\u0001VIFS')) && !ASSIGNMENT_RE.test(w.text)) {
      expanded.push(...splitOnIfs(e.word, out.state, (k) => ctx?.scan.substitutions[k]?.text ?? '…'));
    } else expanded.push(e.word);
  }
  let words = expanded;
  const assignments: Record<string, string> = { ...frame.assignments };
  // `X=1 cmd`: the command's own assignments (most commands have none: no object for them).
  let local: Record<string, string> | undefined;
  if (words.length > 0 && ASSIGNMENT_RE.test(words[0].text)) {
    local = {};
    words = takeAssignments(words, local);
    Object.assign(assignments, local);
  }
  if (words.length === 0) {
    const bare = expanded.filter((w) => ASSIGNMENT_RE.test(w.text));
    // `X=rm` on its own sets a shell variable for later commands of the line; rules see it as a command
    // named '' (or ':' when it also redirects: `X=1 > f` empties f).
    for (const w of bare) recordVariable(w, frame, out);
    if (local !== undefined) for (const [k, v] of Object.entries(local)) if (k.startsWith('GIT_CONFIG_')) out.state.vars.set(k, v);
    emitBare(raw.redirects.length > 0 ? ':' : '', bare, raw, { via: frame.via, remote: frame.remote, assignments, depth: frame.depth }, out);
    return undefined;
  }

  const via = [...frame.via];
  let remote = frame.remote;
  let unwrapped = 0;
  for (;;) {
    if (words.length === 0) return undefined;
    if (unwrapped++ >= MAX_UNWRAP) {
      opaque(out, 'opaque.too-deep', `wraps a command in more than ${MAX_UNWRAP} wrappers: the guard stops reading there`, words.map((w) => w.text).join(' '));
      return undefined;
    }
    const first = words[0];
    if (first.dynamic && isLiteralBasename(first.raw)) {
      // `"$VENV"/bin/python x.py`: the folder is unknown, the program is not; judge it by its name.
      words = [{ raw: first.text, text: first.text, dynamic: false }, ...words.slice(1)];
      continue;
    }
    if (first.dynamic) {
      computedName(first, words, ctx, out);
      return undefined;
    }
    if (isComputedName(first.text)) {
      const text = words.map((w) => w.text).join(' ');
      opaque(out, 'opaque.computed-name', `runs a command whose name the shell computes from a pattern (\`${first.text}\`): the guard cannot know which program runs`, text);
      return undefined;
    }
    const name = commandName(first.text);
    const alias = out.state.aliases.get(name);
    if (alias !== undefined && frame.depth <= MAX_DEPTH) {
      // An alias defined on the line: its text replaces the name (an alias does not expand inside itself).
      out.state.aliases.delete(name);
      parseText([alias, ...words.slice(1).map((w) => quoteWord(w))].join(' '), deeper({ via, remote, assignments, depth: frame.depth }, `alias ${name}`), out);
      out.state.aliases.set(name, alias);
      return undefined;
    }
    const body = out.state.functions.get(name);
    if (body) {
      callFunction(name, body, words.slice(1), { via, remote, assignments, depth: frame.depth }, out);
      return undefined;
    }
    // Case-insensitive file systems (macOS, Windows) run `SUDO` and `BASH` as sudo and bash.
    const unwrap = WRAPPERS.get(name) ?? WRAPPERS.get(name.toLowerCase());
    if (!unwrap) break;
    const res = unwrap(words.slice(1), name);
    if (res === null) break;
    if (res.kind === 'none') {
      // `exec 3> f`, `exec > log`: exec with redirects alone opens them for the rest of the shell.
      if (name === 'exec' && raw.redirects.length > 0) emitBare(':', [], raw, { via, remote, assignments, depth: frame.depth }, out);
      return undefined;
    }
    if (res.kind === 'shell') {
      parseText(res.text, { via: [...via, res.via], remote: res.remote ?? remote, assignments, depth: frame.depth + 1 }, out);
      return undefined;
    }
    via.push(res.via);
    if (res.assignments) {
      Object.assign(assignments, res.assignments);
      // `env 'BASH_FUNC_ls%%=() { …; }' bash -c ls`: bash imports that function, so `ls` runs its body.
      for (const [k, v] of Object.entries(res.assignments)) {
        const fn = BASH_FUNC_RE.exec(k);
        if (fn) parseText(`${fn[1]} ${v}`, deeper({ via, remote, assignments, depth: frame.depth }, `env ${k}`), out);
      }
    }
    if (res.remote) remote = res.remote;
    words = takeAssignments(res.words, assignments);
  }

  const name = commandName(words[0].text);
  if (DECLARERS.has(name)) declareVariables(words.slice(1), frame, out);
  const args: string[] = [];
  const dynamic: boolean[] = [];
  for (let k = 1; k < words.length; k++) {
    args.push(words[k].text);
    dynamic.push(words[k].dynamic);
  }
  const cmd: SimpleCommand = {
    name,
    args,
    dynamic,
    assignments,
    redirects: raw.redirects,
    stdin: raw.stdin,
    pipeFrom,
    via,
    remote,
    text: renderCommand(words),
    argv0: words[0].text,
  };
  out.commands.push(cmd);
  followCarriers(cmd, words, raw, { via, remote, assignments, depth: frame.depth }, out, reader);
  return cmd;
}

/** A command name from a variable or a substitution: read when it computes (done by expansion), else ask. */
function computedName(first: Word, words: Word[], ctx: ParseContext | undefined, out: Output): void {
  const text = [first.text, ...words.slice(1).map((w) => w.text)].join(' ');
  const sub = soleSubstitution(first.raw);
  if (sub !== undefined) {
    const computed = ctx?.computed.get(sub);
    const inner = ctx?.scan.substitutions[sub]?.text ?? '';
    if (computed?.kind === 'unreadable') {
      const rule = DOWNLOADERS.has(computed.tool) ? 'opaque.download-exec' : 'opaque.computed-code';
      opaque(out, rule, `runs code produced by \`${computed.tool}\`, which the guard cannot read before it runs`, text);
    } else if (words.length > 1) {
      // A program's output used as the command name, with arguments: the guard cannot know what runs.
      opaque(out, 'opaque.variable-command', `runs a command whose name comes from the output of \`${inner.trim().split(/\s+/)[0] ?? ''}\`: the guard cannot see what it is`, text);
    }
    // A lone `$(pyenv init -)` (as under eval) runs shell code a known program generates: the program itself is checked.
    return;
  }
  const variable = soleVariable(first.raw);
  const what = variable !== undefined ? `a variable (\`${first.text}\`)` : `text computed when it runs (\`${first.text}\`)`;
  opaque(out, 'opaque.variable-command', `runs a command whose name comes from ${what}: the guard cannot see what it is`, text);
}

function callFunction(name: string, body: FunctionBody, args: Word[], frame: Frame, out: Output): void {
  if (frame.depth >= MAX_DEPTH) {
    opaque(out, 'opaque.too-deep', `calls function \`${name}\` too deeply for the guard to follow`, name);
    return;
  }
  const vars = out.state.vars;
  const saved = new Map(vars);
  for (let i = 1; i <= 9; i++) vars.delete(String(i));
  const known = args.every((a) => !a.dynamic);
  args.forEach((a, i) => (a.dynamic ? vars.delete(String(i + 1)) : vars.set(String(i + 1), a.text)));
  if (known) {
    vars.set('@', args.map((a) => a.text).join(' '));
    vars.set('*', args.map((a) => a.text).join(' '));
  } else {
    vars.delete('@');
    vars.delete('*');
  }
  vars.set('#', String(args.length));
  const inner = deeper(frame, `function ${name}`);
  const ctx = body.context as ParseContext;
  const doneSubs = new Set<number>();
  let previous: SimpleCommand | undefined;
  for (const raw of body.raws) {
    const copy: RawCommand = { ...raw, redirects: raw.redirects.slice() };
    parseSubstitutions(copy, ctx, inner, out, doneSubs);
    const cmd = processCommand(copy, raw.pipedFromPrevious ? previous : undefined, inner, out, ctx);
    if (cmd || !isClosingKeyword(raw)) previous = cmd;
  }
  out.state.vars = saved;
}

function quoteWord(w: Word): string {
  if (w.dynamic) return w.text;
  return w.text === '' || /[\s'"\\;&|<>()$`*?{}[\]~#]/.test(w.text) ? `'${w.text.replace(/'/g, `'\\''`)}'` : w.text;
}

function quoteForDisplay(w: Word): string {
  if (w.dynamic) return w.text.includes(' ') ? `"${w.text}"` : w.text;
  return w.text === '' || /[\s'"\\;&|<>()$`*?]/.test(w.text) ? `'${w.text.replace(/'/g, `'\\''`)}'` : w.text;
}

function renderCommand(words: Word[]): string {
  return words.map(quoteForDisplay).join(' ');
}

