// Which code a command hands an interpreter: inline code (`python -c`, `node -e`, `perl -e`, `awk
// '{…}'`, `vim -c '!…'`, `rails runner '…'`, `manage.py shell -c '…'`), a file it runs (`python x.py`,
// `go run x.go`), or its stdin (`python3 - <<EOF`). The family says how to read it.
import type { SimpleCommand } from '../types';
import { AWK, GO, JAVASCRIPT, LUA, PERL, PHP, PYTHON, R, RUBY, TCL, VIM, type Family } from './families';

export type CodeSource =
  | { family: Family; code: string; label: string }
  | { family: Family; file: string; label: string };

/** Interpreter names (after unwrapping) → family. Versioned names (`python3.12`) are read by their stem. */
const FAMILIES: ReadonlyMap<string, Family> = new Map<string, Family>([
  ...['python', 'python2', 'python3', 'pypy', 'pypy3', 'py'].map((n) => [n, PYTHON] as [string, Family]),
  ...['node', 'nodejs', 'deno', 'bun', 'tsx', 'ts-node', 'esno'].map((n) => [n, JAVASCRIPT] as [string, Family]),
  ['perl', PERL],
  ['ruby', RUBY],
  ['php', PHP],
  ['lua', LUA],
  ['luajit', LUA],
  ['Rscript', R],
  ['R', R],
  ['tclsh', TCL],
  ['wish', TCL],
  ['expect', TCL],
  ...['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'].map((n) => [n, AWK] as [string, Family]),
  ...['vim', 'nvim', 'vi', 'ex', 'view', 'gvim'].map((n) => [n, VIM] as [string, Family]),
  ['go', GO],
  ['rails', RUBY],
]);

/** File extensions → family, for scripts run by path or by a shebang-less `bun x.ts`. */
export const FAMILY_BY_EXTENSION: ReadonlyMap<string, Family> = new Map<string, Family>([
  ['py', PYTHON], ['js', JAVASCRIPT], ['mjs', JAVASCRIPT], ['cjs', JAVASCRIPT], ['ts', JAVASCRIPT], ['mts', JAVASCRIPT], ['cts', JAVASCRIPT], ['jsx', JAVASCRIPT], ['tsx', JAVASCRIPT],
  ['pl', PERL], ['pm', PERL], ['rb', RUBY], ['php', PHP], ['lua', LUA], ['r', R], ['R', R], ['tcl', TCL], ['go', GO], ['awk', AWK], ['vim', VIM],
]);

const VERSIONED = /^(python|pypy|perl|ruby|php|lua)\d+(?:\.\d+)*$/;

export function familyOfCommand(name: string): Family | undefined {
  const direct = FAMILIES.get(name);
  if (direct) return direct;
  const m = VERSIONED.exec(name);
  return m ? FAMILIES.get(m[1]) : undefined;
}

/** The family a shebang line names (`#!/usr/bin/env python3`, `#!/usr/bin/perl -w`). */
export function familyOfShebang(firstLine: string): Family | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  const words = firstLine.slice(2).trim().split(/\s+/);
  let prog = words[0] ?? '';
  if (prog.endsWith('/env')) prog = words.slice(1).find((w) => !w.startsWith('-')) ?? '';
  return familyOfCommand(prog.slice(prog.lastIndexOf('/') + 1));
}

/** Options that take the next word as their value, per interpreter (so the script is found after them). */
const VALUE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set(['-m', '-W', '-X', '-Q']),
  javascript: new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--conditions', '-C', '--inspect-port', '--title', '--config']),
  perl: new Set(['-I', '-M', '-m', '-x']),
  ruby: new Set(['-I', '-r', '-C', '-E', '-x']),
  php: new Set(['-c', '-d', '-z']),
  r: new Set(['--encoding']),
  awk: new Set(['-F', '-v', '-f', '--field-separator', '--assign', '-i', '--include', '-l', '--load']),
};

const CODE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set(['-c']),
  javascript: new Set(['-e', '--eval', '-p', '--print']),
  perl: new Set(['-e', '-E']),
  ruby: new Set(['-e']),
  php: new Set(['-r']),
  lua: new Set(['-e']),
  r: new Set(['-e']),
};

/** `ex -sc '…'`: single-letter switches bundled before `c`. */
const VIM_BUNDLED_C = /^-[a-zA-Z]{1,3}c$/;

/** perl/ruby bundle switches before `e`: `perl -pi -e`, `perl -ne`, `ruby -ne`. */
const BUNDLED_E = /^-[a-zA-DF-Z0-9]*[eE]$/;

function label(cmd: SimpleCommand): string {
  return `${cmd.name} code`;
}

function fromArgs(cmd: SimpleCommand, family: Family): CodeSource[] {
  const a = cmd.args;
  const valueOpts = VALUE_OPTIONS[family.id] ?? new Set<string>();
  const codeOpts = CODE_OPTIONS[family.id] ?? new Set<string>();
  const out: CodeSource[] = [];
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (codeOpts.has(w) || ((family.id === 'perl' || family.id === 'ruby') && BUNDLED_E.test(w))) {
      if (i + 1 < a.length) out.push({ family, code: a[i + 1], label: label(cmd) });
      return out;
    }
    if (family.id === 'python' && w.startsWith('-c') && w.length > 2) return [{ family, code: w.slice(2), label: label(cmd) }];
    if (w === '-m' && family.id === 'python') return out;
    if (w === '--') continue;
    if (valueOpts.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    if (cmd.dynamic[i]) return out;
    // The script file; Django's `manage.py shell -c '…'` also runs its code argument.
    out.push({ family, file: w, label: `${cmd.name} ${w}` });
    if (w.endsWith('manage.py') && a[i + 1] === 'shell') {
      for (let k = i + 2; k < a.length; k++) {
        if ((a[k] === '-c' || a[k] === '--command') && k + 1 < a.length) out.push({ family: PYTHON, code: a[k + 1], label: 'manage.py shell -c' });
        else if (a[k].startsWith('--command=')) out.push({ family: PYTHON, code: a[k].slice(10), label: 'manage.py shell -c' });
      }
    }
    return out;
  }
  if (cmd.stdin !== undefined) out.push({ family, code: cmd.stdin, label: `${cmd.name} <<heredoc` });
  return out;
}

function awkSources(cmd: SimpleCommand): CodeSource[] {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (w === '-f' || w === '--file') return i + 1 < a.length ? [{ family: AWK, file: a[i + 1], label: `${cmd.name} -f ${a[i + 1]}` }] : [];
    if (VALUE_OPTIONS.awk.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) continue;
    return cmd.dynamic[i] ? [] : [{ family: AWK, code: w, label: 'awk program' }];
  }
  return [];
}

function vimSources(cmd: SimpleCommand): CodeSource[] {
  const out: CodeSource[] = [];
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if ((w === '-c' || w === '--cmd' || VIM_BUNDLED_C.test(w)) && i + 1 < a.length) out.push({ family: VIM, code: a[++i], label: `${cmd.name} ${w}` });
    else if (w.startsWith('-c') && w.length > 2) out.push({ family: VIM, code: w.slice(2), label: `${cmd.name} -c` });
    else if (w.startsWith('+') && w.length > 1) out.push({ family: VIM, code: w.slice(1), label: `${cmd.name} +` });
    else if ((w === '-S' || w === '-s') && i + 1 < a.length) out.push({ family: VIM, file: a[++i], label: `${cmd.name} ${w}` });
  }
  if (cmd.name === 'ex' && cmd.stdin !== undefined) out.push({ family: VIM, code: cmd.stdin, label: 'ex <<heredoc' });
  return out;
}

/** `deno eval '…'`, `deno run x.ts`, `bun -e '…'`, `bun x.ts`, `bun run x.ts` (scripts are package scripts, see packageScripts). */
function denoBunSources(cmd: SimpleCommand): CodeSource[] {
  const a = cmd.args;
  if (cmd.name === 'deno') {
    if (a[0] === 'eval' && a.length > 1) return [{ family: JAVASCRIPT, code: a[a.length - 1], label: 'deno eval' }];
    if (a[0] === 'run') {
      const file = a.slice(1).find((w) => !w.startsWith('-'));
      return file ? [{ family: JAVASCRIPT, file, label: `deno run ${file}` }] : [];
    }
    return [];
  }
  const e = a.findIndex((w) => w === '-e' || w === '--eval' || w === '-p' || w === '--print');
  if (e >= 0 && e + 1 < a.length) return [{ family: JAVASCRIPT, code: a[e + 1], label: 'bun -e' }];
  const first = a[0] === 'run' ? a[1] : a[0];
  if (first && FAMILY_BY_EXTENSION.get(first.slice(first.lastIndexOf('.') + 1)) === JAVASCRIPT) return [{ family: JAVASCRIPT, file: first, label: `bun ${first}` }];
  return [];
}

/** `go run x.go …`: the files named (a package path like `.` or `./cmd/x` is not read). */
function goSources(cmd: SimpleCommand): CodeSource[] {
  if (cmd.args[0] !== 'run') return [];
  return cmd.args.slice(1).filter((w) => w.endsWith('.go')).map((file) => ({ family: GO, file, label: `go run ${file}` }));
}

/** `rails runner '…'` / `rails r x.rb`. */
function railsSources(cmd: SimpleCommand): CodeSource[] {
  const i = cmd.args.findIndex((w) => w === 'runner' || w === 'r');
  if (i < 0) return [];
  const arg = cmd.args.slice(i + 1).find((w) => !w.startsWith('-'));
  if (arg === undefined) return [];
  return arg.endsWith('.rb') ? [{ family: RUBY, file: arg, label: `rails runner ${arg}` }] : [{ family: RUBY, code: arg, label: 'rails runner' }];
}

/** What code this command runs, if it is an interpreter. */
export function codeSources(cmd: SimpleCommand): CodeSource[] {
  const family = familyOfCommand(cmd.name);
  if (!family) return [];
  if (cmd.args.some((w) => w === '--help' || w === '-h' || w === '--version' || w === '-V') && !cmd.args.some((w) => CODE_OPTIONS[family.id]?.has(w))) return [];
  if (family === AWK) return awkSources(cmd);
  if (family === VIM) return vimSources(cmd);
  if (family === GO) return goSources(cmd);
  if (cmd.name === 'rails') return railsSources(cmd);
  if (cmd.name === 'deno' || cmd.name === 'bun') return denoBunSources(cmd);
  if (family === R && cmd.name === 'R') {
    const f = cmd.args.findIndex((w) => w === '-f' || w.startsWith('--file='));
    if (f >= 0) {
      const file = cmd.args[f] === '-f' ? cmd.args[f + 1] : cmd.args[f].slice(7);
      return file ? [{ family: R, file, label: `R -f ${file}` }] : [];
    }
    const e = cmd.args.indexOf('-e');
    return e >= 0 && e + 1 < cmd.args.length ? [{ family: R, code: cmd.args[e + 1], label: 'R -e' }] : cmd.stdin !== undefined ? [{ family: R, code: cmd.stdin, label: 'R <<heredoc' }] : [];
  }
  if (family === TCL) {
    // `expect -c 'spawn …'`: the code is the option's value.
    const c = cmd.args.indexOf('-c');
    if (c >= 0 && c + 1 < cmd.args.length) return [{ family: TCL, code: cmd.args[c + 1], label: `${cmd.name} -c` }];
    const file = cmd.args.find((w) => !w.startsWith('-'));
    if (file) return [{ family: TCL, file, label: `${cmd.name} ${file}` }];
    return cmd.stdin !== undefined ? [{ family: TCL, code: cmd.stdin, label: `${cmd.name} <<heredoc` }] : [];
  }
  return fromArgs(cmd, family);
}
