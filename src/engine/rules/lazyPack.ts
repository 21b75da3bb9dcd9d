// A rule pack whose rules are built on first use (issue 11: nothing at load that the allow path does not
// need). The pack names its commands up front; the policy indexes it by those names and reads `rules` only
// when one of them is evaluated, so `git status` never builds the cloud tables. Only packs without `*` rules
// can be lazy: a `*` rule looks at every command. The pack tests check the declared names are exactly the
// built rules' names.
import type { Rule, RulePack } from '../types';

export function lazyPack(name: string, commands: readonly string[], build: () => Rule[]): RulePack {
  let rules: readonly Rule[] | undefined;
  return {
    name,
    commands: [...new Set(commands)],
    get rules(): readonly Rule[] {
      return (rules ??= build());
    },
  };
}
