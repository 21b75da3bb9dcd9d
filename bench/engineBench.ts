// Engine latency over the labelled corpus: every command evaluated many times with the default
// policy, each call timed on its own. Prints p50/p90/p99/max in microseconds and commands per second.
import { evaluate } from '../src/engine/evaluate';
import { defaultPolicy } from '../src/engine/policy';
import { loadCorpus } from '../test/unit/corpusLoader';

export interface FamilyFigures {
  /** The corpus file, e.g. `cloud.tsv`. */
  family: string;
  p50: number;
  p99: number;
  /** The command that took longest at its median, for naming what is slow. */
  slowest: string;
  slowestMedian: number;
}

const quantile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export function runEngineBench(
  corpusDir: string,
  rounds: number,
): { n: number; p50: number; p90: number; p99: number; max: number; perSecond: number; commands: number; families: FamilyFigures[]; medP50: number; medP90: number; medP99: number } {
  const lines = loadCorpus(corpusDir);
  const corpus = lines.map((c) => c.command);
  const policy = defaultPolicy();
  const ctx = { cwd: '/work/project', env: {} };
  // Warm up: let V8 optimise the hot paths before measuring, as in a long-lived extension host.
  for (let r = 0; r < 3; r++) for (const c of corpus) evaluate({ kind: 'shell', command: c }, policy, ctx);
  const samples: number[] = [];
  const perCommand: number[][] = corpus.map(() => []);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    corpus.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      evaluate({ kind: 'shell', command: c }, policy, ctx);
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      samples.push(us);
      perCommand[i].push(us);
    });
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  samples.sort((a, b) => a - b);
  const q = (p: number): number => quantile(samples, p);
  const byFamily = new Map<string, number[]>();
  lines.forEach((l, i) => byFamily.set(l.file, [...(byFamily.get(l.file) ?? []), i]));
  const families = [...byFamily].map(([family, idx]): FamilyFigures => {
    const all = idx.flatMap((i) => perCommand[i]).sort((a, b) => a - b);
    const medians = idx.map((i) => ({ i, m: quantile([...perCommand[i]].sort((a, b) => a - b), 0.5) })).sort((a, b) => b.m - a.m);
    return { family, p50: quantile(all, 0.5), p99: quantile(all, 0.99), slowest: corpus[medians[0].i], slowestMedian: medians[0].m };
  });
  families.sort((a, b) => b.p99 - a.p99);
  // Each command's median over the rounds, then the quantiles of those: less sensitive to another process's load.
  const medians = perCommand.map((s) => quantile([...s].sort((a, b) => a - b), 0.5)).sort((a, b) => a - b);
  return {
    n: samples.length,
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: samples[samples.length - 1],
    perSecond: samples.length / totalSeconds,
    commands: corpus.length,
    families,
    medP50: quantile(medians, 0.5),
    medP90: quantile(medians, 0.9),
    medP99: quantile(medians, 0.99),
  };
}
