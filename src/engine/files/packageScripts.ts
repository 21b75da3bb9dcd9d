// Which package.json script a package manager runs: `npm run x`, `npm test`/`start`/`stop`/`restart`,
// `yarn x`, `pnpm x`, `bun run x`, with their `pre`/`post` scripts, and the script names behind
// `run-s`/`run-p`/`npm-run-all` and `concurrently "npm:x"`. Reading package.json is the caller's job.
import type { SimpleCommand } from '../types';

export interface ScriptRun {
  /** The package manager as typed (`npm`, `yarn`). */
  manager: string;
  /** Script names asked for, in order (`pretest`, `test`, `posttest` are added by `scriptsToRun`). */
  names: string[];
  /** Folder holding package.json (`--prefix dir`, `-C dir`), relative to the cwd; '' for the cwd. */
  dir: string;
  /** Arguments after the script name (`npm run test -- --watch`), appended to the script text. */
  extra: string[];
  /** `bun run x` / `bun x`: when there is no such script, bun runs the file x. */
  fileFallback?: boolean;
}

const NPM_LIFECYCLE: Readonly<Record<string, string[]>> = {
  test: ['test'], t: ['test'], tst: ['test'], start: ['start'], stop: ['stop'], restart: ['stop', 'start'],
};
/** yarn/pnpm commands that are not script names. */
const YARN_BUILTINS: ReadonlySet<string> = new Set(('add install remove upgrade up init info why list ls config cache global link unlink pack publish version workspaces workspace ' +
  'dlx exec bin set plugin audit outdated login logout create import licenses owner tag team check autoclean help node npm constraints explain patch ' +
  'patch-commit rebuild stage unplug dedupe upgrade-interactive i rm update store env setup prune fetch deploy root doctor server recursive why policies generate-lock-entry').split(' '));
const BUN_BUILTINS: ReadonlySet<string> = new Set('test x repl exec install i add a remove rm update link unlink pm build init create upgrade outdated publish patch audit'.split(' '));
/** Options taking a value before the subcommand. */
const VALUE_OPTIONS: ReadonlySet<string> = new Set(['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--loglevel', '--registry', '--cache', '--userconfig']);

function splitExtra(args: readonly string[]): { names: string[]; extra: string[] } {
  const dd = args.indexOf('--');
  const before = dd < 0 ? args : args.slice(0, dd);
  const extra = dd < 0 ? [] : args.slice(dd + 1);
  return { names: before.filter((a) => !a.startsWith('-')), extra };
}

/** The scripts a package-manager command runs, or undefined when it runs none (install, add, exec …). */
export function scriptRunOf(cmd: SimpleCommand): ScriptRun | undefined {
  const m = cmd.name;
  if (m !== 'npm' && m !== 'yarn' && m !== 'pnpm' && m !== 'bun') return undefined;
  if (m === 'bun' && cmd.args.some((x) => x === '-e' || x === '--eval' || x === '-p' || x === '--print')) return undefined;
  let dir = '';
  let i = 0;
  const a = cmd.args;
  // Leading options: `npm --prefix app run build`, `yarn --cwd app build`.
  for (; i < a.length && a[i].startsWith('-'); i++) {
    const opt = a[i];
    if (opt === '--prefix' || opt === '-C' || opt === '--dir' || opt === '--cwd') dir = a[++i] ?? '';
    else if (opt.startsWith('--prefix=') || opt.startsWith('--dir=') || opt.startsWith('--cwd=')) dir = opt.slice(opt.indexOf('=') + 1);
    else if (opt === '-w' || opt === '--workspace' || opt === '--filter' || opt === '-F' || opt === '-r' || opt === '--recursive' || opt.startsWith('--workspace=') || opt.startsWith('--filter=')) return undefined;
    else if (VALUE_OPTIONS.has(opt)) i++;
  }
  const sub = a[i];
  const rest = a.slice(i + 1);
  if (cmd.dynamic[i]) return undefined;
  if (sub === undefined) return undefined;
  if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
    const opts = rest.filter((x) => x.startsWith('-') && x !== '--');
    if (opts.some((o) => o === '-w' || o === '--workspace' || o === '--workspaces' || o === '-ws' || o === '-r' || o === '--recursive' || o.startsWith('--filter') || o.startsWith('--workspace'))) return undefined;
    const { names, extra } = splitExtra(rest);
    if (names.length === 0) return undefined;
    // npm runs one script and passes the rest as arguments; yarn/pnpm/bun the same.
    return { manager: m, names: [names[0]], dir, extra: [...names.slice(1), ...extra], fileFallback: m === 'bun' };
  }
  if (m === 'npm') {
    const lifecycle = NPM_LIFECYCLE[sub];
    return lifecycle ? { manager: m, names: lifecycle, dir, extra: splitExtra(rest).extra } : undefined;
  }
  if (m === 'bun') {
    if (BUN_BUILTINS.has(sub)) return undefined;
    return { manager: m, names: [sub], dir, extra: rest, fileFallback: true };
  }
  if (YARN_BUILTINS.has(sub)) return undefined;
  return { manager: m, names: [sub], dir, extra: rest };
}

/** `pre<x>`, `<x>`, `post<x>` for each name, those the package defines. */
export function scriptsToRun(scripts: Readonly<Record<string, unknown>>, names: readonly string[]): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const n of names) {
    for (const k of [`pre${n}`, n, `post${n}`]) {
      const v = scripts[k];
      if (typeof v === 'string') out.push({ name: k, text: v });
    }
  }
  return out;
}

/**
 * Script names another runner names: `run-s build test`, `run-p 'lint:*'`, `npm-run-all -s a b`,
 * `concurrently "npm:watch-*" "tsc -w"` (its other arguments are shell text, returned as `shell`).
 */
export function runnerTargets(cmd: SimpleCommand, scripts: Readonly<Record<string, unknown>>): { names: string[]; shell: string[] } | undefined {
  const pick = (pattern: string): string[] => {
    if (!pattern.includes('*')) return [pattern];
    const star = pattern.indexOf('*');
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
    return Object.keys(scripts).filter((k) => k.startsWith(prefix) && k.endsWith(suffix) && k.length >= prefix.length + suffix.length);
  };
  if (cmd.name === 'run-s' || cmd.name === 'run-p' || cmd.name === 'npm-run-all' || cmd.name === 'npm-run-all2') {
    const names: string[] = [];
    for (let i = 0; i < cmd.args.length; i++) {
      const w = cmd.args[i];
      if (w === '--') break;
      if (w === '--max-parallel' || w === '--npm-path' || w === '-l') {
        if (w !== '-l') i++;
        continue;
      }
      if (w.startsWith('-') || cmd.dynamic[i]) continue;
      names.push(...pick(w));
    }
    return { names, shell: [] };
  }
  if (cmd.name === 'concurrently') {
    const names: string[] = [];
    const shell: string[] = [];
    for (let i = 0; i < cmd.args.length; i++) {
      const w = cmd.args[i];
      if (w === '-n' || w === '--names' || w === '-c' || w === '--prefix-colors' || w === '-p' || w === '--prefix') {
        i++;
        continue;
      }
      if (w.startsWith('-') || cmd.dynamic[i]) continue;
      if (w.startsWith('npm:') || w.startsWith('yarn:') || w.startsWith('pnpm:') || w.startsWith('bun:')) names.push(...pick(w.slice(w.indexOf(':') + 1)));
      else shell.push(w);
    }
    return { names, shell };
  }
  return undefined;
}
