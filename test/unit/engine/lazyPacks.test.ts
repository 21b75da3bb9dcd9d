// Lazy rule packs (issue 11): a pack that declares its command names is indexed by them and built on first
// use. The declared names must be exactly its rules' names, and the lazy index must hand every name the
// same rules, in the same order, as indexing every rule up front.
import * as assert from 'assert';
import { BUILTIN_PACKS } from '../../../src/engine/rules/builtinPacks';
import { compilePattern, compilePolicy, DEFAULT_ENVIRONMENTS } from '../../../src/engine/policy';
import type { Rule } from '../../../src/engine/types';

describe('lazy rule packs', () => {
  const lazy = BUILTIN_PACKS.filter((p) => p.commands !== undefined);

  it('there are lazy packs (the cloud tables and their kin)', () => {
    assert.ok(lazy.some((p) => p.name === 'cloud'));
  });

  for (const pack of lazy) {
    it(`${pack.name}: declares exactly the command names its rules inspect, none of them '*'`, () => {
      const built = new Set(pack.rules.flatMap((r) => r.commands));
      assert.ok(!built.has('*'), 'a lazy pack has no * rule');
      assert.deepStrictEqual([...new Set(pack.commands)].sort(), [...built].sort());
      assert.ok(pack.rules.every((r) => r.names === undefined), 'names is for * rules only');
    });
  }

  it('the lazy index gives every name the rules an eager index gives, in order', () => {
    const eager = new Map<string, Rule[]>();
    const wildcard: Rule[] = [];
    for (const rule of BUILTIN_PACKS.flatMap((p) => p.rules)) {
      for (const c of rule.commands) {
        if (c === '*') wildcard.push(rule);
        else eager.set(c, [...(eager.get(c) ?? []), rule]);
      }
    }
    const { policy } = compilePolicy({});
    assert.deepStrictEqual([...policy.rulesByCommand.keys()].sort(), [...eager.keys()].sort());
    for (const [name, rules] of eager) assert.deepStrictEqual(policy.rulesByCommand.get(name)?.map((r) => r.id), rules.map((r) => r.id), name);
    assert.deepStrictEqual(policy.wildcardRules.map((r) => r.id), wildcard.map((r) => r.id));
    assert.strictEqual(policy.rulesByCommand.get('no-such-command'), undefined);
    assert.strictEqual(policy.rulesByCommand.has('no-such-command'), false);
  });

  it('a switched-off rule leaves the lazy index as an eager one would (a name with no rule left is no key)', () => {
    const { policy, errors } = compilePolicy({ disabledRules: ['cloud.hcloud-data-delete', 'cloud.hcloud-delete'] });
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(policy.rulesByCommand.has('hcloud'), false);
    assert.ok(policy.rulesByCommand.get('railway')!.length > 0);
  });

  it('every built-in environment pattern compiles (they are compiled on first use)', () => {
    for (const m of DEFAULT_ENVIRONMENTS) assert.doesNotThrow(() => compilePattern(m.pattern), m.pattern);
    const envs = compilePolicy({}).policy.environments;
    assert.ok(envs.find((e) => e.pattern === '*prod*')!.test('db.PROD.internal'));
    assert.ok(!envs.find((e) => e.pattern === '*prod*')!.test('db.staging'));
  });
});
