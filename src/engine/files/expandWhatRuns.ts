// "Read what runs, or ask" for files: after the line is parsed, every command that runs a file
// (`bash x.sh`, `./x.sh`, `source x.sh`, `npm run x`, `make`, `just x`, `python x.py`, inline interpreter
// code) has what it runs read and parsed the same way, nested with `via` naming the file; files that
// feed a command (`psql -f`, `curl -d @f`, `-K f`, `--cli-input-json file://f`) are checked. Files are
// read only through the caller's bounded FileAccess; files written earlier on the line are read from
// what the line wrote. Bounds (size, depth, count, time) and unreadable files ask and say which;
// a file that does not exist only becomes a note (the command fails by itself).
import type { EvalContext, FileAccess, FileRead, OpaqueContent, ParsedCommandLine, SimpleCommand } from '../types';
import { parseCommandLine } from '../shell/parseCommandLine';
import { SHELLS } from '../shell/wrappers';
import { stdinText } from '../http/commandInput';
import { describeFailure, joinPath, MAX_FILE_DEPTH, MAX_FILES_PER_LINE } from './fileBounds';
import { makeRecipes } from './makefile';
import { justRecipes } from './justfile';
import { runnerTargets, scriptRunOf, scriptsToRun } from './packageScripts';
import { curlConfigArgs, cliInputArgs } from './inputFiles';
import { codeSources, familyOfCommand, familyOfShebang, FAMILY_BY_EXTENSION, type CodeSource } from '../interpreters/interpreterInvocation';
import { scanCode } from '../interpreters/scanCode';
import { effectToShell } from '../interpreters/codeEffectsToShell';
import { JAVASCRIPT, type Family } from '../interpreters/families';

export interface ExpandedLine extends ParsedCommandLine {
  /** What the person may want to know but does not ask (a script that does not exist). */
  notes: string[];
  /** The context the rules get: its files include those the line writes before reading them (`> q.sql && psql -f q.sql`). */
  context: EvalContext;
}

interface State {
  files?: FileAccess;
  cwd: string;
  home?: string;
  /** Files written earlier on the line: their text, or who wrote them when the guard cannot know what. */
  written: Map<string, { text?: string; by: string }>;
  reads: number;
  /** Files (and scripts, targets) being read, outermost first: one that runs itself again is a loop. */
  stack: string[];
  /** The file whose text is being read now; a nested run of the same file (`npm run a` → `npm run b`) is not a level deeper. */
  file?: string;
  /** Folder the line has `cd`-ed into, relative to the cwd ('' for the cwd itself). */
  dir: string;
  /** Texts parsed so far for this line: a budget against fan-out (`run-p` of hundreds of scripts). */
  nested: number;
  packageJson: Map<string, Record<string, unknown> | null>;
  out: ExpandedLine;
}

/** Commands this step looks at; everything else passes through untouched (the no-file path). */
const LOOKED_AT: ReadonlySet<string> = new Set([
  ...SHELLS, 'source', '.', 'npm', 'yarn', 'pnpm', 'bun', 'deno', 'make', 'gmake', 'just', 'run-s', 'run-p', 'npm-run-all', 'npm-run-all2', 'concurrently',
  'curl', 'aws', 'psql', 'mysql', 'mariadb', 'sqlite3', 'duckdb', 'go', 'rails',
]);
/** Folders whose programs are installed software, not the project's scripts: run by path, they are not read. */
const SYSTEM_PREFIXES = ['/usr/', '/bin/', '/sbin/', '/lib/', '/opt/', '/nix/', '/snap/', '/System/', '/Library/', '/Applications/', '/etc/'];
const WINDOWS_PROGRAM_FOLDERS = ['/program files/', '/program files (x86)/', '/windows/', '/programdata/'];
const DRIVE = /^[A-Za-z]:/;

/** `/usr/bin/git`, `C:/Program Files/Git/bin/git.exe`: installed software, judged by its name, not read. */
function isInstalledProgram(word: string): boolean {
  if (SYSTEM_PREFIXES.some((p) => word.startsWith(p))) return true;
  if (!DRIVE.test(word)) return false;
  const rest = word.slice(2).replace(/\\/g, '/').toLowerCase();
  return WINDOWS_PROGRAM_FOLDERS.some((p) => rest.startsWith(p));
}
const SHELL_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
const MAKE_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-C', '-f', '-I', '-o', '-W', '--directory', '--file', '--makefile', '--include-dir', '--old-file', '--what-if', '-l', '--load-average']);
const MAKE_DRY: ReadonlySet<string> = new Set(['-n', '--dry-run', '--just-print', '--recon', '-q', '--question', '-p', '--print-data-base', '--help', '-h', '-v', '--version']);
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const JUSTFILES = ['justfile', 'Justfile', '.justfile'];
const ECHO_OPTIONS = /^-[neE]+$/;
/** Texts one line may expand into (scripts, recipe lines, code effects) before the line asks. */
const MAX_NESTED_TEXTS = 400;
const HOME_PREFIX = /^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/;

export function expandWhatRuns(parsed: ParsedCommandLine, ctx: EvalContext): ExpandedLine {
  const out: ExpandedLine = { commands: [], opaque: [...parsed.opaque], notes: [], context: ctx };
  const st: State = { files: ctx.files, cwd: ctx.cwd ?? '/', home: ctx.env?.HOME, written: new Map(), reads: 0, stack: [], dir: '', nested: 0, packageJson: new Map(), out };
  visit(parsed.commands, 0, st);
  if (st.written.size > 0 && ctx.files) out.context = withWrittenFiles(ctx, ctx.files, st);
  return out;
}

/** Rules read files through this: what the line wrote first, then the disk. */
function withWrittenFiles(ctx: EvalContext, files: FileAccess, st: State): EvalContext {
  const read = (p: string): FileRead => {
    const w = st.written.get(keyOf(p, st));
    if (!w) return files.read(p);
    return w.text !== undefined ? { ok: true, text: w.text } : { ok: false, reason: 'unreadable', detail: `written earlier on this line by \`${w.by}\`` };
  };
  return {
    ...ctx,
    files: { read },
    readFile: (p: string) => {
      const r = read(p);
      return r.ok ? r.text : undefined;
    },
  };
}

function visit(cmds: readonly SimpleCommand[], depth: number, st: State): void {
  const dir = st.dir;
  for (const cmd of cmds) {
    st.out.commands.push(cmd);
    if (cmd.remote !== undefined) continue;
    if (cmd.name === 'cd' && cmd.args.length === 1 && !cmd.dynamic[0] && cmd.args[0] !== '-') {
      // `cd src && make`: later files of this text are read from there.
      const to = cmd.args[0];
      st.dir = to.startsWith('/') || to.startsWith('~') ? to : st.dir === '' ? to : `${st.dir}/${to}`;
      continue;
    }
    noteWrites(cmd, st);
    try {
      whatRuns(cmd, depth, st);
    } catch (err) {
      opaque(st, 'files.error', `could not read what \`${cmd.name}\` runs (${(err as Error).message})`, cmd.text);
    }
  }
  st.dir = dir;
}

function opaque(st: State, rule: string, summary: string, command: string): void {
  st.out.opaque.push({ rule, summary, command });
}

/** The first word as typed (`./deploy.sh`, `scripts/x`): the parser keeps only its basename as the name. */
function firstWord(cmd: SimpleCommand): string {
  if (cmd.argv0 !== undefined) return cmd.argv0;
  const t = cmd.text;
  if (t.startsWith("'")) {
    const end = t.indexOf("'", 1);
    return end < 0 ? t.slice(1) : t.slice(1, end);
  }
  const sp = t.indexOf(' ');
  return sp < 0 ? t : t.slice(0, sp);
}

/** A path with `$HOME` as `~` (the reader knows the home folder); undefined when it stays computed. */
function literalPath(path: string, dynamic: boolean, st: State): string | undefined {
  let p = path;
  if (HOME_PREFIX.test(p)) p = p.replace(HOME_PREFIX, st.home ?? '~');
  if (dynamic || p.includes('$') || p.includes('`')) return undefined;
  return p;
}

/** `<(…)` / `$(…)` as the whole word: the shell reader reads what the substitution produces. */
function isSoleSubstitution(word: string): boolean {
  return word.startsWith('$(') && word.endsWith(')');
}

/** A path as the reader should see it: relative paths are relative to the folder the line `cd`-ed into. */
function inDir(path: string, st: State): string {
  if (st.dir === '' || path.startsWith('/') || path.startsWith('~')) return path;
  return `${st.dir}/${path}`;
}

function keyOf(path: string, st: State): string {
  return joinPath(st.cwd, inDir(path, st));
}

/** Reads a file the command runs or reads. Undefined when it is not read (a finding or a note says why). */
function readFor(path: string, cmd: SimpleCommand, st: State, verb: 'runs' | 'reads'): string | undefined {
  const key = keyOf(path, st);
  const w = st.written.get(key);
  if (w) {
    if (w.text !== undefined) return w.text;
    opaque(st, 'files.written-unreadable', `${verb} \`${path}\`, written earlier on this line by \`${w.by}\`: the guard cannot read what it holds`, cmd.text);
    return undefined;
  }
  if (!st.files) return undefined;
  if (st.reads >= MAX_FILES_PER_LINE) {
    opaque(st, 'files.too-many', `${verb} more files than the guard reads for one line (${MAX_FILES_PER_LINE}); \`${path}\` was not read`, cmd.text);
    return undefined;
  }
  st.reads++;
  const r = st.files.read(inDir(path, st));
  if (r.ok) return r.text;
  if (r.reason === 'missing') {
    st.out.notes.push(`\`${cmd.name}\` ${verb} \`${path}\`, which does not exist: the command will fail`);
    return undefined;
  }
  opaque(st, `files.${r.reason}`, `${verb} \`${path}\`, which ${describeFailure(r.reason, r.detail)}`, cmd.text);
  return undefined;
}

/**
 * Parses text a command runs as shell and reads what it runs in turn. `from` names where the text
 * came from: `file` (a level deeper when it differs from the file being read) and `key` (a script or
 * target within it, for loops).
 */
function nestShell(text: string, label: string, cmd: SimpleCommand, depth: number, st: State, from?: { file: string; key: string }): void {
  const next = from !== undefined && from.file !== st.file ? depth + 1 : depth;
  if (next > MAX_FILE_DEPTH) {
    opaque(st, 'files.too-deep', `runs files inside files more than ${MAX_FILE_DEPTH} levels deep (${label}): the guard stops reading there`, cmd.text);
    return;
  }
  if (from !== undefined && st.stack.includes(from.key)) {
    opaque(st, 'files.loop', `${label} runs itself again (a loop): the guard cannot tell what it finally does`, cmd.text);
    return;
  }
  if (++st.nested > MAX_NESTED_TEXTS) {
    if (st.nested === MAX_NESTED_TEXTS + 1) opaque(st, 'files.too-many', `runs more scripts and recipe lines than the guard reads for one line (${MAX_NESTED_TEXTS})`, cmd.text);
    return;
  }
  const parsed = parseCommandLine(text);
  for (const c of parsed.commands) c.via = [...cmd.via, label, ...c.via];
  for (const o of parsed.opaque) st.out.opaque.push({ ...o, summary: `${o.summary} (in ${label})` } as OpaqueContent);
  const file = st.file;
  if (from !== undefined) {
    st.stack.push(from.key);
    st.file = from.file;
  }
  visit(parsed.commands, next, st);
  if (from !== undefined) {
    st.stack.pop();
    st.file = file;
  }
}

/** Scans interpreter code and reads what it does as shell text. */
function nestCode(family: Family, code: string, label: string, cmd: SimpleCommand, depth: number, st: State, scriptDir = '.'): void {
  for (const e of scanCode(family, code, scriptDir)) {
    const s = effectToShell(e, family.label);
    if ('ask' in s) opaque(st, s.ask.rule, `${s.ask.summary} (in ${label})`, cmd.text);
    else nestShell(s.shell, `${label}: ${s.call}`, cmd, depth, st);
  }
}

/** A file run by path or by an interpreter: its shebang (or extension) decides how it is read. */
function runFile(path: string, label: string, cmd: SimpleCommand, depth: number, st: State, as?: Family | 'shell'): void {
  const text = readFor(path, cmd, st, 'runs');
  if (text === undefined) return;
  const newline = text.indexOf('\n');
  const shebang = newline < 0 ? text : text.slice(0, newline);
  const family = as === 'shell' ? undefined : as ?? familyOfShebang(shebang) ?? FAMILY_BY_EXTENSION.get(path.slice(path.lastIndexOf('.') + 1));
  const slash = path.lastIndexOf('/');
  if (family) nestCode(family, text, label, cmd, depth, st, inDir(slash < 0 ? '.' : path.slice(0, slash) || '/', st));
  else nestShell(text, label, cmd, depth, st, { file: keyOf(path, st), key: keyOf(path, st) });
}

function whatRuns(cmd: SimpleCommand, depth: number, st: State): void {
  const first = firstWord(cmd);
  const byPath = first.includes('/') && !isInstalledProgram(first);
  const sources = codeSources(cmd);
  if (!byPath && sources.length === 0 && !LOOKED_AT.has(cmd.name) && !(cmd.pipeFrom || cmd.redirects.length > 0)) return;
  if (byPath) {
    const p = literalPath(first, false, st);
    if (p !== undefined) runFile(p, first, cmd, depth, st);
    if (!LOOKED_AT.has(cmd.name) && sources.length === 0) return;
  }
  if (SHELLS.has(cmd.name)) return shellScript(cmd, depth, st);
  if (cmd.name === 'source' || cmd.name === '.') return sourced(cmd, depth, st);
  if (packageScripts(cmd, depth, st)) return;
  if (cmd.name === 'make' || cmd.name === 'gmake') return make(cmd, depth, st);
  if (cmd.name === 'just') return just(cmd, depth, st);
  if (cmd.name === 'curl') return curl(cmd, depth, st);
  if (cmd.name === 'aws') return awsInput(cmd, depth, st);
  if (sources.length > 0) return interpreter(cmd, sources, depth, st);
  const family = familyOfCommand(cmd.name);
  if (family && cmd.args.every((x) => x.startsWith('-') || x === '-')) {
    // `echo '…' | tclsh`, `python3 < x.py`, `cat x.py | python3`: the code arrives on stdin.
    const code = stdinText(cmd, (p) => readFor(p, cmd, st, 'runs'));
    if (code !== undefined) return nestCode(family, code, `${cmd.name} < stdin`, cmd, depth, st);
  }
  checkInputs(cmd, st);
}

/** `bash x.sh`: the first operand after options is the script (`-c` and `-s` are read by the parser). */
function shellScript(cmd: SimpleCommand, depth: number, st: State): void {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    // `-c`/`-s` are read by the parser; `-n` only checks the syntax.
    if (w === '-c' || w === '-s' || w === '-n' || w === '--noexec' || (w.startsWith('-') && !w.startsWith('--') && (w.includes('c') || w.includes('s') || w.includes('n')) && w.length > 1 && !SHELL_VALUE_OPTIONS.has(w))) return;
    if (SHELL_VALUE_OPTIONS.has(w)) {
      i++;
      continue;
    }
    if (w === '--') continue;
    if ((w.startsWith('-') || w.startsWith('+')) && w.length > 1) continue;
    if (isSoleSubstitution(w)) return;
    const p = literalPath(w, cmd.dynamic[i] === true, st);
    if (p === undefined) {
      opaque(st, 'files.computed-path', `runs a script whose path is computed (\`${w}\`): the guard cannot read it`, cmd.text);
      return;
    }
    runFile(p, `${cmd.name} ${w}`, cmd, depth, st, 'shell');
    return;
  }
  const input = cmd.redirects.find((r) => r.op === '<');
  if (input) return runFile(input.target, `${cmd.name} < ${input.target}`, cmd, depth, st, 'shell');
  // `cat x.sh | sh`: the file piped in is the script (heredocs and echo pipes are read by the parser).
  const from = cmd.pipeFrom;
  if (from && from.name === 'cat' && from.args.length === 1 && !from.dynamic[0]) runFile(from.args[0], `cat ${from.args[0]} | ${cmd.name}`, cmd, depth, st, 'shell');
}

function sourced(cmd: SimpleCommand, depth: number, st: State): void {
  const w = cmd.args[0];
  if (w === undefined || isSoleSubstitution(w)) return;
  const p = literalPath(w, cmd.dynamic[0] === true, st);
  if (p === undefined) {
    opaque(st, 'files.computed-path', `sources a script whose path is computed (\`${w}\`): the guard cannot read it`, cmd.text);
    return;
  }
  runFile(p, `${cmd.name} ${w}`, cmd, depth, st, 'shell');
}

function packageJsonIn(dir: string, cmd: SimpleCommand, st: State): Record<string, unknown> | undefined {
  const file = dir === '' ? 'package.json' : `${dir.replace(/\/$/, '')}/package.json`;
  const key = keyOf(file, st);
  if (st.packageJson.has(key)) return st.packageJson.get(key) ?? undefined;
  const text = readFor(file, cmd, st, 'reads');
  let scripts: Record<string, unknown> | null = null;
  if (text !== undefined) {
    try {
      const json = JSON.parse(text) as { scripts?: unknown };
      scripts = json && typeof json.scripts === 'object' && json.scripts !== null ? (json.scripts as Record<string, unknown>) : {};
    } catch {
      opaque(st, 'files.unreadable', `reads \`${file}\`, which is not valid JSON: the guard cannot tell which script runs`, cmd.text);
    }
  }
  st.packageJson.set(key, scripts);
  return scripts ?? undefined;
}

function runScripts(manager: string, dir: string, names: readonly string[], extra: readonly string[], cmd: SimpleCommand, depth: number, st: State): string[] {
  const scripts = packageJsonIn(dir, cmd, st);
  if (!scripts) return [];
  const found = scriptsToRun(scripts, names);
  const tail = extra.length > 0 ? ' ' + extra.map((e) => `'${e.replace(/'/g, `'\\''`)}'`).join(' ') : '';
  const file = keyOf(dir === '' ? 'package.json' : `${dir.replace(/\/$/, '')}/package.json`, st);
  for (const s of found) {
    const own = names.includes(s.name);
    nestShell(own ? s.text + tail : s.text, `${manager} run ${s.name} (${dir === '' ? '' : dir + '/'}package.json)`, cmd, depth, st, { file, key: `${file}#${s.name}` });
  }
  return names.filter((n) => !found.some((f) => f.name === n));
}

/** npm/yarn/pnpm/bun scripts and the runners that name scripts. True when the command was one. */
function packageScripts(cmd: SimpleCommand, depth: number, st: State): boolean {
  const run = scriptRunOf(cmd);
  if (run) {
    const missing = runScripts(run.manager, run.dir, run.names, run.extra, cmd, depth, st);
    for (const name of missing) {
      if (name === 'start' && run.manager === 'npm' && st.packageJson.get(keyOf(run.dir === '' ? 'package.json' : `${run.dir}/package.json`, st))) {
        // Without a start script, `npm start` runs `node server.js`.
        runFile(run.dir === '' ? 'server.js' : `${run.dir}/server.js`, 'npm start (node server.js)', cmd, depth, st, JAVASCRIPT);
      } else if (run.fileFallback) {
        const sources = codeSources({ ...cmd, args: [name, ...run.extra] });
        if (sources.length > 0) interpreter(cmd, sources, depth, st);
        else if (name.includes('/') || name.includes('.')) runFile(name, `${run.manager} ${name}`, cmd, depth, st);
      } else if (st.files && st.packageJson.get(keyOf(run.dir === '' ? 'package.json' : `${run.dir}/package.json`, st))) {
        st.out.notes.push(`\`${run.manager}\` runs the script \`${name}\`, which package.json does not define: the command will fail or run a program of that name`);
      }
    }
    return true;
  }
  if (cmd.name === 'run-s' || cmd.name === 'run-p' || cmd.name === 'npm-run-all' || cmd.name === 'npm-run-all2' || cmd.name === 'concurrently') {
    const scripts = packageJsonIn('', cmd, st) ?? {};
    const targets = runnerTargets(cmd, scripts);
    if (!targets) return true;
    runScripts('npm', '', targets.names, [], cmd, depth, st);
    for (const s of targets.shell) nestShell(s, `${cmd.name} '${s}'`, cmd, depth, st);
    return true;
  }
  return false;
}

function make(cmd: SimpleCommand, depth: number, st: State): void {
  const a = cmd.args;
  let dir = '';
  let file: string | undefined;
  const targets: string[] = [];
  const vars: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (MAKE_DRY.has(w)) return;
    if (w === '-C' || w === '--directory') dir = joinRel(dir, a[++i] ?? '');
    else if (w.startsWith('-C') && w.length > 2) dir = joinRel(dir, w.slice(2));
    else if (w.startsWith('--directory=')) dir = joinRel(dir, w.slice(12));
    else if (w === '-f' || w === '--file' || w === '--makefile') file = a[++i];
    else if (w.startsWith('--file=') || w.startsWith('--makefile=')) file = w.slice(w.indexOf('=') + 1);
    else if (w === '-j' || w === '--jobs') {
      if (/^\d+$/.test(a[i + 1] ?? '')) i++;
    } else if (MAKE_VALUE_OPTIONS.has(w)) i++;
    else if (w.startsWith('-')) continue;
    else if (w.includes('=')) vars[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
    else if (cmd.dynamic[i]) {
      opaque(st, 'files.computed-target', `runs a make target whose name is computed (\`${w}\`): the guard cannot tell which recipe runs`, cmd.text);
      return;
    } else targets.push(w);
  }
  const prefix = dir === '' ? '' : `${dir}/`;
  let text: string | undefined;
  let used = '';
  if (file !== undefined) {
    if (file === '-') return;
    used = prefix + file;
    text = readFor(used, cmd, st, 'reads');
  } else {
    if (!st.files) return;
    for (const name of MAKEFILES) {
      const r = st.written.get(keyOf(prefix + name, st));
      const read = r ? { ok: r.text !== undefined, text: r.text } : st.files.read(prefix + name);
      if ('reason' in read && read.reason === 'missing') continue;
      used = prefix + name;
      text = readFor(used, cmd, st, 'reads');
      break;
    }
    if (used === '') {
      st.out.notes.push(`\`make\` finds no Makefile${dir ? ` in \`${dir}\`` : ''}: the command will fail`);
      return;
    }
  }
  if (text === undefined) return;
  const run = makeRecipes(text, targets, vars);
  for (const r of run.recipes) {
    const file = keyOf(used, st);
    for (const line of r.lines) nestShell(line, `make ${r.target} (${used})`, cmd, depth, st, { file, key: `${file}#${r.target}` });
  }
  for (const t of run.unknownTargets) st.out.notes.push(`\`make\` has no rule for \`${t}\` in ${used} (it may be a file or an implicit rule)`);
}

function joinRel(dir: string, sub: string): string {
  if (sub.startsWith('/')) return sub;
  return dir === '' ? sub : `${dir}/${sub}`;
}

function just(cmd: SimpleCommand, depth: number, st: State): void {
  const a = cmd.args;
  if (a.some((w) => w === '--list' || w === '-l' || w === '--help' || w === '--dry-run' || w === '-n' || w === '--show' || w === '-s' || w === '--summary' || w === '--evaluate')) return;
  let file: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (w === '-f' || w === '--justfile') file = a[++i];
    else if (w === '-d' || w === '--working-directory' || w === '--set') i += w === '--set' ? 2 : 1;
    else if (w.startsWith('-') || w.includes('=')) continue;
    else {
      names.push(w);
      // Later words are the recipe's arguments.
      break;
    }
  }
  if (!st.files) return;
  let used = file;
  let text: string | undefined;
  if (used !== undefined) text = readFor(used, cmd, st, 'reads');
  else {
    for (const name of JUSTFILES) {
      const r = st.files.read(name);
      if (!r.ok && r.reason === 'missing') continue;
      used = name;
      text = readFor(name, cmd, st, 'reads');
      break;
    }
    if (used === undefined) {
      st.out.notes.push('`just` finds no justfile: the command will fail');
      return;
    }
  }
  if (text === undefined) return;
  const run = justRecipes(text, names);
  for (const r of run.recipes) {
    const label = `just ${r.name} (${used})`;
    const family = r.shebang ? familyOfShebang(r.shebang) : undefined;
    if (family) nestCode(family, r.lines.join('\n'), label, cmd, depth, st);
    else for (const line of r.lines) nestShell(line, label, cmd, depth, st, { file: keyOf(used as string, st), key: `${keyOf(used as string, st)}#${r.name}` });
  }
  for (const n of run.unknown) st.out.notes.push(`\`just\` has no recipe \`${n}\` in ${used}: the command will fail`);
}

/** `curl -d @f` / `--data-binary @f` (the HTTP rules read the body) and `-K f` (its options are read here). */
function curl(cmd: SimpleCommand, depth: number, st: State): void {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (w === '-K' || w === '--config') {
      const f = a[i + 1];
      if (f === undefined) continue;
      const text = f === '-' ? stdinText(cmd, undefined) : readFor(f, cmd, st, 'reads');
      if (text === undefined) continue;
      const rest = [...a.slice(0, i), ...a.slice(i + 2)].map((x) => `'${x.replace(/'/g, `'\\''`)}'`);
      nestShell(['curl', ...curlConfigArgs(text), ...rest].join(' '), `curl -K ${f}`, cmd, depth, st);
      i++;
      continue;
    }
    const value = w === '-d' || w === '--data' || w === '--data-binary' || w === '--data-ascii' || w === '--json' ? a[i + 1] : w.startsWith('-d@') ? w.slice(2) : undefined;
    if (value !== undefined && value.startsWith('@') && value !== '@-' && !cmd.dynamic[i + 1]) {
      readFor(value.slice(1), cmd, st, 'reads');
      if (!w.startsWith('-d@')) i++;
    }
  }
}

/** `aws … --cli-input-json file://f` / `--cli-input-yaml`: the file's parameters as options. */
function awsInput(cmd: SimpleCommand, depth: number, st: State): void {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    const eq = w.startsWith('--cli-input-json=') || w.startsWith('--cli-input-yaml=');
    if (w !== '--cli-input-json' && w !== '--cli-input-yaml' && !eq) continue;
    const value = eq ? w.slice(w.indexOf('=') + 1) : a[i + 1];
    if (value === undefined || !value.startsWith('file://')) continue;
    const f = value.slice(7);
    const text = readFor(f, cmd, st, 'reads');
    if (text === undefined) return;
    const params = cliInputArgs(text, w.includes('yaml'));
    if (params === undefined) {
      opaque(st, 'files.unreadable', `reads \`${f}\`, whose parameters the guard cannot read`, cmd.text);
      return;
    }
    const base = a.filter((x, k) => k !== i && !(k === i + 1 && !eq)).map((x) => `'${x.replace(/'/g, `'\\''`)}'`);
    nestShell(['aws', ...base, ...params].join(' '), `aws --cli-input-json ${f}`, cmd, depth, st);
    return;
  }
}

/** Inline code, script files and piped code of interpreters. */
function interpreter(cmd: SimpleCommand, sources: readonly CodeSource[], depth: number, st: State): void {
  for (const s of sources) {
    if ('code' in s) nestCode(s.family, s.code, s.label, cmd, depth, st);
    else {
      const p = literalPath(s.file, false, st);
      if (p === undefined) opaque(st, 'files.computed-path', `runs a ${s.family.label} file whose path is computed (\`${s.file}\`): the guard cannot read it`, cmd.text);
      else runFile(p, s.label, cmd, depth, st, s.family);
    }
  }
}

/** Database clients fed a file (`psql -f f`, `mysql < f`): a file that cannot be read is said here; its SQL is read by the SQL rules. */
function checkInputs(cmd: SimpleCommand, st: State): void {
  for (const r of cmd.redirects) if (r.op === '<' && !r.target.includes('$')) readFor(r.target, cmd, st, 'reads');
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if ((w === '-f' || w === '--file') && cmd.name === 'psql' && a[i + 1] !== undefined && !cmd.dynamic[i + 1]) readFor(a[i + 1], cmd, st, 'reads');
    else if (w.startsWith('--file=') && cmd.name === 'psql') readFor(w.slice(7), cmd, st, 'reads');
  }
}

/** Files written on the line (`cat > x.sh <<EOF`, `echo … > x.sh`, `curl … -o x.sh`), for commands after them. */
function noteWrites(cmd: SimpleCommand, st: State): void {
  for (const r of cmd.redirects) {
    if (r.op !== '>' && r.op !== '>>' && r.op !== '>|' && r.op !== '&>') continue;
    if (r.target.startsWith('/dev/') || r.target.includes('$')) continue;
    const key = keyOf(r.target, st);
    const text = writtenText(cmd, st);
    const before = r.op === '>>' ? st.written.get(key)?.text ?? '' : '';
    st.written.set(key, text === undefined ? { by: cmd.name } : { text: before + text, by: cmd.name });
  }
  if (cmd.name === 'tee') {
    const text = writtenText(cmd, st);
    for (const f of cmd.args.filter((x) => !x.startsWith('-'))) st.written.set(keyOf(f, st), text === undefined ? { by: 'tee' } : { text, by: 'tee' });
  }
  const out = cmd.name === 'curl' || cmd.name === 'wget' ? downloadTarget(cmd) : undefined;
  if (out) st.written.set(keyOf(out, st), { by: cmd.name });
  const operands = cmd.args.filter((x) => !x.startsWith('-'));
  if ((cmd.name === 'cp' || cmd.name === 'mv' || cmd.name === 'install' || cmd.name === 'ln') && operands.length === 2 && !cmd.dynamic.some(Boolean)) {
    // `cp other.sh x.sh && bash x.sh`: x.sh now holds other.sh.
    const [from, to] = operands;
    const known = st.written.get(keyOf(from, st));
    const read = known ? undefined : st.files?.read(inDir(from, st));
    const text = known ? known.text : read?.ok ? read.text : undefined;
    st.written.set(keyOf(to, st), text === undefined ? { by: cmd.name } : { text, by: cmd.name });
  } else if ((cmd.name === 'sed' || cmd.name === 'perl') && cmd.args.some((x) => x === '-i' || x.startsWith('-i') || x === '-pi' || x.startsWith('--in-place'))) {
    // Edited in place: the guard does not apply the edit, so what the file holds afterwards is not known.
    for (const f of operands.slice(1)) st.written.set(keyOf(f, st), { by: cmd.name });
  }
}

function downloadTarget(cmd: SimpleCommand): string | undefined {
  const i = cmd.args.findIndex((x) => x === '-o' || x === '--output' || x === '-O' || x === '--output-document');
  if (i >= 0 && cmd.args[i + 1] !== undefined && !(cmd.name === 'curl' && cmd.args[i] === '-O')) return cmd.args[i + 1];
  return undefined;
}

/** What a command writes to its output, when the line spells it out. */
function writtenText(cmd: SimpleCommand, st: State): string | undefined {
  if (cmd.dynamic.some(Boolean)) return undefined;
  const operands = cmd.args.filter((x) => !x.startsWith('-'));
  if (cmd.name === 'tee' || (cmd.name === 'cat' && operands.length === 0)) return cmd.stdin ?? (cmd.pipeFrom ? writtenText(cmd.pipeFrom, st) : undefined);
  if (cmd.name === 'echo') {
    const args = cmd.args.slice();
    let interpret = false;
    while (args.length > 0 && ECHO_OPTIONS.test(args[0])) interpret ||= (args.shift() as string).includes('e');
    const t = args.join(' ') + '\n';
    return interpret ? t.replace(/\\n/g, '\n').replace(/\\t/g, '\t') : t;
  }
  if (cmd.name === 'printf') return cmd.args.join(' ').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  if (cmd.name === 'cat') {
    const parts: string[] = [];
    for (const f of operands) {
      const known = st.written.get(keyOf(f, st));
      const read = known ? undefined : st.files?.read(f);
      const t = known ? known.text : read?.ok ? read.text : undefined;
      if (t === undefined) return undefined;
      parts.push(t);
    }
    return parts.join('');
  }
  return undefined;
}
