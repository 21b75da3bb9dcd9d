// `node bench/stallWatchdog.mjs`: what the stall watchdog (src/cli/stallWatchdog.ts) costs on the hook's
// allow path. Builds the CLI twice, as shipped and with the watchdog stubbed out, and times interleaved
// runs of `node -e 0` and both CLIs answering a harmless Claude payload, short (no watchdog is started)
// and 8 KiB (the shipped CLI starts it): median and p90
// wall time, and the CPU time all runs of each took (user + system, from the children's rusage: less
// disturbed by other work on a shared machine than wall time). Prints figures; asserts nothing.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.cache', 'bench');
mkdirSync(outDir, { recursive: true });
const common = { entryPoints: [path.join(root, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'warning' };
const withWatchdog = path.join(outDir, 'cli-with-watchdog.cjs');
const withoutWatchdog = path.join(outDir, 'cli-without-watchdog.cjs');
await esbuild.build({ ...common, outfile: withWatchdog });
const stub = {
  name: 'no-watchdog',
  setup(build) {
    build.onResolve({ filter: /\/stallWatchdog$/ }, () => ({ path: 'stallWatchdog', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export function armStallWatchdogFor() { return undefined; }\nexport function armForHookPayload() { return undefined; }', loader: 'js' }));
  },
};
await esbuild.build({ ...common, outfile: withoutWatchdog, plugins: [stub] });

const runs = Number(process.env.BENCH_RUNS ?? 40);
const env = { ...process.env, XDG_RUNTIME_DIR: mkdtempSync(path.join(os.tmpdir(), 'ag-bench-')) };
delete env.AGENT_GUARD_IPC;
const payload = JSON.stringify({ session_id: 'b', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls -la' }, cwd: os.tmpdir() });
// Past WATCH_FROM_CHARS (4 KiB) the shipped CLI starts the watchdog: an 8 KiB harmless command shows its cost.
const longPayload = JSON.stringify({ session_id: 'b', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: `echo ${'a'.repeat(8 * 1024)}` }, cwd: os.tmpdir() });
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'hook, short payload, watchdog stubbed', args: [withoutWatchdog, 'hook', 'claude'], input: payload },
  { name: 'hook, short payload, as shipped', args: [withWatchdog, 'hook', 'claude'], input: payload },
  { name: 'hook, 8 KiB payload, watchdog stubbed', args: [withoutWatchdog, 'hook', 'claude'], input: longPayload },
  { name: 'hook, 8 KiB payload, as shipped (armed)', args: [withWatchdog, 'hook', 'claude'], input: longPayload },
];
const wall = cases.map(() => []);
const cpu = cases.map(() => 0);
for (let i = 0; i < runs; i++) {
  cases.forEach((c, j) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.args, { input: c.input ?? '', env, cwd: os.tmpdir(), stdio: ['pipe', 'ignore', 'pipe'] });
    wall[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  });
}
// Children's CPU: measured apart, one case at a time, because rusage of children only accumulates.
for (const [j, c] of cases.entries()) {
  const script = `const {spawnSync}=require('child_process');for(let i=0;i<${runs};i++)spawnSync(process.execPath,${JSON.stringify(c.args)},{input:${JSON.stringify(c.input ?? '')},env:${JSON.stringify(env)},cwd:${JSON.stringify(os.tmpdir())},stdio:['pipe','ignore','ignore']});`;
  const r = spawnSync('bash', ['-c', `node -e "$0" && times`, script], { encoding: 'utf8' });
  // `times` prints the shell's own times, then its children's: "0m0.010s 0m0.005s\n0m1.234s 0m0.321s".
  const child = r.stdout.trim().split('\n').pop() ?? '';
  const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  cpu[j] = ((secs[0] ?? 0) + (secs[1] ?? 0)) * 1000 / runs;
}
const base = [...wall[0]].sort((a, b) => a - b)[Math.floor(runs / 2)];
console.log(`stall watchdog: ${runs} interleaved runs each on ${os.cpus().length} CPUs`);
cases.forEach((c, j) => {
  const s = [...wall[j]].sort((a, b) => a - b);
  const med = s[Math.floor(runs / 2)];
  console.log(`${c.name.padEnd(38)} wall median ${med.toFixed(1)} ms (${(med / base).toFixed(2)} × node -e 0)  p90 ${s[Math.floor(runs * 0.9)].toFixed(1)} ms  cpu ${cpu[j].toFixed(1)} ms/run`);
});
