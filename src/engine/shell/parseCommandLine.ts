// Turns a command line into every simple command the shell would run, wrappers peeled off and
// nested command strings (`bash -c`, `$(…)`, `ssh host '…'`, `… | sh`, heredocs into a shell)
// parsed recursively. What cannot be seen into becomes `opaque` content, which always asks.
import { parse as shellQuoteParse } from 'shell-quote';
import type { OpaqueContent, ParsedCommandLine, Redirect, SimpleCommand } from '../types';
import { lexicalScan, type ScanResult } from './lexicalScan';
import { heredocIndex, literalWord, makeWord, soleSubstitution, soleVariable, substitutionIndexes, type Word } from './words';
import { SHELLS, WRAPPERS } from './wrappers';

const MAX_DEPTH = 8;
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', ';&', ';;&', '(', ')', '|', '|&']);
const PIPES = new Set(['|', '|&']);
/** Reserved words that may stand in front of a command; they run nothing themselves. */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac', '[[', ']]']);
/** Headers whose words are not a command (`for f in *.log`). */
const HEADERS = new Set(['for', 'select', 'case', 'function', 'coproc', 'in']);
const ASSIGNMENT_RE = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'Invoke-WebRequest', 'iwr', 'Invoke-RestMethod', 'irm']);
const DECODERS = new Set(['base64', 'base32', 'xxd', 'openssl', 'gunzip', 'zcat', 'uudecode', 'rev']);

interface RawCommand {
  words: Word[];
  redirects: Redirect[];
  stdin?: string;
  pipedFromPrevious: boolean;
}

interface Frame {
  via: string[];
  remote?: string;
  assignments: Record<string, string>;
  depth: number;
}

interface Output {
  commands: SimpleCommand[];
  opaque: OpaqueContent[];
  /** Same-line variables (`X=rm; $X -rf ~`), read the way the shell reads them. */
  vars: Map<string, string>;
}

export function parseCommandLine(text: string): ParsedCommandLine {
  const out: Output = { commands: [], opaque: [], vars: new Map() };
  parseText(text, { via: [], assignments: {}, depth: 0 }, out);
  return { commands: out.commands, opaque: out.opaque };
}

/** Basename as the shell resolves it: `/usr/bin/git` → `git`, `\rm` → `rm`. */
export function commandName(word: string): string {
  let start = 0;
  while (word.charCodeAt(start) === 92 /* \\ */) start++;
  const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'));
  if (slash >= start && slash < word.length - 1) return word.slice(slash + 1);
  return start > 0 ? word.slice(start) : word;
}

function opaque(out: Output, rule: string, summary: string, command: string): void {
  out.opaque.push({ rule, summary, command });
}

function parseText(text: string, frame: Frame, out: Output): void {
  if (frame.depth > MAX_DEPTH) {
    opaque(out, 'opaque.too-deep', 'nests commands inside commands too deeply for the guard to follow', text);
    return;
  }
  const scan = lexicalScan(text);
  if (scan.error) opaque(out, 'opaque.parse-error', `could not read this command (${scan.error})`, text);
  let tokens: ReturnType<typeof shellQuoteParse>;
  try {
    tokens = shellQuoteParse(scan.text);
  } catch (err) {
    opaque(out, 'opaque.parse-error', `could not read this command (${(err as Error).message})`, text);
    return;
  }
  const subText = (i: number): string => scan.substitutions[i]?.text ?? '…';
  const raws = splitCommands(tokens, scan, subText);
  const doneSubs = new Set<number>();
  let previous: SimpleCommand | undefined;
  for (const raw of raws) {
    parseSubstitutions(raw, scan, frame, out, doneSubs);
    const cmd = processCommand(raw, raw.pipedFromPrevious ? previous : undefined, frame, out);
    previous = cmd;
  }
}

function splitCommands(tokens: ReturnType<typeof shellQuoteParse>, scan: ScanResult, subText: (i: number) => string): RawCommand[] {
  const raws: RawCommand[] = [];
  let current: RawCommand = { words: [], redirects: [], pipedFromPrevious: false };
  const finish = (pipeNext: boolean): void => {
    if (current.words.length > 0 || current.redirects.length > 0) raws.push(current);
    current = { words: [], redirects: [], pipedFromPrevious: pipeNext && (current.words.length > 0 || current.redirects.length > 0) };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t === 'string') {
      current.words.push(makeWord(t, subText));
      continue;
    }
    if ('comment' in t) continue;
    if ('op' in t && t.op === 'glob') {
      const pattern = (t as { pattern: string }).pattern;
      current.words.push({ ...makeWord(pattern, subText), dynamic: pattern.includes('\u0001') });
      continue;
    }
    const op = (t as { op: string }).op;
    if (SEPARATORS.has(op)) {
      finish(PIPES.has(op));
      continue;
    }
    // A redirect: its target is the next token. A lone number before it is the file descriptor.
    const last = current.words[current.words.length - 1];
    if (last && /^\d+$/.test(last.raw)) current.words.pop();
    const next = tokens[i + 1];
    i++;
    const targetRaw = typeof next === 'string' ? next : next && 'pattern' in next ? (next as { pattern: string }).pattern : '';
    if (op === '<<') {
      const h = heredocIndex(targetRaw);
      current.stdin = h !== undefined ? scan.heredocs[h]?.body ?? '' : '';
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

/** Command substitutions run whatever command they sit in: parse each once, in order. */
function parseSubstitutions(raw: RawCommand, scan: ScanResult, frame: Frame, out: Output, done: Set<number>): void {
  const carriers = raw.words.map((w) => w.raw).concat(raw.redirects.filter((r) => r.op === '$sub').map((r) => r.target));
  for (const carrier of carriers) {
    for (const idx of substitutionIndexes(carrier)) {
      if (done.has(idx)) continue;
      done.add(idx);
      const sub = scan.substitutions[idx];
      if (!sub || sub.kind === 'arithmetic') continue;
      const label = sub.kind === 'process-in' ? '<(…)' : sub.kind === 'process-out' ? '>(…)' : '$(…)';
      parseText(sub.text, { via: [...frame.via, label], remote: frame.remote, assignments: {}, depth: frame.depth + 1 }, out);
    }
  }
  raw.redirects = raw.redirects.filter((r) => r.op !== '$sub');
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

/** The output of `echo word…` / `printf word` when it is literal, else undefined. */
function literalEcho(text: string): string | undefined {
  const m = /^\s*(echo|printf)\s+([A-Za-z0-9_./ -]+?)\s*$/.exec(text);
  return m ? m[2].replace(/^-[neE]+\s+/, '') : undefined;
}

/** True when a word's last path segment holds no variable or substitution (`$DIR/bin/tool`). */
function isLiteralBasename(raw: string): boolean {
  const slash = raw.lastIndexOf('/');
  return slash >= 0 && slash < raw.length - 1 && !raw.slice(slash + 1).includes('\u0001') && !raw.slice(slash + 1).includes('\u0002');
}

function firstCommandOf(text: string): string {
  const m = /^\s*(?:sudo\s+)?([^\s;|&]+)/.exec(text);
  return m ? commandName(m[1]) : '';
}

function processCommand(raw: RawCommand, pipeFrom: SimpleCommand | undefined, frame: Frame, out: Output): SimpleCommand | undefined {
  let words = raw.words;
  while (words.length > 0 && !words[0].dynamic && LEADING_KEYWORDS.has(words[0].text)) words = words.slice(1);
  if (words.length > 0 && !words[0].dynamic && HEADERS.has(words[0].text)) return undefined;

  const assignments: Record<string, string> = { ...frame.assignments };
  const local: Record<string, string> = {};
  words = takeAssignments(words, local);
  Object.assign(assignments, local);
  if (words.length === 0) {
    // `X=rm` on its own sets a shell variable for later commands of the line.
    for (const [k, v] of Object.entries(local)) out.vars.set(k, v);
    return undefined;
  }

  const via = [...frame.via];
  let remote = frame.remote;
  for (let guard = 0; guard < 32 && words.length > 0; guard++) {
    const first = words[0];
    const variable = soleVariable(first.raw);
    if (variable !== undefined && out.vars.has(variable)) {
      const value = out.vars.get(variable) as string;
      words = [...value.split(/\s+/).filter(Boolean).map(literalWord), ...words.slice(1)];
      continue;
    }
    if (first.dynamic && isLiteralBasename(first.raw)) {
      // `"$VENV"/bin/python x.py`: the folder is unknown, the program is not; judge it by its name.
      words = [{ raw: first.text, text: first.text, dynamic: false }, ...words.slice(1)];
      continue;
    }
    if (first.dynamic) {
      const sub = soleSubstitution(first.raw);
      const text = [first.text, ...words.slice(1).map((w) => w.text)].join(' ');
      if (sub !== undefined) {
        const inner = first.text.slice(2, -1);
        // `$(echo rm) -rf ~`: a literal echo is read the way the shell reads it.
        const echoed = literalEcho(inner);
        if (echoed !== undefined) {
          words = [...echoed.split(/\s+/).filter(Boolean).map(literalWord), ...words.slice(1)];
          continue;
        }
        const innerName = firstCommandOf(inner);
        if (DOWNLOADERS.has(innerName) || DECODERS.has(innerName)) {
          // `$(curl …)` run as a command: its output is code the guard cannot read.
          opaque(out, 'opaque.download-exec', `runs code produced by \`${innerName}\`, which the guard cannot read before it runs`, text);
        } else if (words.length > 1) {
          // A program's output used as the command name, with arguments: the guard cannot know what runs.
          opaque(out, 'opaque.variable-command', `runs a command whose name comes from the output of \`${innerName}\`: the guard cannot see what it is`, text);
        }
        // A lone `$(pyenv init -)` (as under eval) runs shell code a known program generates: the program itself is checked.
        return undefined;
      }
      opaque(out, 'opaque.variable-command', `runs a command whose name comes from a variable (\`${first.text}\`): the guard cannot see what it is`, text);
      return undefined;
    }
    const name = commandName(first.text);
    const unwrap = WRAPPERS.get(name);
    if (!unwrap) break;
    const res = unwrap(words.slice(1), name);
    if (res === null) break;
    if (res.kind === 'none') {
      if (name === 'ssh' && raw.stdin !== undefined) {
        const host = words.slice(1).find((w) => !w.text.startsWith('-'))?.text ?? 'host';
        parseText(raw.stdin, { via: [...via, `ssh ${host} <<heredoc`], remote: host, assignments, depth: frame.depth + 1 }, out);
      }
      return undefined;
    }
    if (res.kind === 'shell') {
      parseText(res.text, { via: [...via, res.via], remote: res.remote ?? remote, assignments, depth: frame.depth + 1 }, out);
      return undefined;
    }
    via.push(res.via);
    if (res.assignments) Object.assign(assignments, res.assignments);
    if (res.remote) remote = res.remote;
    words = takeAssignments(res.words, assignments);
  }
  if (words.length === 0) return undefined;

  const cmd: SimpleCommand = {
    name: commandName(words[0].text),
    args: words.slice(1).map((w) => w.text),
    dynamic: words.slice(1).map((w) => w.dynamic),
    assignments,
    redirects: raw.redirects,
    stdin: raw.stdin,
    pipeFrom,
    via,
    remote,
    text: renderCommand(words),
  };
  out.commands.push(cmd);
  followCarriers(cmd, words, raw, { via, remote, assignments, depth: frame.depth }, out);
  return cmd;
}

function quoteForDisplay(w: Word): string {
  if (w.dynamic) return w.text.includes(' ') ? `"${w.text}"` : w.text;
  return w.text === '' || /[\s'"\\;&|<>()$`*?]/.test(w.text) ? `'${w.text.replace(/'/g, `'\\''`)}'` : w.text;
}

function renderCommand(words: Word[]): string {
  return words.map(quoteForDisplay).join(' ');
}

/** Commands that carry other commands without being wrappers: `find -exec`, shells fed on stdin. */
function followCarriers(cmd: SimpleCommand, words: Word[], raw: RawCommand, frame: Frame, out: Output): void {
  if (cmd.name === 'find') {
    for (let i = 1; i < words.length; i++) {
      const w = words[i].text;
      if (w !== '-exec' && w !== '-execdir' && w !== '-ok' && w !== '-okdir') continue;
      let j = i + 1;
      const inner: Word[] = [];
      while (j < words.length && words[j].text !== ';' && words[j].text !== '+') {
        inner.push(words[j].text.includes('{}') ? { ...words[j], dynamic: true } : words[j]);
        j++;
      }
      if (inner.length > 0) {
        const carried: RawCommand = { words: inner, redirects: [], pipedFromPrevious: false };
        processCommand(carried, undefined, { ...frame, via: [...frame.via, `find ${w}`] }, out);
      }
      i = j;
    }
    return;
  }
  if (INTERPRETERS.has(cmd.name)) {
    for (const command of shellCallsInCode(cmd)) {
      parseText(command, { ...frame, via: [...frame.via, `${cmd.name} code`], depth: frame.depth + 1 }, out);
    }
    return;
  }
  if (cmd.name === 'source' || cmd.name === '.') {
    // `source <(curl …)` runs a downloaded script in the current shell.
    const w = words[1];
    if (w && soleSubstitution(w.raw) !== undefined) {
      const innerName = firstCommandOf(w.text.slice(2, -1));
      if (DOWNLOADERS.has(innerName) || DECODERS.has(innerName)) {
        opaque(out, 'opaque.download-exec', `runs a script produced by \`${innerName}\`, which the guard cannot read before it runs`, cmd.text);
      }
    }
    return;
  }
  if (!SHELLS.has(cmd.name)) return;
  const scriptArg = cmd.args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (scriptArg !== undefined) {
    // `bash <(curl …)` runs a downloaded script.
    const w = words[1 + cmd.args.indexOf(scriptArg)];
    const sub = w ? soleSubstitution(w.raw) : undefined;
    if (sub !== undefined) {
      const innerName = firstCommandOf(w.text.slice(2, -1));
      if (DOWNLOADERS.has(innerName) || DECODERS.has(innerName)) {
        opaque(out, 'opaque.download-exec', `runs a script produced by \`${innerName}\`, which the guard cannot read before it runs`, cmd.text);
      }
    }
    return;
  }
  if (raw.stdin !== undefined) {
    parseText(raw.stdin, { ...frame, via: [...frame.via, `${cmd.name} <<heredoc`], depth: frame.depth + 1 }, out);
    return;
  }
  if (cmd.pipeFrom) pipedIntoShell(cmd, cmd.pipeFrom, frame, out);
}

const INTERPRETERS = new Set(['python', 'python3', 'python2', 'node', 'nodejs', 'deno', 'ruby', 'perl', 'php']);
const CODE_FLAGS = new Set(['-c', '-e', '--eval', '-E', '-r', '-p', '--print']);
/**
 * Calls that hand a string to a shell from interpreter code: `os.system("…")`, `subprocess.run("…")`
 * or its list form, `execSync("…")`, Ruby/Perl `system("…")`. Group 2 is a string literal, group 3 a list.
 */
const SHELL_CALL_RE = /(?:os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput)|execSync|execFileSync|spawnSync|exec|system)\s*\(\s*(?:(['"`])((?:\\.|(?!\1)[^\\])*)\1|\[([^\]]*)\])/g;
const STRING_LITERAL_RE = /(['"])((?:\\.|(?!\1)[^\\])*)\1/g;

/** Shell command lines that code passed with `python -c` / `node -e` would run. */
function shellCallsInCode(cmd: SimpleCommand): string[] {
  const found: string[] = [];
  for (let i = 0; i < cmd.args.length - 1; i++) {
    if (!CODE_FLAGS.has(cmd.args[i]) || cmd.dynamic[i + 1]) continue;
    for (const m of cmd.args[i + 1].matchAll(SHELL_CALL_RE)) {
      if (m[2] !== undefined) found.push(m[2]);
      else if (m[3] !== undefined) found.push([...m[3].matchAll(STRING_LITERAL_RE)].map((x) => x[2]).join(' '));
    }
  }
  return found;
}

const ECHO_FLAG_RE = /^-[neE]+$/;

function literalOutput(from: SimpleCommand): string | undefined {
  if (from.dynamic.some(Boolean)) return undefined;
  if (from.name === 'echo') {
    const args = from.args.slice();
    while (args.length > 0 && ECHO_FLAG_RE.test(args[0])) args.shift();
    return args.join(' ');
  }
  if (from.name === 'printf') return from.args.join(' ').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  if (from.stdin !== undefined && from.name === 'cat' && from.args.length === 0) return from.stdin;
  return undefined;
}

/** `… | sh`: read what is piped when it is literal or a literal that decodes; otherwise ask. */
function pipedIntoShell(shellCmd: SimpleCommand, from: SimpleCommand, frame: Frame, out: Output): void {
  const label = `${from.name} | ${shellCmd.name}`;
  const literal = literalOutput(from);
  if (literal !== undefined) {
    parseText(literal, { ...frame, via: [...frame.via, label], depth: frame.depth + 1 }, out);
    return;
  }
  const decodes = from.name === 'base64' && from.args.some((a) => a === '-d' || a === '--decode' || a === '-D');
  if (decodes && from.pipeFrom) {
    const encoded = literalOutput(from.pipeFrom);
    if (encoded !== undefined) {
      const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
      // Only trust a decode that yields readable text; binary garbage means we did not read it.
      if (decoded.length > 0 && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded)) {
        parseText(decoded, { ...frame, via: [...frame.via, 'base64 -d | ' + shellCmd.name], depth: frame.depth + 1 }, out);
        return;
      }
    }
  }
  const text = `${from.text} | ${shellCmd.text}`;
  if (DOWNLOADERS.has(from.name)) {
    opaque(out, 'opaque.download-pipe', `pipes a downloaded script (\`${from.name}\`) into \`${shellCmd.name}\`: the guard cannot read what will run`, text);
  } else if (DECODERS.has(from.name)) {
    opaque(out, 'opaque.decode-pipe', `decodes hidden content (\`${from.name}\`) and runs it with \`${shellCmd.name}\`: the guard cannot read what will run`, text);
  } else {
    opaque(out, 'opaque.pipe-to-shell', `pipes the output of \`${from.name}\` into \`${shellCmd.name}\`: the guard cannot read what will run`, text);
  }
}
