// What the hook launcher adds to a hook's start: the allow path of a benign Claude Code `Bash` call run
// as a host runs it (`sh -c '<entry command>'`, payload on stdin), through the launcher and straight
// through the CLI, against `node -e 0`. Prints medians and p90 in milliseconds. `npm run build` first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
const runs = Number(process.env.RUNS ?? 40);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bench-launch-'));
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const launcher = path.join(home, 'agent-guard-hook');
// The same script the extension writes (src/hosts/launcher.ts), bundled on the fly so the bench needs no build step of its own.
const esbuild = await import('esbuild');
const out = path.join(home, 'launcher.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src', 'hosts', 'launcher.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning', mainFields: ['module', 'main'] });
const mod = await import(out);
fs.writeFileSync(launcher, mod.launcherScript({ cliPath: cli, nodePath: process.execPath, execPath: '/nonexistent' }, 'linux'), { mode: 0o755 });
// The launcher's own cost, without node's start-up noise: the same script with `/bin/true` as its runtime.
const bare = path.join(home, 'agent-guard-hook-true');
fs.writeFileSync(bare, mod.launcherScript({ cliPath: cli, nodePath: '/bin/true', execPath: '/nonexistent' }, 'linux'), { mode: 0o755 });
const payload = JSON.stringify({ session_id: 's', cwd: home, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'git status' }, tool_use_id: 't' });
const env = { ...process.env, XDG_RUNTIME_DIR: home, HOME: home };

/** Every command once per round, rounds interleaved, so a busy machine slows all of them alike. */
function timeAll(commands) {
  const ms = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, k) => {
      const t = process.hrtime.bigint();
      const r = spawnSync('/bin/sh', ['-c', command], { input: payload, env, cwd: home });
      ms[k].push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) throw new Error(`${command}: exit ${r.status} ${r.stderr}`);
    });
  }
  return ms.map((m) => {
    m.sort((a, b) => a - b);
    return { p50: m[Math.floor(runs / 2)], p90: m[Math.floor(runs * 0.9)] };
  });
}

const rows = [
  ['node -e 0', `${q(process.execPath)} -e 0`],
  ['CLI directly (node cli.js hook claude)', `${q(process.execPath)} ${q(cli)} hook claude`],
  ['through the launcher (agent-guard-hook claude)', `${q(launcher)} claude`],
  ['/bin/true', '/bin/true'],
  ['launcher alone (its runtime is /bin/true)', `${q(bare)} claude`],
];
const timed = timeAll(rows.map(([, cmd]) => cmd));
const results = rows.map(([name], i) => [name, timed[i]]);
for (const [name, r] of results) console.log(`${name.padEnd(52)} p50 ${r.p50.toFixed(1)} ms  p90 ${r.p90.toFixed(1)} ms`);
console.log(`the launcher's own cost: ${(results[4][1].p50 - results[3][1].p50).toFixed(1)} ms at p50 (${runs} interleaved runs each)`);
fs.rmSync(home, { recursive: true, force: true });
