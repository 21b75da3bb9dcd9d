// The words whose presence in a command line means the engine might have something to say. The
// terminal guard compiles them into a shell-native prefilter, so an ordinary command (`ls`, `git
// status`) never pays for starting the CLI. Over-triggering costs time; under-triggering would let a
// command through unexamined, so every way a dangerous command can hide (wrappers, shells, eval,
// substitutions, decoders) is a trigger too.
import type { Policy } from './policy';
import { WRAPPERS } from './shell/wrappers';
import { ownEntry } from './ownEntry';

/**
 * Words that can hide another command or unreadable content: carriers, decoders, interpreters whose code
 * is read, and the runners of project scripts (`npm`/`yarn`/`pnpm`/`bun` scripts and make/just recipes
 * run under /bin/sh, which no terminal guard watches: the CLI must read them before they start).
 */
const CARRIERS = [
  'eval', 'source', 'base64', 'xxd', 'curl', 'wget', 'find', 'xargs', 'pwsh', 'powershell', 'at', 'batch', 'crontab', 'coproc', '--eval',
  'python', 'python3', 'pypy', 'pypy3', 'node', 'deno', 'perl', 'ruby', 'php', 'lua', 'luajit', 'Rscript', 'tclsh',
  'npm', 'pnpm', 'yarn', 'bun', 'make', 'gmake', 'just',
  'julia', 'groovy', 'scala', 'kotlin', 'swift', 'elixir', 'erl', 'clojure', 'clj', 'racket', 'guile', 'ghc', 'jshell', 'osascript', 'expect',
];

/**
 * Command names so common that a hit on the name alone would start the CLI for nothing (`git status`,
 * `npm test`): the words one of which stands beside them whenever a built-in rule can match. The
 * corpus test checks that every `block` line still hits the prefilter. A user rule on such a command
 * keeps the plain name as a trigger.
 */
const NARROWED: Readonly<Record<string, readonly string[]>> = {
  git: ['reset', 'clean', 'push', 'branch', 'stash', 'checkout', 'switch', 'restore', 'filter-branch', 'filter-repo', 'reflog', 'update-ref', 'read-tree', 'checkout-index', 'worktree', 'rm', 'apply', 'am'],
};

function addCommandWord(name: string, policy: Policy, words: Set<string>): void {
  const narrowed = ownEntry(NARROWED, name);
  const userRuleOnIt = (policy.rulesByCommand.get(name) ?? []).some((r) => policy.userRuleIds.has(r.id));
  if (narrowed && !userRuleOnIt) for (const w of narrowed) words.add(w);
  else words.add(name);
}

export function triggerWords(policy: Policy): string[] {
  const words = new Set<string>();
  for (const name of policy.rulesByCommand.keys()) addCommandWord(name, policy, words);
  for (const name of WRAPPERS.keys()) addCommandWord(name, policy, words);
  for (const c of CARRIERS) words.add(c);
  return [...words].filter((w) => w.length > 0).sort();
}

/**
 * Substrings whose presence anywhere in a line means a `*` rule might match (`/dev/`, `.aws/`,
 * `AGENT_GUARD`): they name paths and variables, which the word scan cannot see as whole words.
 */
export function triggerSubstrings(policy: Policy): string[] {
  const subs = new Set<string>();
  for (const rule of policy.wildcardRules) {
    // Credential notes never change a decision (the engine does not raise them), so they need no trigger.
    if (rule.category === 'credential') continue;
    for (const t of rule.triggers ?? []) if (t.length > 0) subs.add(t);
  }
  return [...subs].sort();
}

/** False when some `*` rule declares no triggers: then no prefilter can be exact and every line must be checked. */
export function triggerWordsComplete(policy: Policy): boolean {
  return policy.wildcardRules.every((r) => r.category === 'credential' || (r.triggers ?? []).length > 0);
}

const VARIABLE_COMMAND_RE = /(^|[;&|(]|\bthen|\bdo|\belse)\s*["']?\$/;
/**
 * A command name the shell computes from a pattern or a brace word (`/bin/r?`, `r[m]`, `[r]m`, `{rm,-rf,x}`,
 * `r{m,}`), in command position. The shells use the same expression (`__ag_compname_re`).
 */
const COMPUTED_NAME_RE = /(?:^|[;&|(]|\bthen|\bdo|\belse)[ \t]*(?:[^\s;&|()<>=]*[*?]|[^\s;&|()<>=[]+\[|\[[^\s\][]|[^\s;&|()<>={]*\{[^\s{}]*,)/;
/** Characters outside printable ASCII: look-alike letters and invisible characters the engine normalises. */
const NON_ASCII_RE = /[^\x20-\x7e\t\n\r]/;
/** `env -S'…'` glued: the split string is a command line the word scan cannot see apart. */
const ENV_SPLIT_RE = /(?:^|\s)-[a-zA-Z0-9]*S|--split-string/;
const WINDOWS_EXE_RE = /\.exe\b/i;

/** Characters that end a word in the shells' scan (src/shell/agent-guard.bash, `__ag_ifs`). */
const SCAN_SEPARATORS = /[ \t\n;|&()<>=$`{}[\]*?!,:@#%^~]+/;

/**
 * The shells' prefilter, in TypeScript: quotes and backslashes dropped, words split on shell
 * punctuation, each word by its last path part. Used by tests to check the word list against the
 * corpus; the shells run their own copy of this scan.
 */
export function prefilterHit(line: string, words: ReadonlySet<string>, substrings: readonly string[] = []): boolean {
  const s = line.replace(/['"\\]/g, '');
  if (s.includes('extdebug') || s.includes('BASH_ENV') || (s.includes('trap') && s.includes('DEBUG'))) return true;
  // A variable or substitution in command position (`$X -rf ~`): only the engine can tell what runs.
  if (VARIABLE_COMMAND_RE.test(line)) return true;
  // Computed names of every kind: patterns and brace words as the name, look-alike or invisible
  // characters, Windows executables (`rm.exe`), `env -S` with its string glued on.
  if (COMPUTED_NAME_RE.test(s) || NON_ASCII_RE.test(line) || WINDOWS_EXE_RE.test(s)) return true;
  if (s.includes('env') && ENV_SPLIT_RE.test(s)) return true;
  for (const sub of substrings) if (s.includes(sub)) return true;
  for (const w of s.split(SCAN_SEPARATORS)) {
    const base = w.slice(w.lastIndexOf('/') + 1);
    if (base && words.has(base)) return true;
  }
  return false;
}
