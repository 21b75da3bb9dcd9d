// Policy validation names the bad entry and keeps the built-ins working.
import * as assert from 'assert';
import { compilePolicy } from '../../../src/engine/policy';
import { evaluate } from '../../../src/engine/evaluate';

const shell = (command: string) => ({ kind: 'shell' as const, command });

describe('compilePolicy', () => {
  it('compiles the built-ins with no errors', () => {
    const { errors, policy } = compilePolicy({});
    assert.deepStrictEqual(errors, []);
    assert.ok(policy.rulesByCommand.size > 20);
  });

  it('adds a user rule that takes effect (make nuke)', () => {
    const { policy, errors } = compilePolicy({ rules: [{ id: 'make-nuke', command: 'make', args: ['nuke'], message: 'wipes the local cluster' }] });
    assert.deepStrictEqual(errors, []);
    const v = evaluate(shell('make nuke'), policy);
    assert.strictEqual(v.decision, 'confirm');
    assert.strictEqual(v.findings[0].rule, 'user.make-nuke');
    assert.strictEqual(v.findings[0].source, 'user');
    assert.strictEqual(evaluate(shell('make build'), policy).decision, 'allow');
  });

  it('matches user args as a sequence when asked', () => {
    const { policy } = compilePolicy({ rules: [{ id: 'db-wipe', command: 'npm', args: ['run', 'db:wipe'], argsMatch: 'sequence' }] });
    assert.strictEqual(evaluate(shell('npm run db:wipe'), policy).decision, 'confirm');
    assert.strictEqual(evaluate(shell('npm db:wipe run'), policy).decision, 'allow');
  });

  it('accepts /regex/ args and a whole-text pattern', () => {
    const { policy, errors } = compilePolicy({
      rules: [
        { id: 'kill-all', command: 'pkill', args: ['/^-9$/'] },
        { id: 'deploy-prod', command: '*', pattern: 'deploy.*--prod' },
      ],
    });
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(evaluate(shell('pkill -9 node'), policy).decision, 'confirm');
    assert.strictEqual(evaluate(shell('./deploy.sh --prod'), policy).decision, 'confirm');
  });

  const bad: Array<[string, unknown, string]> = [
    ['a rule that is not an object', { rules: ['make nuke'] }, 'agentGuard.rules[0]'],
    ['a regex that does not compile', { rules: [{ id: 'x', command: 'make', pattern: '(' }] }, 'agentGuard.rules[0].pattern'],
    ['a rule without a command', { rules: [{ id: 'x' }] }, 'agentGuard.rules[0].command'],
    ['a bad severity', { rules: [{ id: 'x', command: 'make', severity: 'huge' }] }, 'agentGuard.rules[0].severity'],
    ['an unknown key', { rules: [{ id: 'x', command: 'make', comand: 'y' }] }, 'agentGuard.rules[0].comand'],
    ['a "*" rule with nothing to match', { rules: [{ id: 'x', command: '*' }] }, 'agentGuard.rules[0].command'],
    ['a duplicate id', { rules: [{ id: 'x', command: 'a' }, { id: 'x', command: 'b' }] }, 'agentGuard.rules[1].id'],
    ['rules that are not a list', { rules: { id: 'x' } }, 'agentGuard.rules'],
    ['an unknown disabled rule', { disabledRules: ['no.such-rule'] }, 'agentGuard.disabledRules[0]'],
    ['an environment without a name', { environments: [{ pattern: '*prod*' }] }, 'agentGuard.environments[0].name'],
    ['an unknown severity in decisions', { decisions: { extreme: 'deny' } }, 'agentGuard.decisions.extreme'],
    ['an unknown decision', { decisions: { high: 'maybe' } }, 'agentGuard.decisions.high'],
  ];
  for (const [what, input, path] of bad) {
    it(`names ${path} for ${what}, and the built-ins keep working`, () => {
      const { errors, policy } = compilePolicy(input as never);
      assert.ok(errors.some((e) => e.path === path), JSON.stringify(errors));
      assert.strictEqual(evaluate(shell('git push --force origin main'), policy).decision, 'confirm');
    });
  }

  it('keeps the good rules when one is bad', () => {
    const { errors, policy } = compilePolicy({ rules: [{ id: 'bad', command: 'x', pattern: '[' }, { id: 'good', command: 'make', args: ['nuke'] }] });
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(evaluate(shell('make nuke'), policy).decision, 'confirm');
  });

  it('disables a built-in rule by id and by prefix', () => {
    const one = compilePolicy({ disabledRules: ['git.push-force'] });
    assert.deepStrictEqual(one.errors, []);
    assert.strictEqual(evaluate(shell('git push --force'), one.policy).decision, 'allow');
    const all = compilePolicy({ disabledRules: ['git.*'] });
    assert.strictEqual(evaluate(shell('git reset --hard'), all.policy).decision, 'allow');
  });

  it('maps severities to decisions (critical → deny)', () => {
    const { policy } = compilePolicy({ decisions: { high: 'deny', critical: 'deny' } });
    assert.strictEqual(evaluate(shell('git push --force origin main'), policy).decision, 'deny');
  });
});

describe('compilePolicy: user rule forms (e2e finding F4)', () => {
  it('accepts a pattern-only rule as a rule over every command', () => {
    const { policy, errors } = compilePolicy({ rules: [{ id: 'nuke-anything', pattern: '\\bnuke\\b' }] });
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(evaluate({ kind: 'shell', command: 'make nuke' }, policy).decision, 'confirm');
  });
  it('names the rule id in the error', () => {
    const { errors } = compilePolicy({ rules: [{ id: 'broken', command: 'x', pattern: '(' }] });
    assert.match(errors[0].message, /rule "broken"/);
  });
});
