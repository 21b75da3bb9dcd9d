// `node bench/corpusReport.mjs` (also part of `npm run bench`): the labelled corpus judged by the engine,
// per file — lines, block lines allowed (must be 0), allow lines asked (must stay ≤ 2 %) — and the
// destroy-verb fallback's false asks: allow lines on which `fallback.destroy-verb` fires, over ALL allow
// lines of the corpus (target < 1 %). Printed as figures, never asserted here.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.cache', 'bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'corpusReport.cjs');
const entry = `
import { evaluate } from './src/engine/evaluate';
import { defaultPolicy } from './src/engine/policy';
import { loadCorpus } from './test/unit/corpusLoader';
import { corpusFileMap, corpusFiles, cwdOfCategory } from './test/unit/corpusFiles';
// The same context as test/unit/corpus.test.ts: the fixture files, and the category's working folder.
export function judgeCorpus(dir, fixturesDir) {
  const policy = defaultPolicy();
  const files = corpusFileMap(fixturesDir);
  return loadCorpus(dir).map((c) => {
    const cwd = cwdOfCategory(c.category);
    const v = evaluate({ kind: 'shell', command: c.command }, policy, { cwd, files: corpusFiles(files, cwd) });
    return { file: c.file, line: c.line, label: c.label, command: c.command, decision: v.decision, rules: v.findings.map((f) => f.rule) };
  });
}`;
await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const { judgeCorpus } = await import(pathToFileURL(outfile).href);

const judged = judgeCorpus(path.join(root, 'test/corpus'), path.join(root, 'test/corpus/files'));
const FALLBACK = 'fallback.destroy-verb';
const byFile = new Map();
for (const j of judged) {
  const f = byFile.get(j.file) ?? { lines: 0, blocks: 0, allows: 0, blockAllowed: 0, allowAsked: 0 };
  f.lines++;
  if (j.label === 'block') {
    f.blocks++;
    if (j.decision === 'allow') f.blockAllowed++;
  } else {
    f.allows++;
    if (j.decision !== 'allow') f.allowAsked++;
  }
  byFile.set(j.file, f);
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;
console.log('corpus: file                      lines  block  allow  block-allowed  allow-asked');
for (const [file, f] of [...byFile].sort()) {
  console.log(`corpus: ${file.padEnd(26)}${String(f.lines).padStart(5)}${String(f.blocks).padStart(7)}${String(f.allows).padStart(7)}${String(f.blockAllowed).padStart(15)}${String(f.allowAsked).padStart(13)}`);
}
const allows = judged.filter((j) => j.label === 'allow');
const blocks = judged.filter((j) => j.label === 'block');
const blockAllowed = blocks.filter((j) => j.decision === 'allow');
const allowAsked = allows.filter((j) => j.decision !== 'allow');
console.log(`corpus: ${judged.length} lines; block lines allowed ${blockAllowed.length}/${blocks.length} (target 0); allow lines asked ${allowAsked.length}/${allows.length} = ${pct(allowAsked.length, allows.length)} (target ≤ 2 %)`);
const falseAsks = allows.filter((j) => j.rules.includes(FALLBACK));
const catches = blocks.filter((j) => j.rules.includes(FALLBACK));
const onlyByFallback = blocks.filter((j) => j.rules.length > 0 && j.rules.every((r) => r === FALLBACK));
console.log(
  `fallback: false asks on allow lines ${falseAsks.length}/${allows.length} = ${pct(falseAsks.length, allows.length)} (target < 1 %: ${falseAsks.length / Math.max(1, allows.length) < 0.01 ? 'met' : 'NOT met'}); ` +
    `fires on ${catches.length} block lines, ${onlyByFallback.length} of them caught by the fallback alone`,
);
for (const j of falseAsks) console.log(`fallback:   false ask ${j.file}:${j.line} ${JSON.stringify(j.command)}`);
