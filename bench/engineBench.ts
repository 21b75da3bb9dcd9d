// Engine latency over the labelled corpus: every command evaluated many times with the default
// policy, each call timed on its own. Prints p50/p90/p99/max in microseconds and commands per second.
import { evaluate } from '../src/engine/evaluate';
import { defaultPolicy } from '../src/engine/policy';
import { loadCorpus } from '../test/unit/corpusLoader';

export function runEngineBench(corpusDir: string, rounds: number): { n: number; p50: number; p90: number; p99: number; max: number; perSecond: number; commands: number } {
  const corpus = loadCorpus(corpusDir).map((c) => c.command);
  const policy = defaultPolicy();
  const ctx = { cwd: '/work/project', env: {} };
  // Warm up: let V8 optimise the hot paths before measuring, as in a long-lived extension host.
  for (let r = 0; r < 3; r++) for (const c of corpus) evaluate({ kind: 'shell', command: c }, policy, ctx);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const c of corpus) {
      const t0 = process.hrtime.bigint();
      evaluate({ kind: 'shell', command: c }, policy, ctx);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  samples.sort((a, b) => a - b);
  const q = (p: number): number => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { n: samples.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: samples[samples.length - 1], perSecond: samples.length / totalSeconds, commands: corpus.length };
}
