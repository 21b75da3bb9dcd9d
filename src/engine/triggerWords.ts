// The words whose presence in a command line means the engine might have something to say. The
// terminal guard compiles them into a shell-native prefilter, so an ordinary command (`ls`, `git
// status`) never pays for starting the CLI. Over-triggering costs time; under-triggering would let a
// command through unexamined, so every way a dangerous command can hide (wrappers, shells, eval,
// substitutions, decoders) is a trigger too.
import type { Policy } from './policy';
import { WRAPPERS } from './shell/wrappers';

/** Words that can hide another command or unreadable content. */
const CARRIERS = ['eval', 'source', 'base64', 'xxd', 'curl', 'wget', 'find', 'xargs', 'python', 'python3', 'node', 'perl', 'ruby', 'pwsh', 'powershell'];

export function triggerWords(policy: Policy): string[] {
  const words = new Set<string>();
  for (const name of policy.rulesByCommand.keys()) words.add(name);
  for (const rule of policy.wildcardRules) {
    // Credential notes never change a decision (the engine does not raise them), so they need no trigger.
    if (rule.category === 'credential') continue;
    for (const t of rule.triggers ?? []) words.add(t);
  }
  for (const name of WRAPPERS.keys()) words.add(name);
  for (const c of CARRIERS) words.add(c);
  return [...words].filter((w) => w.length > 0).sort();
}

/** False when some `*` rule declares no triggers: then no prefilter can be exact and every line must be checked. */
export function triggerWordsComplete(policy: Policy): boolean {
  return policy.wildcardRules.every((r) => r.category === 'credential' || (r.triggers ?? []).length > 0);
}
