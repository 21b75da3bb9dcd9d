// `node bench/restorePoints.mjs`: what a restore point costs an allowed action, plan (before the
// modal) and take (before the command runs). Target (printed, not asserted): local points within the
// 2 s take deadline; past it the point is partial and the action goes on. BENCH_SCALE=2 doubles the trees.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.cache', 'bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'restorePointsBench.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'bench/restorePointsBench.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, outfile, logLevel: 'warning', mainFields: ['module', 'main'] });
const { runRestoreBench } = await import(pathToFileURL(outfile).href);

const scale = Number(process.env.BENCH_SCALE ?? 1);
for (const c of await runRestoreBench(scale)) {
  const ok = c.complete && c.takeMs < 2000 ? 'within 2 s' : 'PARTIAL or over 2 s';
  console.log(`restore point: ${c.name}: plan ${c.planMs.toFixed(0)} ms, take ${c.takeMs.toFixed(0)} ms (${ok}) — ${c.what}`);
}
