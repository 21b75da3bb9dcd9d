// `npm run bench`: engine latency on the corpus (p50/p99 µs, commands per second) and the CLI's
// start next to `node -e 0`, measured in the same run on the same machine (bench/cliStart.mjs).
// Targets (printed, not asserted): engine p99 < 50 µs; CLI allow paths ≤ 1.10 × `node -e 0`, a blocked confirm ≤ 1.3 ×.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.cache', 'bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'engineBench.cjs');
// Bundle the engine the way the CLI ships it (minified), so the figures are the product's.
await esbuild.build({ entryPoints: [path.join(root, 'bench/engineBench.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, outfile, logLevel: 'warning' });
const { runEngineBench } = await import(pathToFileURL(outfile).href);

const rounds = Number(process.env.BENCH_ROUNDS ?? 50);
const e = runEngineBench(path.join(root, 'test/corpus'), rounds);
const us = (x) => `${x.toFixed(1)} µs`;
console.log(`engine: ${e.commands} corpus commands × ${rounds} rounds = ${e.n} evaluations`);
console.log(`engine: p50 ${us(e.p50)}  p90 ${us(e.p90)}  p99 ${us(e.p99)}  max ${us(e.max)}  ${Math.round(e.perSecond).toLocaleString('en')} commands/s  (target p99 < 50 µs: ${e.p99 < 50 ? 'met' : 'NOT met'})`);
// The slowest families (corpus files) by p99, each with the command that is slowest at its median.
for (const f of e.families.slice(0, 6)) console.log(`engine: slow family ${f.family.padEnd(24)} p50 ${us(f.p50)}  p99 ${us(f.p99)}  slowest: ${JSON.stringify(f.slowest.length > 70 ? `${f.slowest.slice(0, 70)}…` : f.slowest)} (${us(f.slowestMedian)} median)`);
// Reading what runs (src/engine/files): the step's own cost on the no-file path, and evaluations that read fixture files.
const filesOut = path.join(outDir, 'filesBench.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'bench/filesBench.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, outfile: filesOut, logLevel: 'warning' });
const { runFilesBench } = await import(pathToFileURL(filesOut).href);
const fb = runFilesBench(path.join(root, 'test/corpus'), rounds);
console.log(`files: expansion step on the no-file path p50 ${us(fb.step.p50)}  p99 ${us(fb.step.p99)} (${fb.step.n} samples)`);
console.log(`files: evaluations that read files (scripts, Makefiles, code; in memory) p50 ${us(fb.withFiles.p50)}  p99 ${us(fb.withFiles.p99)} (${fb.withFiles.n} samples)`);

// The CLI's start next to `node -e 0`: hook claude/cursor/copilot and check allow paths, a confirm that
// finds no window, the launcher, and the first run after install (bench/cliStart.mjs).
await import('./cliStart.mjs');

// The corpus judged per file and the destroy-verb fallback's false-ask rate (bench/corpusReport.mjs).
await import('./corpusReport.mjs');
