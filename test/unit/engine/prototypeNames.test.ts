// Command names and words that are also the names of what every JavaScript object inherits
// (`constructor`, `toString`, `__proto__` …) are ordinary words to the engine: before, tables keyed by
// command name found the inherited methods and the engine failed on them (which asked, "could not be
// checked"). Each form must be read like any unknown command: no engine failure, and a delete still asks.
import { strict as assert } from 'assert';
import { evaluate } from '../../../src/engine/evaluate';
import { defaultPolicy } from '../../../src/engine/policy';
import { memoryFiles } from '../../../src/engine/files/fileBounds';

const NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];
const FORMS = (n: string): string[] => [
  n, `${n} -x a`, `${n} --force -f -r x`, `sudo ${n} -rf /tmp/x`, `${n} delete prod`, `npx ${n} x`, `FOO=1 ${n} -c 'x'`,
  `aws ${n} ${n}`, `kubectl ${n} x`, `git ${n}`, `docker ${n}`, `psql -c 'select 1' ${n}`, `python -c "import ${n}"`, `make ${n}`,
];

describe('command names that objects inherit', () => {
  const policy = defaultPolicy();
  const ctx = { cwd: '/work/project', env: {}, files: memoryFiles(new Map([['/work/project/Makefile', 'all:\n\techo $(constructor) $(toString)\n']]), '/work/project') };

  it('are read like any other word: the engine never fails on them', () => {
    const failed: string[] = [];
    for (const n of NAMES) {
      for (const command of FORMS(n)) {
        const v = evaluate({ kind: 'shell', command }, policy, ctx);
        for (const f of v.findings) if (f.rule.startsWith('engine.')) failed.push(`${command}: ${f.summary}`);
      }
    }
    assert.deepEqual(failed, []);
  });

  it('a delete through them still asks', () => {
    for (const n of ['constructor', 'toString', '__proto__']) {
      assert.equal(evaluate({ kind: 'shell', command: `${n} x; rm -rf ~` }, policy, ctx).decision, 'confirm');
      assert.equal(evaluate({ kind: 'shell', command: `bash -c "${n} -x; rm -rf ~"` }, policy, ctx).decision, 'confirm');
    }
  });
});
