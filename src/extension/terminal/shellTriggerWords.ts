// The word list the shell prefilter scans for. Pure: no `vscode`, unit-tested in plain node.
//
// The engine's `triggerWords` lists the command names rules look at plus every wrapper that can hide
// them. The shell scan reads EVERY word of a command (not only the command position), after dropping
// quotes and backslashes, so a wrapper that merely passes its argv on (`sudo rm -rf ~`, `env psql …`,
// `time railway volume delete …`) is already caught by the wrapped command's own name. Those wrappers
// are removed here unless a rule inspects them itself: `command -v`, `env`, `time` and `exec` are in
// nearly every script, and each hit would start the CLI (tens of milliseconds) for nothing.
// `source`/`.` are removed for the same reason: the bash guard sees each command of a sourced file
// through its DEBUG trap, and the engine cannot read the file anyway.
import type { Policy } from '../../engine/policy';
import { triggerSubstrings, triggerWords, triggerWordsComplete } from '../../engine/triggerWords';

export const ARGV_PASSTHROUGH_WRAPPERS: ReadonlySet<string> = new Set([
  'sudo', 'doas', 'env', 'command', 'builtin', 'exec', 'nohup', 'nice', 'time', 'timeout', 'gtimeout',
  'stdbuf', 'setsid', 'ionice', 'caffeinate', 'noglob', 'nocorrect', 'unbuffer', 'chroot', 'source', '.',
  // `npm x` / `bun x` / `pnpm dlx` run a package named on the same line (itself a trigger when a rule
  // looks at it); as bare words `x` and `dlx` would make every `$x` and `x=1` in a script start the CLI.
  'x', 'dlx',
]);

/** A word the shell scan can match: no whitespace, quotes or backslashes (the scan removes those). */
const SCANNABLE = /^[^\s'"\\]+$/;

export interface ShellTriggers {
  /** Scanned in each command line and top-level command; `'*'` when no exact list exists (a `*` rule
   *  without triggers): then the shells check every command. */
  words: readonly string[] | '*';
  /** Scanned in commands run inside functions: only the command names rules inspect (see agent-guard.bash). */
  deep: readonly string[];
  /** Paths and names `*` rules look for anywhere in a line (`/dev/`, `.aws`, `AGENT_GUARD`): substring tests. */
  substrings: readonly string[];
}

export function shellTriggerWords(policy: Policy): ShellTriggers {
  const deep = [...policy.rulesByCommand.keys()].filter((w) => SCANNABLE.test(w) && w !== '*').sort();
  // No glob characters either: the shells split this list once without quoting.
  const substrings = triggerSubstrings(policy).filter((t) => SCANNABLE.test(t) && !/[*?[\]]/.test(t));
  if (!triggerWordsComplete(policy)) return { words: '*', deep, substrings };
  const words: string[] = [];
  for (const word of triggerWords(policy)) {
    if (ARGV_PASSTHROUGH_WRAPPERS.has(word) && !policy.rulesByCommand.has(word)) continue;
    if (!SCANNABLE.test(word)) continue;
    words.push(word);
  }
  return { words, deep, substrings };
}
