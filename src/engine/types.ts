// The engine's vocabulary, shared by every door (CLI, hooks, terminal guard, extension).
// Pure types: this file must stay free of `vscode`, `fs` and `net` so the engine runs anywhere.

export type Decision = 'allow' | 'confirm' | 'deny';

/** Ordered from least to most serious; `raiseSeverity` walks this list. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Category =
  | 'filesystem'
  | 'disk'
  | 'git'
  | 'sql'
  | 'database'
  | 'cloud'
  | 'kubernetes'
  | 'iac'
  | 'container'
  | 'http'
  | 'guard'
  | 'credential'
  | 'backup'
  | 'storage'
  | 'queue'
  | 'secrets'
  | 'hosting'
  | 'platform'
  | 'fallback'
  | 'opaque'
  | 'tool'
  | 'custom';

/** One reason the guard stops a command. The same words reach the modal, the log and the agent. */
export interface Finding {
  /** Rule id, e.g. `git.push-force` or `user.make-nuke`. */
  rule: string;
  category: Category | string;
  severity: Severity;
  /** For the person: what this would destroy, in plain words. */
  summary: string;
  /** For the agent: why it was stopped and what to do instead (ask the person). */
  agentMessage: string;
  /** What is destroyed, when known: a table, a volume id, a path, a branch. */
  target?: string;
  /** Where the rule came from. */
  source: 'builtin' | 'user';
  /** The simple command (after unwrapping) the finding is about, for display. */
  command?: string;
  /** Why this matters, for the person (the rule's `rationale`). */
  rationale?: string;
}

export interface EnvironmentInfo {
  /** `production`, `staging`, a custom name from the policy, or `unknown`. */
  name: string;
  production: boolean;
  /** How the name was worked out, for the person: "from `--environment production`", "host `db.prod.internal` matches `*prod*`", "unknown". */
  source: string;
  /** The provider whose API or service the command talks to, when known ("Railway API", "GitHub API", "AWS"). */
  provider?: string;
}

export interface Verdict {
  decision: Decision;
  findings: Finding[];
  environment: EnvironmentInfo;
  /** Things seen that do not ask, for the person (e.g. "runs `x.sh`, which does not exist: the command will fail"). */
  notes?: string[];
}

/** What a door asks about: a shell command line, or an agent's tool call (MCP and the like). */
export type Action =
  | { kind: 'shell'; command: string }
  | { kind: 'tool'; tool: string; args: Record<string, unknown> };

/** Facts the caller hands in; the engine itself never reads the machine. */
export interface EvalContext {
  cwd?: string;
  /** The process environment the command would run with (only read, never echoed unmasked). */
  env?: Readonly<Record<string, string | undefined>>;
  kubeContext?: string;
  terraformWorkspace?: string;
  /**
   * Optional, bounded reader for files a command names as its input (`psql -f x.sql`,
   * `curl --data @body.json`). Supplied by the CLI; without it such content counts as unreadable.
   */
  readFile?: (path: string) => string | undefined;
  /**
   * The bounded file-reading capability for files a command runs (`bash x.sh`, `npm run x`, `make`,
   * `python x.py`). Handed in by the CLI and the extension; the engine derives `readFile` from it when
   * `readFile` is not given. Without it such files are not read.
   */
  files?: FileAccess;
}

/** Why a file could not be read; the finding (or note, for `missing`) names it. */
export type FileReadFailure = 'missing' | 'too-big' | 'binary' | 'unreadable' | 'not-a-file' | 'time';

export type FileRead = { ok: true; text: string } | { ok: false; reason: FileReadFailure; detail?: string };

/** Reads one file, relative paths against the command's cwd, bounded in bytes and time by the implementation. */
export interface FileAccess {
  read(path: string): FileRead;
}

// ---------------------------------------------------------------------------------------------
// The shell model: what the parser hands the rules.

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `>&`, `<<<` … */
  op: string;
  target: string;
}

/**
 * One simple command after unwrapping, the way the shell would run it.
 * `sudo env FOO=1 bash -c 'rm -rf ~'` yields a SimpleCommand for `rm -rf ~` with via ['sudo', 'env', 'bash -c'].
 */
export interface SimpleCommand {
  /** Command name as the shell resolves it: basename of argv[0], quotes removed (`/usr/bin/git` → `git`, `\rm` → `rm`). */
  name: string;
  /** Arguments after the name, quotes removed. Unexpanded variables stay as `$VAR` / `${VAR}` text. */
  args: string[];
  /** Parallel to `args`: true where the word holds a variable or a command substitution whose value is unknown (globs are not dynamic: their text stays, e.g. `*`). */
  dynamic: boolean[];
  /** `VAR=value` prefixes and `env VAR=value` settings seen on the way (outer ones included). */
  assignments: Record<string, string>;
  redirects: Redirect[];
  /** Text fed on stdin by a heredoc or here-string, when there is one. */
  stdin?: string;
  /** The command whose output is piped into this one, if any (`curl … | sh` → the `sh` command has pipeFrom = curl). */
  pipeFrom?: SimpleCommand;
  /** Wrappers and carriers this command was found inside, outermost first: `sudo`, `bash -c`, `ssh db-prod`, `$(…)`. */
  via: string[];
  /** Remote place it runs, when unwrapped from `ssh host`, `docker exec c`, `kubectl exec pod`. */
  remote?: string;
  /** Readable rendering of this simple command, for messages. */
  text: string;
  /** The command word as typed, before it was resolved to `name` (`./deploy.sh`, `C:\Git\bin\git.exe`). */
  argv0?: string;
}

/** Something the parser could not see into: it always asks. */
export interface OpaqueContent {
  /** `opaque.decode-pipe`, `opaque.download-pipe`, `opaque.variable-command`, `opaque.parse-error` … */
  rule: string;
  summary: string;
  command: string;
}

export interface ParsedCommandLine {
  commands: SimpleCommand[];
  opaque: OpaqueContent[];
}

// ---------------------------------------------------------------------------------------------
// Rules.

export interface RuleHit {
  /** Overrides the rule's default summary for this hit ("drops table `users`"). */
  summary?: string;
  target?: string;
  /** Overrides the rule's severity for this hit (e.g. a force push to `main` is higher). */
  severity?: Severity;
}

export interface RuleContext {
  ctx: EvalContext;
  /** Every simple command of the line, for rules that look at neighbours (`base64 -d | sh`). */
  all: readonly SimpleCommand[];
}

/**
 * A built-in rule: data plus one small matcher. Rules are indexed by `commands`, so a command is
 * only shown to the rules that can match it (`*` means every command; use it sparingly).
 */
export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  /** Command names (after unwrapping) this rule inspects; `*` for all. */
  commands: readonly string[];
  /**
   * For `*` rules only: words or substrings that must appear in the raw command line for the rule to
   * possibly match (`.claude/`, `Authorization`). The terminal guard's shell prefilter is compiled from
   * `commands` and `triggers`; a `*` rule without triggers forces every terminal command through the CLI.
   */
  triggers?: readonly string[];
  /**
   * For `*` rules keyed on triggers rather than names: the command names they judge (`rsync`, `tar`), so the
   * destroy-verb fallback knows these tools are covered. Not used for indexing or the prefilter.
   */
  names?: readonly string[];
  /** Default person-facing summary. */
  summary: string;
  /** Why this matters, for docs and the settings' descriptions. */
  rationale: string;
  match(cmd: SimpleCommand, rc: RuleContext): RuleHit | RuleHit[] | null | undefined;
}

/** A rule pack: one domain's rules, declared as data. */
export interface RulePack {
  name: string;
  /** The pack's rules; a lazy pack (`lazyPack`, rules/lazyPack.ts) builds them on the first read. */
  readonly rules: readonly Rule[];
  /**
   * Lazy packs only: every command name their rules inspect (never `*`), declared up front so the policy
   * indexes the pack without building it; the rules are built the first time one of these names is evaluated.
   */
  readonly commands?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Policy (what the settings compile into).

export interface EnvironmentMapping {
  /** A minimatch glob (`*prod*`, `db.prod.internal`) or `/regex/flags`, matched against names, hosts, contexts. */
  pattern: string;
  name: string;
  production: boolean;
}

/** A user rule as written in settings (`agentGuard.rules`). */
export interface UserRuleSpec {
  id: string;
  /** Command name after unwrapping (`make`, `railway`), or `*`. */
  command: string;
  /**
   * Argument patterns that must all match, each against some argument (minimatch glob, or
   * `/regex/flags`). With `argsMatch: "sequence"` they must match consecutive arguments in order.
   */
  args?: string[];
  argsMatch?: 'any' | 'sequence';
  /** Alternatively a regular expression over the whole simple command text. */
  pattern?: string;
  category?: string;
  severity?: Severity;
  message?: string;
}

export type SeverityDecisions = Record<Severity, Decision>;

export interface PolicyInput {
  rules?: unknown;
  disabledRules?: unknown;
  environments?: unknown;
  decisions?: unknown;
}

export interface PolicyError {
  /** The setting and entry at fault, e.g. `agentGuard.rules[2].pattern`. */
  path: string;
  message: string;
}
