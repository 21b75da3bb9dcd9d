// Commands that carry other commands without being wrappers: the carrier itself is still judged by its
// own rules (`git`, `docker run`, `trap` …), and what it will run is read as well:
// `find -exec`, shells fed on stdin or by a pipe, `source <(…)`, interpreter code, trap handlers,
// aliases, git aliases and command-valued git config, `git rebase -x`, `git submodule foreach`,
// `make --eval` / `make -f -`, npm scripts set on the line, `at`/`batch`, `crontab`, `docker run`,
// and the cloud remote-run APIs (`aws ssm send-command`, `az vm run-command invoke`).
import type { SimpleCommand } from '../types';
import { DECODERS, DOWNLOADERS, outputOf, type Computed } from './computedText';
import { cronCommands, makeRecipes } from './makeText';
import { sedEffects, sedScripts } from './sedScript';
import { rawCommand, type RawCommandLike } from './rawCommand';
import { deeper, MAX_DEPTH, opaque, type Frame, type Output, type Reader } from './readerTypes';
import { literalWord, soleSubstitution, type Word } from './words';
import { SHELLS } from './wrappers';
import { mayBeJson } from '../jsonText';

type Carrier = (cmd: SimpleCommand, words: Word[], raw: RawCommandLike, frame: Frame, out: Output, reader: Reader) => void;

const INTERPRETERS = new Set(['python', 'python3', 'python2', 'node', 'nodejs', 'deno', 'ruby', 'perl', 'php']);
const CODE_FLAGS = new Set(['-c', '-e', '--eval', '-E', '-r', '-p', '--print']);
/**
 * `python3 -c "$CODE"`: code computed when it runs, which no scanner can read. Literal code is read by
 * the interpreter scanners (src/engine/interpreters/, after parsing).
 */
const interpreter: Carrier = (cmd, _words, _raw, _frame, out) => {
  for (let i = 0; i < cmd.args.length - 1; i++) {
    if (CODE_FLAGS.has(cmd.args[i]) && cmd.dynamic[i + 1]) {
      opaque(out, 'opaque.computed-code', `runs ${cmd.name} code computed when it runs (\`${cmd.args[i + 1]}\`): the guard cannot read it`, cmd.text);
    }
  }
};

const find: Carrier = (_cmd, words, _raw, frame, out, reader) => {
  for (let i = 1; i < words.length; i++) {
    const w = words[i].text;
    if (w !== '-exec' && w !== '-execdir' && w !== '-ok' && w !== '-okdir') continue;
    let j = i + 1;
    const inner: Word[] = [];
    while (j < words.length && words[j].text !== ';' && words[j].text !== '+') {
      inner.push(words[j].text.includes('{}') ? { ...words[j], dynamic: true } : words[j]);
      j++;
    }
    if (inner.length > 0) reader.processRaw(rawCommand(inner, false), { via: [...frame.via, `find ${w}`], remote: frame.remote, assignments: frame.assignments, depth: frame.depth }, out);
    i = j;
  }
};

/** Says why computed text cannot be read, when it reaches something that runs it. */
function unreadable(out: Output, computed: Computed, runner: string, text: string): void {
  if (computed.kind === 'literal') return;
  if (DOWNLOADERS.has(computed.tool)) {
    opaque(out, 'opaque.download-exec', `runs a script produced by \`${computed.tool}\` with \`${runner}\`: the guard cannot read it before it runs`, text);
  } else if (computed.kind === 'unreadable') {
    opaque(out, 'opaque.computed-code', `runs text computed when it runs (\`${computed.tool}\`) with \`${runner}\`: the guard cannot read it`, text);
  }
}

/** `source <(…)`, `bash <(…)`: a process substitution's output is the script. */
function processSubstitutionScript(cmd: SimpleCommand, word: Word | undefined, frame: Frame, out: Output, reader: Reader): void {
  if (!word || soleSubstitution(word.raw) === undefined) return;
  substitutedScript(cmd, word.text.slice(2, -1), frame, out, reader);
}

/** Reads what a process substitution's command prints, as the script a shell runs. */
function substitutedScript(cmd: SimpleCommand, inner: string, frame: Frame, out: Output, reader: Reader): void {
  const sub: Output = { commands: [], opaque: [], state: out.state };
  reader.parseText(inner, deeper(frame, '<(…)'), sub);
  const top = sub.commands.filter((c) => c.via.length === frame.via.length + 1);
  const last = top[top.length - 1];
  const computed: Computed = last ? outputOf(last) : { kind: 'program', tool: '' };
  if (computed.kind === 'literal') reader.parseText(computed.text, deeper(frame, `${cmd.name} <(…)`), out);
  else if (computed.kind === 'unreadable' || (last && (DECODERS.has(last.name) || DOWNLOADERS.has(last.name)))) unreadable(out, computed.kind === 'program' ? { kind: 'unreadable', tool: last?.name ?? '' } : computed, cmd.name, cmd.text);
}

/** Script paths that are the command's own stdin. */
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0', '-']);

/** `/dev/fd/3`, `/proc/self/fd/3`: a descriptor opened earlier (`exec 3<<<'…'`), whose content is not in view. */
const OTHER_FD_PATH = /^\/(?:dev\/fd|proc\/[^/]+\/fd)\/\d+$/;

/** Reads a script path that is stdin, or asks for one that is another descriptor; false for an ordinary path. */
function scriptFromDescriptor(cmd: SimpleCommand, path: string, frame: Frame, out: Output, reader: Reader): boolean {
  if (STDIN_PATHS.has(path)) {
    runStdin(cmd, frame, out, reader, (t) => [t]);
    return true;
  }
  if (OTHER_FD_PATH.test(path)) {
    opaque(out, 'opaque.computed-code', `runs a script from an open file descriptor (\`${path}\`): the guard cannot read it`, cmd.text);
    return true;
  }
  return false;
}

const source: Carrier = (cmd, words, raw, frame, out, reader) => {
  // PowerShell's `. { … }` runs a script block in the current scope.
  if (words[1]?.text === '{') return scriptBlock(cmd, words, raw, frame, out, reader);
  if (!scriptFromDescriptor(cmd, cmd.args[0] ?? '', frame, out, reader)) processSubstitutionScript(cmd, words[1], frame, out, reader);
};

/** What a command feeds on stdin into a runner: the pipe before it, a heredoc or a here-string. */
function stdinText(cmd: SimpleCommand): Computed | undefined {
  if (cmd.pipeFrom) return outputOf(cmd.pipeFrom);
  return cmd.stdin === undefined ? undefined : { kind: 'literal', text: cmd.stdin };
}

/** Reads what reaches a runner's stdin (`… | sh`, `at now <<EOF`, `… | crontab -`); asks when it cannot. */
function runStdin(cmd: SimpleCommand, frame: Frame, out: Output, reader: Reader, toCommands: (text: string) => string[]): void {
  const input = stdinText(cmd);
  if (!input) return;
  const from = cmd.pipeFrom;
  if (input.kind === 'literal') {
    const label = from ? `${from.name} | ${cmd.name}` : `${cmd.name} <<heredoc`;
    for (const text of toCommands(input.text)) reader.parseText(text, deeper(frame, label), out);
    return;
  }
  const text = from ? `${from.text} | ${cmd.text}` : cmd.text;
  if (from && DOWNLOADERS.has(input.tool)) {
    opaque(out, 'opaque.download-pipe', `pipes a downloaded script (\`${input.tool}\`) into \`${cmd.name}\`: the guard cannot read what will run`, text);
  } else if (from && DECODERS.has(input.tool)) {
    opaque(out, 'opaque.decode-pipe', `decodes hidden content (\`${input.tool}\`) and runs it with \`${cmd.name}\`: the guard cannot read what will run`, text);
  } else if (from) {
    opaque(out, 'opaque.pipe-to-shell', `pipes the output of \`${from.name}\` into \`${cmd.name}\`: the guard cannot read what will run`, text);
  } else unreadable(out, input, cmd.name, text);
}

/** `bash -s args…` reads its script from stdin; otherwise the first operand is the script (after `--`, too). */
function scriptOperand(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return args.length > i + 1 && !args.slice(0, i).some(isStdinFlag) ? i + 1 : -1;
    if (isStdinFlag(a)) return -1;
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') i++;
    else if (!a.startsWith('-') && !a.startsWith('+')) return i;
  }
  return -1;
}

function isStdinFlag(a: string): boolean {
  return a === '-' || /^-(?=[a-zA-Z]*$)[a-zA-Z]*s/.test(a);
}

const shell: Carrier = (cmd, words, raw, frame, out, reader) => {
  const scriptArg = scriptOperand(cmd.args);
  if (scriptArg >= 0) {
    if (!scriptFromDescriptor(cmd, cmd.args[scriptArg], frame, out, reader)) processSubstitutionScript(cmd, words[1 + scriptArg], frame, out, reader);
    return;
  }
  if (raw.stdin !== undefined || cmd.pipeFrom) runStdin(cmd, frame, out, reader, (t) => [t]);
  // `sh < <(…)`: stdin is a process substitution's output (its target reads back as `$(…)`).
  for (const r of raw.redirects) {
    if (r.op === '<' && (r.target.startsWith('<(') || r.target.startsWith('$(')) && r.target.endsWith(')')) substitutedScript(cmd, r.target.slice(2, -1), frame, out, reader);
  }
};

const atJob: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  if (cmd.args.some((a) => a === '-l' || a === '-r' || a === '-d' || a === '-c')) return;
  // `at -f FILE`: the job is that file (`/dev/stdin` is stdin; another file is read by the file readers).
  const f = cmd.args.indexOf('-f');
  if (f >= 0 && !scriptFromDescriptor(cmd, cmd.args[f + 1] ?? '', frame, out, reader)) return;
  if (f < 0) runStdin(cmd, frame, out, reader, (t) => [t]);
};

const crontab: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const installsStdin = cmd.args.length === 0 || cmd.args.includes('-') || (cmd.args.every((a) => a.startsWith('-') && a !== '-l' && a !== '-e' && a !== '-r') && !!cmd.pipeFrom);
  if (!installsStdin) return;
  runStdin(cmd, frame, out, reader, cronCommands);
};

const trap: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  let args = cmd.args;
  if (args[0] === '--') args = args.slice(1);
  const handler = args[0];
  if (handler === undefined || handler === '-' || handler === '' || handler.startsWith('-') || args.length < 2) return;
  reader.parseText(handler, deeper(frame, `trap ${args.slice(1).join(' ')}`), out);
};

const alias: Carrier = (cmd, _words, _raw, _frame, out) => {
  for (const a of cmd.args) {
    const eq = a.indexOf('=');
    if (eq > 0) out.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
  }
};

const make: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const texts: string[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (a === '--eval' || a === '-E') texts.push(cmd.args[i + 1] ?? '');
    else if (a.startsWith('--eval=')) texts.push(a.slice(7));
    else if ((a === '-f' || a === '--file' || a === '--makefile') && cmd.args[i + 1] === '-') {
      const input = stdinText(cmd);
      if (input?.kind === 'literal') texts.push(input.text);
      else if (input) unreadable(out, input, 'make -f -', cmd.text);
    }
  }
  for (const text of texts) for (const recipe of makeRecipes(text)) reader.parseText(recipe, deeper(frame, 'make recipe'), out);
};

/** `npm pkg set scripts.x=…` records; `npm run x` / `yarn x` / `pnpm x` / `bun run x` runs a recorded script. */
const packageScripts: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const a = cmd.args;
  if (a[0] === 'pkg' && a[1] === 'set') {
    for (const kv of a.slice(2)) {
      const m = /^scripts\.([^=]+)=([\s\S]*)$/.exec(kv);
      if (m) out.state.npmScripts.set(m[1], m[2]);
    }
    return;
  }
  let name: string | undefined;
  if (a[0] === 'run' || a[0] === 'run-script') name = a.slice(1).find((x) => !x.startsWith('-'));
  else if (cmd.name !== 'npm' && a[0] !== undefined && !a[0].startsWith('-')) name = a[0];
  const script = name !== undefined ? out.state.npmScripts.get(name) : undefined;
  if (script !== undefined) reader.parseText(script, deeper(frame, `${cmd.name} run ${name}`), out);
};

const GIT_OPTIONS_WITH_VALUE = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
/** git config values that git runs as shell commands. */
const GIT_COMMAND_KEYS = new Set(['core.fsmonitor', 'core.pager', 'core.sshcommand', 'core.editor', 'sequence.editor', 'diff.external', 'core.askpass', 'credential.helper', 'gpg.program']);

/** git's config as this command sees it: earlier `git config` on the line, GIT_CONFIG_*, then `-c`. */
function gitConfigFor(cmd: SimpleCommand, out: Output): { config: Map<string, string>; sub: number } {
  const config = new Map(out.state.gitConfig);
  const env = (k: string): string | undefined => cmd.assignments[k] ?? out.state.vars.get(k);
  const count = Number(env('GIT_CONFIG_COUNT') ?? '0');
  for (let n = 0; n < Math.min(count, 32); n++) {
    const key = env(`GIT_CONFIG_KEY_${n}`);
    const value = env(`GIT_CONFIG_VALUE_${n}`);
    if (key !== undefined && value !== undefined) config.set(key.toLowerCase(), value);
  }
  let i = 0;
  while (i < cmd.args.length && cmd.args[i].startsWith('-')) {
    const a = cmd.args[i];
    if (a === '-c') {
      const kv = cmd.args[i + 1] ?? '';
      const eq = kv.indexOf('=');
      if (eq > 0) config.set(kv.slice(0, eq).toLowerCase(), kv.slice(eq + 1));
    }
    i += GIT_OPTIONS_WITH_VALUE.has(a) ? 2 : 1;
  }
  return { config, sub: i };
}

/** Variables git runs as commands (ssh, pager, editors, diff, askpass) when set for it. */
const GIT_COMMAND_VARIABLES = ['GIT_SSH_COMMAND', 'GIT_PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'PAGER', 'EDITOR', 'VISUAL'];

const git: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  for (const v of GIT_COMMAND_VARIABLES) {
    const value = cmd.assignments[v] ?? out.state.vars.get(v);
    if (value !== undefined && value.trim() !== '') reader.parseText(value, deeper(frame, `git ${v}`), out);
  }
  const { config, sub } = gitConfigFor(cmd, out);
  const subcommand = cmd.args[sub];
  const rest = cmd.args.slice(sub + 1);
  for (const [key, value] of config) {
    if (GIT_COMMAND_KEYS.has(key) && value.trim() !== '' && !(key === 'credential.helper' && !value.startsWith('!'))) {
      reader.parseText(value.replace(/^!/, ''), deeper(frame, `git ${key}`), out);
    }
  }
  if (subcommand === undefined) return;
  if (subcommand === 'config') {
    // `git config [--global|--local|--file f] key value`: later git commands of the line see it.
    const positional: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--file' || rest[i] === '-f' || rest[i] === '--blob') i++;
      else if (!rest[i].startsWith('-')) positional.push(rest[i]);
    }
    if (positional.length >= 2) out.state.gitConfig.set(positional[0].toLowerCase(), positional.slice(1).join(' '));
    return;
  }
  if (subcommand === 'rebase') {
    rest.forEach((a, i) => {
      if (a === '-x' || a === '--exec') reader.parseText(rest[i + 1] ?? '', deeper(frame, 'git rebase --exec'), out);
      else if (a.startsWith('--exec=')) reader.parseText(a.slice(7), deeper(frame, 'git rebase --exec'), out);
    });
    return;
  }
  if (subcommand === 'submodule' && rest[0] === 'foreach') {
    const words = rest.slice(1);
    let i = 0;
    while (i < words.length && words[i].startsWith('--')) i++;
    if (i < words.length) reader.parseText(words.slice(i).join(' '), deeper(frame, 'git submodule foreach'), out);
    return;
  }
  const aliasValue = config.get(`alias.${subcommand.toLowerCase()}`);
  if (aliasValue === undefined) return;
  if (aliasValue.startsWith('!')) {
    // A `!` alias is a shell command; git appends the arguments.
    reader.parseText([aliasValue.slice(1), ...rest].join(' '), deeper(frame, `git alias ${subcommand}`), out);
    return;
  }
  // A plain alias is more git arguments: judge `git <alias value> <args>` as git.
  const words = [literalWord('git'), ...cmd.args.slice(0, sub).map(literalWord), ...aliasValue.split(/\s+/).filter(Boolean).map(literalWord), ...rest.map(literalWord)];
  if (frame.depth < MAX_DEPTH) reader.processRaw(rawCommand(words, false), deeper(frame, `git alias ${subcommand}`), out);
  else opaque(out, 'opaque.too-deep', `expands git alias \`${subcommand}\` too deeply for the guard to follow`, cmd.text);
};

const DOCKER_RUN_WITH_VALUE = new Set(['-v', '--volume', '--mount', '-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--name', '--network', '--net', '-p', '--publish', '--entrypoint', '-h', '--hostname', '--pid', '--ipc', '--uts', '--platform', '--label', '-l', '--cpus', '-m', '--memory', '--restart', '--add-host', '--cap-add', '--cap-drop', '--device', '--gpus', '--log-driver', '--security-opt', '--tmpfs', '--ulimit', '--volumes-from', '--dns', '--runtime', '--pull', '--stop-signal', '--health-cmd', '--group-add']);

/**
 * `docker run … image cmd`: the command runs in a throwaway container, so only what reaches the host
 * counts: paths under a bind mount are read as the host paths they are (`-v /:/host … rm -rf /host/x`
 * deletes `/x`), and with `--privileged`/`--pid=host` an `nsenter -t 1` runs on the host itself.
 */
const dockerRun: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const a = cmd.args;
  let i = a[0] === 'run' ? 1 : a[0] === 'container' && a[1] === 'run' ? 2 : -1;
  if (i < 0) return;
  const mounts: Array<{ host: string; inside: string }> = [];
  let hostAccess = false;
  for (; i < a.length && a[i].startsWith('-'); i++) {
    const opt = a[i];
    const eq = opt.indexOf('=');
    const name = eq > 0 ? opt.slice(0, eq) : opt;
    const value = eq > 0 ? opt.slice(eq + 1) : DOCKER_RUN_WITH_VALUE.has(name) ? a[++i] ?? '' : '';
    if (name === '--privileged' || (name === '--pid' && value === 'host')) hostAccess = true;
    if (name === '-v' || name === '--volume') {
      const [host, inside] = value.split(':');
      if (host && inside && (host.startsWith('/') || host.startsWith('$') || host.startsWith('~'))) mounts.push({ host, inside });
    }
  }
  const rest = a.slice(i + 1);
  if (rest.length === 0) return;
  const mapped = rest.map((arg) => {
    for (const m of mounts) {
      if (arg === m.inside || arg.startsWith(m.inside.endsWith('/') ? m.inside : m.inside + '/')) {
        return (m.host.replace(/\/$/, '') + arg.slice(m.inside.length)).replace(/^$/, '/') || '/';
      }
    }
    return arg;
  });
  const touchesHost = hostAccess || mapped.some((m, k) => m !== rest[k]);
  if (!touchesHost) return;
  const text = mapped.map((w) => (/[\s'"]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w)).join(' ');
  reader.parseText(text, deeper(frame, `${cmd.name} run (host)`), out);
};

const THROWN = Symbol('not JSON');
function parseJsonOrThrown(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return THROWN;
  }
}

/** `aws ssm send-command --document-name AWS-RunShellScript --parameters commands=…`: the commands run on the instances. */
const awsSsm: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const a = cmd.args;
  if (a[0] !== 'ssm' || a[1] !== 'send-command') return;
  const value = (flag: string): string | undefined => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === flag) return a[i + 1];
      if (a[i].startsWith(flag + '=')) return a[i].slice(flag.length + 1);
    }
    return undefined;
  };
  const params = value('--parameters');
  if (params === undefined) return;
  const commands: string[] = [];
  // `mayBeJson` first: most values are the shorthand `commands=…`, and a JSON.parse that throws is slow.
  // JSON `null` goes the shorthand's way too (reading its `commands` threw there before).
  const json = mayBeJson(params) ? parseJsonOrThrown(params) : THROWN;
  if (json !== THROWN && json !== null) {
    const list = (json as { commands?: unknown }).commands;
    if (Array.isArray(list)) for (const c of list) if (typeof c === 'string') commands.push(c);
  } else {
    const m = /^commands=([\s\S]*)$/.exec(params);
    if (m) {
      const list = mayBeJson(m[1]) ? parseJsonOrThrown(m[1]) : THROWN;
      if (list === THROWN) commands.push(m[1]);
      else if (Array.isArray(list)) for (const c of list) if (typeof c === 'string') commands.push(c);
    }
  }
  for (const c of commands) reader.parseText(c, deeper(frame, `aws ssm send-command ${value('--document-name') ?? ''}`.trim()), out);
};

/** `az vm run-command invoke … --scripts 'cmd' 'cmd'`. */
const azRunCommand: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const a = cmd.args;
  if (!(a[0] === 'vm' || a[0] === 'vmss') || a[1] !== 'run-command') return;
  const at = a.indexOf('--scripts');
  if (at < 0) return;
  for (let i = at + 1; i < a.length && !a[i].startsWith('--'); i++) reader.parseText(a[i], deeper(frame, 'az vm run-command'), out);
};

/**
 * PowerShell's `iex 'text'` / `Invoke-Expression 'text'` runs text like `eval`: literal text is read (the
 * command itself stays for the PowerShell rules, which ask for computed text).
 */
/** `-Command` and the prefixes PowerShell accepts for it (`-c`, `-com`). */
const COMMAND_PARAM = /^-c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?$/i;
/** Items of an `-ArgumentList 'a','b'` array as the reader hands it on. */
const ARG_LIST_SEPARATOR = /'\s*,\s*'|"\s*,\s*"|,/;
const BACKSLASH = /\\/g;

const invokeExpression: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  // `Invoke-Expression -Command 'text'`: the parameter name is not part of the text.
  const args = COMMAND_PARAM.test(cmd.args[0] ?? '') ? cmd.args.slice(1) : cmd.args;
  if (args.length > 0 && !cmd.dynamic.some(Boolean)) reader.parseText(args.join(' '), deeper(frame, 'Invoke-Expression'), out);
};

/**
 * A PowerShell script block handed to a command that runs it: `Invoke-Command -ScriptBlock { … }`,
 * `icm -ComputerName srv { … }`, `. { … }`. The shell reader has already split the block at `;`, so the
 * later commands stand on their own; the first one starts after the `{` and is read here.
 */
const scriptBlock: Carrier = (_cmd, words, _raw, frame, out, reader) => {
  const open = words.findIndex((w, k) => k > 0 && w.text === '{');
  if (open < 0) return;
  const close = words.findIndex((w, k) => k > open && w.text === '}');
  const inner = words.slice(open + 1, close < 0 ? words.length : close);
  if (inner.length > 0) reader.processRaw(rawCommand(inner, false), deeper(frame, `${words[0].text} { … }`), out);
};

const START_PROCESS_WITH_VALUE = new Set(['-filepath', '-argumentlist', '-args', '-workingdirectory', '-verb', '-windowstyle', '-credential', '-redirectstandardoutput', '-redirectstandarderror', '-redirectstandardinput']);

/** `Start-Process cmd -ArgumentList '/c rd /s /q C:\data'`: the program runs with those arguments. */
const startProcess: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  let program: string | undefined;
  const argList: string[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    const lower = a.toLowerCase();
    if (lower === '-filepath') program = cmd.args[++i];
    else if (lower === '-argumentlist' || lower === '-args') argList.push(...(cmd.args[++i] ?? '').split(ARG_LIST_SEPARATOR));
    else if (START_PROCESS_WITH_VALUE.has(lower)) i++;
    else if (a.startsWith('-')) continue;
    else if (program === undefined) program = a;
    else argList.push(a);
  }
  if (program === undefined) return;
  // Windows paths keep their backslashes when the text is read again.
  const text = [program, ...argList].join(' ').replace(BACKSLASH, '\\\\');
  reader.parseText(text, deeper(frame, 'Start-Process'), out);
};

/** Interpreters with no code scanner, and the options that hand them code inline. */
const UNREAD_INTERPRETERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['julia', new Set(['-e', '-E', '--eval', '--print'])],
  ['groovy', new Set(['-e'])],
  ['scala', new Set(['-e'])],
  ['kotlin', new Set(['-e'])],
  ['swift', new Set(['-e'])],
  ['elixir', new Set(['-e', '--eval'])],
  ['erl', new Set(['-eval'])],
  ['clojure', new Set(['-e', '--eval'])],
  ['clj', new Set(['-e', '--eval'])],
  ['racket', new Set(['-e', '--eval'])],
  ['guile', new Set(['-c'])],
  ['ghc', new Set(['-e'])],
  ['jshell', new Set()],
  ['dotnet', new Set(['-e'])],
]);
/** Words of code that starts programs or deletes or writes things, in most languages. */
const CODE_EFFECT_WORD = /\b(?:run|exec\w*|system|spawn\w*|process\w*|runtime|shell|popen|command|rm\w*|delete\w*|remove\w*|unlink|drop|truncate|write\w*|eval|execute)\b|[`!]/i;

/**
 * `julia -e '…'`, `groovy -e '…'`, `jshell <<< '…'`: code in a language the guard has no reader for. Code that
 * names no way to run a program, delete or write (`println(1)`) runs; anything else asks.
 */
const unreadInterpreter: Carrier = (cmd, _words, _raw, _frame, out) => {
  const flags = UNREAD_INTERPRETERS.get(cmd.name);
  if (flags === undefined || (cmd.name === 'dotnet' && cmd.args[0] !== 'script')) return;
  const code: string[] = [];
  for (let i = 0; i < cmd.args.length - 1; i++) if (flags.has(cmd.args[i])) code.push(cmd.args[i + 1]);
  if (cmd.stdin !== undefined) code.push(cmd.stdin);
  const text = code.join('\n');
  if (CODE_EFFECT_WORD.test(text) || cmd.dynamic.some(Boolean)) {
    opaque(out, 'opaque.unread-code', `runs ${cmd.name} code, a language the guard cannot read, and the code may start programs or delete files`, cmd.text);
  }
};

/** GNU sed's `e` command and `s///e` run commands; `w file` writes a file (judged as `tee file`). */
const sed: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  for (const script of sedScripts(cmd.args)) {
    const { runs, writes } = sedEffects(script);
    for (const text of runs) {
      if (text === undefined) opaque(out, 'opaque.computed-code', 'runs the text sed has built (`e`) as a command: the guard cannot read it', cmd.text);
      else reader.parseText(text, deeper(frame, 'sed e'), out);
    }
    for (const file of writes) reader.parseText(`tee -- '${file.replace(/'/g, "'\\''")}'`, deeper(frame, 'sed w'), out);
  }
};

/** `do shell script "…"` (AppleScript) / `doShellScript("…")` (JXA), with a literal string and nothing joined to it. */
const APPLESCRIPT_SHELL = /(?:do\s+shell\s+script|doShellScript)\s*\(?\s*("(?:[^"\\]|\\.)*")?\s*(&|\+)?/gi;

/** `osascript -e 'do shell script "rm -rf x"'`: the shell script is read; one built at run time asks. */
const osascript: Carrier = (cmd, _words, _raw, frame, out, reader) => {
  const code = cmd.args.filter((_a, i) => cmd.args[i - 1] === '-e').join('\n');
  for (const m of code.matchAll(APPLESCRIPT_SHELL)) {
    if (m[1] === undefined || m[2] !== undefined) opaque(out, 'opaque.computed-code', 'runs a shell script AppleScript builds when it runs (`do shell script`): the guard cannot read it', cmd.text);
    else reader.parseText(m[1].slice(1, -1).replace(/\\(.)/g, '$1'), deeper(frame, 'osascript do shell script'), out);
  }
};

const CARRIERS: ReadonlyMap<string, Carrier> = new Map<string, Carrier>([
  ...[...UNREAD_INTERPRETERS.keys()].map((n) => [n, unreadInterpreter] as const),
  ['osascript', osascript],
  ['sed', sed],
  ['gsed', sed],
  ...[...INTERPRETERS].map((n) => [n, interpreter] as const),
  ['find', find],
  ['source', source],
  ['.', source],
  ...[...SHELLS].map((n) => [n, shell] as const),
  ['at', atJob],
  ['batch', atJob],
  ['crontab', crontab],
  ['trap', trap],
  ['alias', alias],
  ['make', make],
  ['gmake', make],
  ['npm', packageScripts],
  ['yarn', packageScripts],
  ['pnpm', packageScripts],
  ['bun', packageScripts],
  ['git', git],
  ['docker', dockerRun],
  ['podman', dockerRun],
  ['aws', awsSsm],
  ['az', azRunCommand],
  ['Invoke-Command', scriptBlock],
  ['invoke-command', scriptBlock],
  ['icm', scriptBlock],
  ['Start-Process', startProcess],
  ['start-process', startProcess],
  ['saps', startProcess],
  ['iex', invokeExpression],
  ['Invoke-Expression', invokeExpression],
  ['invoke-expression', invokeExpression],
]);

export function followCarriers(cmd: SimpleCommand, words: Word[], raw: RawCommandLike, frame: Frame, out: Output, reader: Reader): void {
  CARRIERS.get(cmd.name)?.(cmd, words, raw, frame, out, reader);
}
