// The machinery behind the cloud rule tables: a CLI is described as data (its command names, the
// options that take a value, and the subcommand paths that destroy something); this module turns each
// row into a Rule. Keeping it apart from the tables keeps `cloudRules.ts` a plain list a reviewer can read.
import type { Category, Rule, RuleHit, Severity, SimpleCommand } from '../types';
import { viaXargs } from './scanArgs';
import { classifyDeletePath } from './deletePathSafety';

/** One word of a subcommand path: an exact word, any of several (aliases), or a pattern (`delete-*`). */
export type WordPattern = string | readonly string[] | RegExp;

export interface CloudVerb {
  /** Rule id without the `cloud.` prefix: `railway-volume-delete`. */
  id: string;
  /** Consecutive positional words that make the destructive subcommand: `['rds', /^delete-db-/]`. */
  path: readonly WordPattern[];
  /** What is destroyed, for the person: `the RDS database instance`. */
  what: string;
  severity?: Severity;
  /** The path must be the command's first positional words (for one-word verbs like `railway down`). */
  anchored?: boolean;
  /** Options whose value names the target (`--db-instance-identifier`); checked before positionals. */
  targetFlags?: readonly string[];
  /** Only bulk forms are destructive: one of these flags (`--recursive`, `-r`) or a wildcard operand. */
  bulk?: { flags: readonly string[]; wildcard?: boolean };
  /** How many positionals after the path name the target together (`pscale branch delete app feature-x` → 2). */
  targetWords?: number;
  /** Only with one of these flags (`supabase stop --no-backup`). */
  requireFlags?: readonly string[];
  /** Not with any of these flags (`azcopy sync --delete-destination=false`). */
  unlessFlags?: readonly string[];
  /** What the command does, when it is not a plain delete: `empties`, `overwrites`, `mirrors and deletes`. */
  verb?: string;
  /** The tool also works on local paths: a rebuildable or temporary local target runs (`rclone purge ./dist`). */
  localSafe?: boolean;
}

/** A catch-all for `… delete` in CLIs whose every delete removes cloud state (gcloud, az, doctl). */
export interface GenericDelete {
  id: string;
  verbs: readonly string[];
  what: string;
  severity: Severity;
  /** First positional words (command groups) whose deletes are local or harmless: `config`, `auth`. */
  exemptGroups: readonly string[];
  /** Paths that delete one named object, like `rm` of one file: `storage blob delete`. */
  exemptPaths?: readonly (readonly string[])[];
}

export interface CloudCli {
  /** Display name: `aws`. */
  cli: string;
  /** Command names after unwrapping: `['fly', 'flyctl']`. */
  names: readonly string[];
  /** Options (global and common) that take a value, so the value is not read as a subcommand word. */
  valueFlags: readonly string[];
  /** Options that name the target for every row (`az … --name x`), tried after a row's own `targetFlags`. */
  targetFlags?: readonly string[];
  verbs: readonly CloudVerb[];
  generic?: GenericDelete;
  /** This CLI's own dry-run or help words (`-n`, `--whatif`), besides the common `--help`/`--dry-run`. */
  noEffect?: readonly string[];
  /** Whether an operand is a local path rather than a remote (`./dist` for mc, anything without `remote:` for rclone). */
  isLocalPath?: (word: string) => boolean;
}

/** A family of tables (cloud, backups, queues …): the rule id prefix, the category and why it asks. */
export interface VerbFamily {
  prefix: string;
  category: Category;
  rationale: string;
}

// Words that make the whole command a help or dry-run request: nothing is deleted.
const NO_EFFECT_WORDS: ReadonlySet<string> = new Set(['--help', 'help', '--dry-run', '--dryrun', '--generate-cli-skeleton']);
const SHORT_CLUSTER = /^-[A-Za-z]+$/;
const WILDCARD = /[*?[]/;

export interface Positional {
  word: string;
  index: number;
}

/** Positional words, skipping options and the values of options known to take one. */
export function positionals(cmd: SimpleCommand, valueFlags: ReadonlySet<string>): Positional[] {
  const out: Positional[] = [];
  const { args } = cmd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (let j = i + 1; j < args.length; j++) out.push({ word: args[j], index: j });
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (!a.includes('=') && valueFlags.has(a)) i++;
      continue;
    }
    out.push({ word: a, index: i });
  }
  return out;
}

function wordMatches(p: WordPattern, word: string): boolean {
  if (typeof p === 'string') return p === word;
  if (p instanceof RegExp) return p.test(word);
  return p.includes(word);
}

/** Index in `pos` just after the matched path, or -1. */
export function findPath(pos: readonly Positional[], path: readonly WordPattern[], anchored: boolean): number {
  const last = anchored ? 0 : pos.length - path.length;
  for (let start = 0; start <= last; start++) {
    let ok = true;
    for (let k = 0; k < path.length && ok; k++) ok = start + k < pos.length && wordMatches(path[k], pos[start + k].word);
    if (ok) return start + path.length;
  }
  return -1;
}

/** `--flag`, `--flag=x`, and for one-letter `-r` also clusters such as `-rf`. */
export function hasFlag(args: readonly string[], flags: readonly string[]): boolean {
  for (const a of args) {
    for (const f of flags) {
      if (a === f || a.startsWith(`${f}=`)) return true;
      if (f.length === 2 && f[0] === '-' && !a.startsWith('--') && SHORT_CLUSTER.test(a) && a.includes(f[1])) return true;
    }
  }
  return false;
}

/** The value of the first of `flags` present (`--flag v` or `--flag=v`), with its argument index. */
export function flagValueAt(args: readonly string[], flags: readonly string[]): { value: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const f of flags) {
      if (args[i] === f && i + 1 < args.length) return { value: args[i + 1], index: i + 1 };
      if (args[i].startsWith(`${f}=`)) return { value: args[i].slice(f.length + 1), index: i };
    }
  }
  return undefined;
}

function flagValue(args: readonly string[], flags: readonly string[]): string | undefined {
  return flagValueAt(args, flags)?.value;
}

function noEffect(args: readonly string[], own: readonly string[] | undefined): boolean {
  return args.some((a) => NO_EFFECT_WORDS.has(a) || (a.startsWith('--dry-run=') && a !== '--dry-run=false') || (own !== undefined && own.includes(a)));
}

/** The path as typed, for messages: `railway volume delete`. */
function pathText(cmd: SimpleCommand, pos: readonly Positional[], end: number, length: number): string {
  return [cmd.name, ...pos.slice(end - length, end).map((p) => p.word)].join(' ');
}

/** `deletes \`pg-data\`, the Railway volume, with \`railway volume delete\``. */
function describe(what: string, target: string | undefined, typed: string, verb = 'deletes'): string {
  return target !== undefined ? `${verb} \`${target}\`, ${what}, with \`${typed}\`` : `${verb} ${what}, with \`${typed}\``;
}

interface CompiledCli {
  cli: CloudCli;
  valueFlags: ReadonlySet<string>;
  /** Every row of a CLI reads the same command: its positionals are worked out once per command object. */
  seen: WeakMap<SimpleCommand, Positional[] | null>;
}

/** The command's positionals, or null when it is a help or dry-run request. */
function positionalsOf(c: CompiledCli, cmd: SimpleCommand): Positional[] | null {
  let pos = c.seen.get(cmd);
  if (pos === undefined) {
    pos = noEffect(cmd.args, c.cli.noEffect) ? null : positionals(cmd, c.valueFlags);
    c.seen.set(cmd, pos);
  }
  return pos;
}

function matchVerb(c: CompiledCli, verb: CloudVerb, cmd: SimpleCommand): RuleHit | null {
  const pos = positionalsOf(c, cmd);
  if (!pos) return null;
  const end = findPath(pos, verb.path, verb.anchored === true);
  if (end < 0) return null;
  const rest = pos.slice(end);
  if (verb.requireFlags && !hasFlag(cmd.args, verb.requireFlags)) return null;
  if (verb.unlessFlags && hasFlag(cmd.args, verb.unlessFlags)) return null;
  if (verb.bulk) {
    // Names fed by `xargs` from a listing (`… | xargs aws s3 rm`) are as many objects as the listing holds.
    const bulk =
      hasFlag(cmd.args, verb.bulk.flags) ||
      (verb.bulk.wildcard === true && rest.some((p) => WILDCARD.test(p.word))) ||
      (viaXargs(cmd) && rest.some((p) => cmd.dynamic[p.index] === true));
    if (!bulk) return null;
  }
  const target =
    (verb.targetFlags && flagValue(cmd.args, verb.targetFlags)) ??
    (c.cli.targetFlags && flagValue(cmd.args, c.cli.targetFlags)) ??
    (rest.length > 0 ? rest.slice(0, verb.targetWords ?? 1).map((p) => p.word).join('/') : undefined);
  if (verb.localSafe && target !== undefined && c.cli.isLocalPath?.(target) === true && classifyDeletePath(target).safe) return null;
  const typed = pathText(cmd, pos, end, verb.path.length);
  return {
    summary: describe(verb.what, target, typed, verb.verb),
    target,
  };
}

function matchGeneric(c: CompiledCli, g: GenericDelete, cmd: SimpleCommand): RuleHit | null {
  const pos = positionalsOf(c, cmd);
  if (!pos || pos.length < 2 || g.exemptGroups.includes(pos[0].word)) return null;
  const at = pos.findIndex((p, i) => i >= 1 && g.verbs.includes(p.word));
  if (at < 0) return null;
  const words = pos.slice(0, at + 1).map((p) => p.word);
  if (g.exemptPaths?.some((e) => e.length === words.length && e.every((w, i) => w === words[i]))) return null;
  // A specific row already reports this command with a better description.
  if (c.cli.verbs.some((v) => matchVerb(c, v, cmd) !== null)) return null;
  const target = (c.cli.targetFlags && flagValue(cmd.args, c.cli.targetFlags)) ?? pos[at + 1]?.word;
  return {
    summary: describe(g.what, target, [cmd.name, ...words].join(' ')),
    target,
  };
}

const RATIONALE =
  'Cloud resources that hold data or state (databases, volumes, buckets, snapshots, backups, projects, ' +
  'environments, apps, clusters, stacks) cannot be rebuilt from the repository; deleting one asks in every ' +
  'environment, and the confirmation names which one. Listing, describing, creating, deploying and help run.';

export const CLOUD_FAMILY: VerbFamily = { prefix: 'cloud', category: 'cloud', rationale: RATIONALE };

/** One Rule per table row (and one for the CLI's generic delete, if any). */
export function cloudRulesOf(cli: CloudCli, family: VerbFamily = CLOUD_FAMILY): Rule[] {
  const valueFlags = new Set([...cli.valueFlags, ...(cli.targetFlags ?? []), ...cli.verbs.flatMap((v) => v.targetFlags ?? [])]);
  const compiled: CompiledCli = { cli, valueFlags, seen: new WeakMap() };
  const rules: Rule[] = cli.verbs.map((verb) => ({
    id: `${family.prefix}.${verb.id}`,
    category: family.category,
    severity: verb.severity ?? 'high',
    commands: cli.names,
    summary: `${verb.verb ?? 'deletes'} ${verb.what} (${cli.cli})`,
    rationale: family.rationale,
    match: (cmd: SimpleCommand) => matchVerb(compiled, verb, cmd),
  }));
  const g = cli.generic;
  if (g) {
    rules.push({
      id: `${family.prefix}.${g.id}`,
      category: family.category,
      severity: g.severity,
      commands: cli.names,
      summary: `deletes ${g.what} (${cli.cli})`,
      rationale: family.rationale,
      match: (cmd: SimpleCommand) => matchGeneric(compiled, g, cmd),
    });
  }
  return rules;
}
