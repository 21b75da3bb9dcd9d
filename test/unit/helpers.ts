// Tiny helpers so rule tests read as one-line table rows.
import { evaluate } from '../../src/engine/evaluate';
import { defaultPolicy } from '../../src/engine/policy';
import type { Decision, EvalContext, Finding, Verdict } from '../../src/engine/types';

export function verdictOf(command: string, context?: EvalContext): Verdict {
  return evaluate({ kind: 'shell', command }, defaultPolicy(), context);
}

export function findingsOf(command: string, context?: EvalContext): Finding[] {
  return verdictOf(command, context).findings;
}

export function decisionOf(command: string, context?: EvalContext): Decision {
  return verdictOf(command, context).decision;
}

/** Rule ids found for a command, for `assert.deepStrictEqual(rulesOf('git push -f'), ['git.push-force'])`. */
export function rulesOf(command: string, context?: EvalContext): string[] {
  return findingsOf(command, context).map((f) => f.rule);
}
