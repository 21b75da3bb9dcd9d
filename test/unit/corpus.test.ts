// The labelled corpus is the product's contract: no `block` line may be allowed, and at most 2 % of
// the `allow` lines may be asked about (a prompt on every command teaches people to click Allow).
// Commands run in `/work/project` with the fixture files of test/corpus/files/ handed to the engine as an
// in-memory map (see corpusFiles.ts); a category `scripts@express` runs its line in fixture `express`.
import * as assert from 'assert';
import { evaluate } from '../../src/engine/evaluate';
import { defaultPolicy } from '../../src/engine/policy';
import { loadCorpus } from './corpusLoader';
import { corpusFileMap, corpusFiles, cwdOfCategory } from './corpusFiles';

describe('labelled corpus', () => {
  const corpus = loadCorpus();
  const policy = defaultPolicy();
  const files = corpusFileMap();
  const judged = corpus.map((c) => {
    const cwd = cwdOfCategory(c.category);
    return { ...c, verdict: evaluate({ kind: 'shell', command: c.command }, policy, { cwd, files: corpusFiles(files, cwd) }) };
  });

  it('holds at least 400 labelled commands', () => {
    assert.ok(corpus.length >= 400, `only ${corpus.length} lines`);
  });

  it('allows no `block` line', () => {
    const missed = judged.filter((j) => j.label === 'block' && j.verdict.decision === 'allow');
    assert.deepStrictEqual(
      missed.map((m) => `${m.file}:${m.line} ${JSON.stringify(m.command)}`),
      [],
      `${missed.length} destructive commands were allowed`,
    );
  });

  it('asks about at most 2 % of `allow` lines', () => {
    const allows = judged.filter((j) => j.label === 'allow');
    const asked = allows.filter((j) => j.verdict.decision !== 'allow');
    const ratio = asked.length / Math.max(1, allows.length);
    assert.ok(
      ratio <= 0.02,
      `${asked.length}/${allows.length} allow lines asked (${(ratio * 100).toFixed(1)} %):\n` +
        asked.map((a) => `  ${a.file}:${a.line} ${JSON.stringify(a.command)} → ${a.verdict.findings.map((f) => f.rule).join(', ')}`).join('\n'),
    );
  });
});
