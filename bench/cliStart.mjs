// The CLI's start as agent hosts and shells pay it, next to `node -e 0` (issue 11). Every row runs once
// per round, rounds interleaved and the order rotated each round, so a busy machine slows all rows alike;
// figures are medians (and the median of the per-round ratios). Targets (printed, not asserted): allow
// paths ≤ 1.10 × `node -e 0`; a confirm path that finds no window (so it blocks) ≤ 1.3 ×. A repeated allowed
// command is answered from the verdict memo (src/cli/memo/); the first-seen rows show what a new command
// costs, when the engine runs.
//
//   node bench/cliStart.mjs        (BENCH_CLI_RUNS=N rounds, default 30; BENCH_COLD_RUNS, default 8)
//
// The CLI is built minified, as shipped, into a folder of its own (other builds of dist/ cannot change it mid-run),
// with a HOME of its own (the compile cache lives in ~/.agent-guard/cache), a runtime dir where no VS Code
// window can be found, and a spool folder that is thrown away.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_CLI_RUNS ?? 30);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 8);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bench-start-'));
const install = path.join(tmp, 'extension', 'dist');
fs.mkdirSync(install, { recursive: true });
// The CLI as the VSIX ships it (minified: `npm run package`), built here from the sources.
const { cliBuilds } = await import('../esbuild.config.mjs');
await Promise.all(cliBuilds(install, true).map((b) => esbuild.build({ ...b, absWorkingDir: root })));
const cli = path.join(install, 'cli.js');
const project = path.join(tmp, 'project');
fs.mkdirSync(project);
const envFor = (home) => {
  fs.mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(tmp, 'rt-')), AGENT_GUARD_SPOOL_DIR: path.join(tmp, 'spool') };
  delete env.AGENT_GUARD_IPC;
  // Both make every node start slower (NODE_EXTRA_CA_CERTS reads a CA bundle: ~50 ms here), which would
  // hide the CLI's own cost in a larger floor; a person's machine rarely sets them.
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
};
const env = envFor(path.join(tmp, 'home'));

// The launcher the extension writes (src/hosts/launcher.ts), bundled on the fly: sh → node → cli.js.
const launcherMod = path.join(tmp, 'launcher.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/hosts/launcher.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: launcherMod, logLevel: 'warning', mainFields: ['module', 'main'] });
const { launcherScript } = await import(pathToFileURL(launcherMod).href);
const launcher = path.join(tmp, 'agent-guard-hook');
fs.writeFileSync(launcher, launcherScript({ cliPath: cli, nodePath: process.execPath, execPath: '/nonexistent' }, process.platform), { mode: 0o755 });

let freshCount = 0;
const fresh = () => `${process.pid}-${freshCount++}`;
// The floor for any hook in Node: a file next to cli.js that reads the payload and writes `{}`.
const floor = path.join(install, 'floor.js');
fs.writeFileSync(floor, "const fs = require('fs'); fs.readFileSync(0); fs.writeSync(1, '{}');\n");
const claude = (command) => JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 't' });
const node = process.execPath;
const rows = [
  { name: 'node -e 0', file: node, args: ['-e', '0'], exit: 0 },
  { name: 'floor: a script that reads stdin, writes {}', file: node, args: [floor], input: '{"x":1}', exit: 0 },
  { name: 'hook claude, allowed Bash `git status`', file: node, args: [cli, 'hook', 'claude'], input: claude('git status'), exit: 0, target: 1.1 },
  { name: 'hook cursor, allowed `ls -la src`', file: node, args: [cli, 'hook', 'cursor'], input: JSON.stringify({ hook_event_name: 'beforeShellExecution', conversation_id: 'c', generation_id: 'g', workspace_roots: [project], command: 'ls -la src', cwd: project }), exit: 0, target: 1.1 },
  { name: 'hook copilot, allowed `npm test`', file: node, args: [cli, 'hook', 'copilot'], input: () => JSON.stringify({ cwd: project, hookEventName: 'PreToolUse', tool_name: 'runTerminalCommand', tool_input: { command: 'npm test' }, tool_use_id: `c${fresh()}` }), exit: 0, target: 1.1 },
  { name: 'hook claude, Write `src/app.ts` (a file edit)', file: node, args: [cli, 'hook', 'claude'], input: JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path.join(project, 'src', 'app.ts'), content: 'export {};\n' }, tool_use_id: 't' }), exit: 0, target: 1.1 },
  { name: 'check allow path `git status`', file: node, args: [cli, 'check', '--', 'git status'], exit: 0, target: 1.1 },
  { name: 'hook claude, confirm `rm -rf /` with no window (blocks)', file: node, args: [cli, 'hook', 'claude'], input: claude('rm -rf /'), exit: 2, target: 1.3 },
  { name: 'check confirm `rm -rf /` (exit 10)', file: node, args: [cli, 'check', '--', 'rm -rf /'], exit: 10, target: 1.3 },
  { name: 'launcher (sh) → hook claude, allowed `git status`', file: '/bin/sh', args: ['-c', `'${launcher}' claude`], input: claude('git status'), exit: 0 },
  // A command never seen before: the verdict memo cannot answer, the engine runs (what every new command costs).
  { name: 'hook claude, first-seen command (memo miss)', file: node, args: [cli, 'hook', 'claude'], input: () => claude(`git log -1 -- f${fresh()}`), exit: 0 },
  { name: 'check, first-seen command (memo miss)', file: node, args: () => [cli, 'check', '--', `git log -1 -- f${fresh()}`], exit: 0 },
];

function once(row, rowEnv = env) {
  const t0 = process.hrtime.bigint();
  const args = typeof row.args === 'function' ? row.args() : row.args;
  const input = typeof row.input === 'function' ? row.input() : row.input;
  const r = spawnSync(row.file, args, { input: input ?? '', env: rowEnv, cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== row.exit) throw new Error(`${row.name}: exit ${r.status}, expected ${row.exit}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load0 = os.loadavg()[0];

// Warm: the first run writes the compile cache; two more let the file cache settle.
for (let i = 0; i < 3; i++) for (const r of rows) once(r);
const times = rows.map(() => []);
for (let i = 0; i < runs; i++) {
  for (let j = 0; j < rows.length; j++) {
    const k = (i + j) % rows.length;
    times[k].push(once(rows[k]));
  }
}

// Cold: the first run after install, each in a HOME with no cache yet, next to node -e 0 in the same round.
const cold = { base: [], first: [], second: [] };
const coldRow = rows.find((r) => r.name.startsWith('hook claude, allowed'));
for (let i = 0; i < coldRuns; i++) {
  const coldEnv = envFor(path.join(tmp, `cold-home-${i}`));
  cold.base.push(once(rows[0], coldEnv));
  cold.first.push(once(coldRow, coldEnv));
  cold.second.push(once(coldRow, coldEnv));
}
const load1 = os.loadavg()[0];

const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
const base = times[0];
console.log(`cli start: ${runs} interleaved rounds, ${os.cpus().length} cores, load average ${load0.toFixed(2)} → ${load1.toFixed(2)}, ${process.version}`);
console.log(`  ${'what'.padEnd(58)} median    ratio  (median of per-round ratios)  target`);
rows.forEach((r, k) => {
  const ratio = median(times[k]) / median(base);
  const perRound = median(times[k].map((t, i) => t / base[i]));
  const verdict = r.target ? `≤ ${r.target.toFixed(2)}: ${Math.max(ratio, perRound) <= r.target ? 'met' : 'NOT met'}` : '';
  console.log(`  ${r.name.padEnd(58)} ${ms(median(times[k]))}  ${ratio.toFixed(2)} ×  (${perRound.toFixed(2)} ×)  ${verdict}`);
});
const coldRatio = median(cold.first.map((t, i) => t / cold.base[i]));
console.log(`  cold cache (first run after install, ${coldRuns} fresh HOMEs): hook claude allow ${ms(median(cold.first))} = ${coldRatio.toFixed(2)} × node -e 0; the run after it ${ms(median(cold.second))} = ${median(cold.second.map((t, i) => t / cold.base[i])).toFixed(2)} ×`);
fs.rmSync(tmp, { recursive: true, force: true });
