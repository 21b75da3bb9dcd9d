// Table-driven rule tests: each row is a rule id, a command it stops (with the target it should name),
// and a near miss that must run. Shared by the filesystem, disk, git, container, kubernetes, iac and
// guard rule tests so every file stays a list of one-line rows.
import assert from 'node:assert/strict';
import type { EvalContext, RulePack } from '../../../src/engine/types';
import { decisionOf, findingsOf, rulesOf } from '../helpers';

/** [rule id, a command it stops, the target it names (undefined: not checked), a near miss that runs] */
export type Row = [string, string, string | undefined, string];

const NEWLINES = /\n/g;

/** Test titles on one line: heredocs show `⏎`. */
export function oneLine(command: string): string {
  return command.replace(NEWLINES, '⏎');
}

/** `context` is handed to every row (a pack whose rules read files gets a `readFile` map). */
export function describeRows(pack: RulePack, rows: readonly Row[], context?: EvalContext): void {
  const prefix = pack.rules[0].id.slice(0, pack.rules[0].id.indexOf('.') + 1);
  for (const [id, positive, target, negative] of rows) {
    it(`${id}: stops \`${oneLine(positive)}\``, () => {
      const found = findingsOf(positive, context).filter((f) => f.rule === id);
      assert.ok(found.length >= 1, `rules found: ${rulesOf(positive, context).join(', ') || 'none'}`);
      if (target !== undefined) assert.ok(found.some((f) => f.target === target), `targets: ${found.map((f) => f.target).join(', ')}`);
      assert.ok(found.every((f) => f.summary.length > 0 && !f.summary.includes('undefined')), found.map((f) => f.summary).join(' | '));
      assert.notEqual(decisionOf(positive, context), 'allow');
    });
    it(`${id}: runs \`${oneLine(negative)}\``, () => {
      assert.deepStrictEqual(rulesOf(negative, context).filter((r) => r.startsWith(prefix)), []);
      assert.equal(decisionOf(negative, context), 'allow');
    });
  }

  it(`every ${pack.name} rule has a row`, () => {
    const covered = new Set(rows.map((r) => r[0]));
    assert.deepStrictEqual(pack.rules.map((r) => r.id).filter((id) => !covered.has(id)), []);
  });
}

/** Asserts a summary a person reads: the rule fires and its words contain `words`. */
export function summaryOf(command: string, id: string): string {
  const f = findingsOf(command).find((x) => x.rule === id);
  assert.ok(f, `${id} did not fire on ${command}: ${rulesOf(command).join(', ')}`);
  return f.summary;
}
