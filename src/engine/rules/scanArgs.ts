// A small, allocation-light reader for the arguments of one simple command, shared by the rule packs.
// It is not a shell parser (the parser already split words and removed quotes): it only tells flags
// from operands the way getopt / Go's pflag do, so rules can ask "is -f set?" without being fooled by
// `-m "-f"` values or by words after `--`.

import type { SimpleCommand } from '../types';

export interface ArgSpec {
  /** Short options that take a value (`-o value`, `-ovalue`), as a string of letters: `'oC'`. */
  shortWithValue?: string;
  /** Long options that take a value when written `--name value` (names without dashes). */
  longWithValue?: ReadonlySet<string>;
}

export interface ScannedArgs {
  /** Short flag letters seen, bundles split (`-rf` → `r`, `f`). */
  short: string;
  /** Long flag names without dashes and without `=value` (`--force=x` → `force`). */
  long: string[];
  /** Values of options, by option as written without dashes (`n`, `namespace`). The last one wins. */
  values: Map<string, string>;
  /** Operands, in order. */
  positionals: string[];
  /** Index of each operand in the scanned `args`, to read `dynamic[]`. */
  positionalIndexes: number[];
}

const NO_LONG_VALUES: ReadonlySet<string> = new Set();

/** Splits `args[from..to)` into flags, option values and operands. Everything after `--` is an operand. */
export function scanArgs(args: readonly string[], spec: ArgSpec = {}, from = 0, to = args.length): ScannedArgs {
  const shortWithValue = spec.shortWithValue ?? '';
  const longWithValue = spec.longWithValue ?? NO_LONG_VALUES;
  const out: ScannedArgs = { short: '', long: [], values: new Map(), positionals: [], positionalIndexes: [] };
  let operandsOnly = false;
  for (let i = from; i < to; i++) {
    const a = args[i];
    if (operandsOnly || a.length < 2 || a.charCodeAt(0) !== 45 /* - */) {
      out.positionals.push(a);
      out.positionalIndexes.push(i);
      continue;
    }
    if (a === '--') {
      operandsOnly = true;
      continue;
    }
    if (a.charCodeAt(1) === 45) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      out.long.push(name);
      if (eq >= 0) out.values.set(name, a.slice(eq + 1));
      else if (longWithValue.has(name) && i + 1 < to) out.values.set(name, args[++i]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      out.short += c;
      if (shortWithValue.includes(c)) {
        if (j + 1 < a.length) out.values.set(c, a.slice(j + 1));
        else if (i + 1 < to) out.values.set(c, args[++i]);
        break;
      }
    }
  }
  return out;
}

export function hasLong(s: ScannedArgs, ...names: string[]): boolean {
  for (const n of names) if (s.long.includes(n)) return true;
  return false;
}

export function hasShort(s: ScannedArgs, letters: string): boolean {
  for (let i = 0; i < letters.length; i++) if (s.short.includes(letters[i])) return true;
  return false;
}

/**
 * Index of the first operand in `args` (the subcommand of `git`, `docker`, `kubectl` …), skipping
 * global options and their values. Returns -1 when there is none.
 */
export function subcommandIndex(args: readonly string[], spec: ArgSpec = {}, from = 0): number {
  const shortWithValue = spec.shortWithValue ?? '';
  const longWithValue = spec.longWithValue ?? NO_LONG_VALUES;
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return i + 1 < args.length ? i + 1 : -1;
    if (a.length < 2 || a.charCodeAt(0) !== 45) return i;
    if (a.charCodeAt(1) === 45) {
      if (!a.includes('=') && longWithValue.has(a.slice(2))) i++;
      continue;
    }
    // `-C dir` takes the next word; `-Cdir` carries it.
    if (a.length === 2 && shortWithValue.includes(a[1])) i++;
  }
  return -1;
}

/** Whether the word at `args[i]` holds a variable, substitution or glob the parser could not resolve. */
export function isDynamic(cmd: SimpleCommand, i: number): boolean {
  return cmd.dynamic[i] === true;
}

/** Whether a help or version request makes the command harmless (`kubectl delete --help`). */
export function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--help' || a === '-h' || a === '-help') return true;
  }
  return false;
}

/** Whether the command came through `xargs`, so some of its operands arrive on stdin and are unknown. */
export function viaXargs(cmd: SimpleCommand): boolean {
  for (const v of cmd.via) if (v === 'xargs' || v.startsWith('xargs ')) return true;
  return false;
}

/** Wraps a path or name in backticks for a person-facing summary. */
export function code(text: string): string {
  return '`' + text + '`';
}
