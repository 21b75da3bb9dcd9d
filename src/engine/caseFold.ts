// macOS and Windows file systems ignore case by default: `RM -rf ~` and `/BIN/RM` run `rm`, and
// `GIT push --force` runs git. A command name that no rule knows is therefore tried in lower case
// too; a name a rule knows as written (`R`, `Remove-Item`) keeps its own rules.
import type { Rule, SimpleCommand } from './types';

const HAS_UPPER = /[A-Z]/;

/** The command under its lower-case name with that name's rules, when only the lower-case name has rules. */
export function caseFoldedRules(cmd: SimpleCommand, rulesByCommand: ReadonlyMap<string, readonly Rule[]>): { cmd: SimpleCommand; rules: readonly Rule[] } | undefined {
  if (!HAS_UPPER.test(cmd.name) || rulesByCommand.has(cmd.name)) return undefined;
  const name = cmd.name.toLowerCase();
  const rules = rulesByCommand.get(name);
  return rules === undefined ? undefined : { cmd: { ...cmd, name }, rules };
}
