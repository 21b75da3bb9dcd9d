// `npm run bench`: engine latency on the corpus (p50/p99 µs, commands per second) and the CLI's
// allow-path wall time next to `node -e 0`, measured in the same run on the same machine.
// Targets (printed, not asserted): engine p99 < 50 µs; CLI allow path < 1.3 × `node -e 0`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
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
// Reading what runs (src/engine/files): the step's own cost on the no-file path, and evaluations that read fixture files.
const filesOut = path.join(outDir, 'filesBench.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'bench/filesBench.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, outfile: filesOut, logLevel: 'warning' });
const { runFilesBench } = await import(pathToFileURL(filesOut).href);
const fb = runFilesBench(path.join(root, 'test/corpus'), rounds);
console.log(`files: expansion step on the no-file path p50 ${us(fb.step.p50)}  p99 ${us(fb.step.p99)} (${fb.step.n} samples)`);
console.log(`files: evaluations that read files (scripts, Makefiles, code; in memory) p50 ${us(fb.withFiles.p50)}  p99 ${us(fb.withFiles.p99)} (${fb.withFiles.n} samples)`);

function wall(cmd, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

const cli = path.join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_CLI_RUNS ?? 30);
// Interleave warm-ups so both see the same file cache.
wall(process.execPath, ['-e', '0'], 3);
wall(process.execPath, [cli, 'check', '--', 'git status'], 3);
const base = wall(process.execPath, ['-e', '0'], runs);
const check = wall(process.execPath, [cli, 'check', '--', 'git status'], runs);
const hookPayload = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'git status' }, cwd: root });
const hook = (() => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'hook', 'claude'], { input: hookPayload, stdio: ['pipe', 'ignore', 'inherit'] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`hook claude exited ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] };
})();
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`cli: node -e 0 median ${ms(base.median)} (min ${ms(base.min)}), ${runs} runs`);
console.log(`cli: agent-guard check allow path median ${ms(check.median)} = ${(check.median / base.median).toFixed(2)} × node -e 0 (target < 1.3: ${check.median / base.median < 1.3 ? 'met' : 'NOT met'})`);
console.log(`cli: agent-guard hook claude allow path median ${ms(hook.median)} = ${(hook.median / base.median).toFixed(2)} × node -e 0`);

// The corpus judged per file and the destroy-verb fallback's false-ask rate (bench/corpusReport.mjs).
await import('./corpusReport.mjs');
