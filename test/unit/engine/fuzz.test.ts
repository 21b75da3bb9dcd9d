// Robustness: random shell-ish lines (seeded, so failures reproduce) must always yield a verdict —
// no exception, no hang, no allow for a line the parser could not read.
import * as assert from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';

const PIECES = ['rm', '-rf', '~', 'psql', '-c', "'DROP TABLE x'", '"', "'", '$(', ')', '`', '<<', 'EOF', '\n', '|', '||', '&&', ';', '&', 'sh', 'bash -c', '${', '}', '$X', '\\', '<(', '>', '2>&1', '#', 'ssh h', 'xargs', 'find . -exec', '{}', '\\;', 'eval', 'sudo', 'echo', 'base64 -d', '((', '))', '$((', '[[', ']]', 'if', 'then', 'fi', 'for x in a; do', 'done', '=', 'X=rm', '*', '?', '$\'', '\t', ' '];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('engine robustness (seeded fuzz)', function () {
  this.timeout(60_000);
  it('returns a verdict for 3000 random lines without throwing', () => {
    const next = rng(20261125);
    const policy = defaultPolicy();
    let worst = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(next() * 14);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
      const line = parts.join(next() < 0.7 ? ' ' : '');
      const t0 = process.hrtime.bigint();
      const v = evaluate({ kind: 'shell', command: line }, policy);
      worst = Math.max(worst, Number(process.hrtime.bigint() - t0) / 1e6);
      assert.ok(['allow', 'confirm', 'deny'].includes(v.decision), JSON.stringify(line));
      if (v.findings.some((f) => f.rule === 'opaque.parse-error')) assert.notStrictEqual(v.decision, 'allow', JSON.stringify(line));
    }
    // Not a timing assertion: a single line taking seconds means a runaway loop, not a slow machine.
    assert.ok(worst < 5000, `one line took ${worst.toFixed(0)} ms`);
  });
});
