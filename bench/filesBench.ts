// Cost of reading what runs (src/engine/files): the expansion step alone on the no-file path (every corpus
// command, no file capability: what every ordinary command pays), and whole evaluations that read files
// (the project-scripts, files-run and interpreters corpus lines with their fixtures in memory).
import { evaluate } from '../src/engine/evaluate';
import { defaultPolicy } from '../src/engine/policy';
import { parseCommandLine } from '../src/engine/shell/parseCommandLine';
import { expandWhatRuns } from '../src/engine/files/expandWhatRuns';
import { loadCorpus } from '../test/unit/corpusLoader';
import { corpusFileMap, corpusFiles, cwdOfCategory } from '../test/unit/corpusFiles';

function quantiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  const q = (p: number): number => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { p50: q(0.5), p99: q(0.99) };
}

export function runFilesBench(corpusDir: string, rounds: number): { step: { p50: number; p99: number; n: number }; withFiles: { p50: number; p99: number; n: number } } {
  const corpus = loadCorpus(corpusDir);
  const ctx = { cwd: '/work/project', env: {} };
  const parsed = corpus.map((c) => parseCommandLine(c.command));
  for (let r = 0; r < 3; r++) for (const p of parsed) expandWhatRuns(p, ctx);
  const step: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of parsed) {
      const t0 = process.hrtime.bigint();
      expandWhatRuns(p, ctx);
      step.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const policy = defaultPolicy();
  const map = corpusFileMap();
  const mine = corpus.filter((c) => c.file === 'project-scripts.tsv' || c.file === 'files-run.tsv' || c.file === 'interpreters.tsv');
  const judged = mine.map((c) => ({ command: c.command, cwd: cwdOfCategory(c.category) }));
  const withFiles: number[] = [];
  for (let r = 0; r < rounds + 3; r++) {
    for (const j of judged) {
      const t0 = process.hrtime.bigint();
      evaluate({ kind: 'shell', command: j.command }, policy, { cwd: j.cwd, files: corpusFiles(map, j.cwd) });
      if (r >= 3) withFiles.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return { step: { ...quantiles(step), n: step.length }, withFiles: { ...quantiles(withFiles), n: withFiles.length } };
}
