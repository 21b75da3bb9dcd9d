// What the terminal guard costs an ordinary command, measured in real shells, with and without the
// guard's environment (the one the extension sets). Prints figures; no thresholds.
//
//   node bench/shellOverhead.mjs            (needs bash; zsh optional; `npm run build` for dist/cli.js)
//
// Measured:
//  1. interactive bash / zsh on a pty: wall time for N typed ordinary lines (`true`), per line;
//  2. interactive bash: a loop of M simple commands inside one line (the DEBUG trap runs per command);
//  3. `bash -c true` with the BASH_ENV backstop vs without (process start to exit), per run;
//  4. non-interactive bash: a loop of M simple commands (per-command trap cost in scripts);
//  5. `git status` (not a trigger) and a trigger-word hit: `bash -c 'curl --version'` (starts the CLI, which allows it) vs without,
//     the hit's added time next to `node -e 0` measured in the same loop;
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shellDir = fs.existsSync(path.join(repo, 'dist/shell/agent-guard.bash')) ? path.join(repo, 'dist/shell') : path.join(repo, 'src/shell');
const cli = path.join(repo, 'dist/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bench-'));
const home = path.join(tmp, 'home');
fs.mkdirSync(home);
fs.mkdirSync(path.join(tmp, 'state'), { mode: 0o700 }); // the extension creates it at start-up
fs.writeFileSync(path.join(home, '.bashrc'), "PS1='$ '\n");
fs.writeFileSync(path.join(home, '.zshrc'), "PS1='%% '\n");
spawnSync('git', ['init', '-q', path.join(tmp, 'repo')]);

// The guard's environment, exactly as the extension computes it (through tsx, which the repo has).
const envJson = spawnSync(
  process.execPath,
  ['--import', 'tsx', '-e', `
    const { shellEnvironment } = require('${repo}/src/extension/terminal/shellEnvironment.ts');
    const { shellTriggerWords } = require('${repo}/src/extension/terminal/shellTriggerWords.ts');
    const { ZDOTDIR_FILES } = require('${repo}/src/extension/terminal/zdotdirFiles.ts');
    const { defaultPolicy } = require('${repo}/src/engine/policy.ts');
    const fs = require('fs');
    fs.mkdirSync('${tmp}/zdotdir', { recursive: true });
    for (const [n, c] of Object.entries(ZDOTDIR_FILES)) fs.writeFileSync('${tmp}/zdotdir/' + n, c);
    const m = shellEnvironment({ shellDir: '${shellDir}', cliPath: '${cli}', nodePath: process.execPath,
      triggers: shellTriggerWords(defaultPolicy()), stateDir: '${tmp}/state', zdotdir: '${tmp}/zdotdir', inherited: {} });
    process.stdout.write(JSON.stringify(m));`],
  { cwd: repo, encoding: 'utf8' },
);
if (envJson.status !== 0) throw new Error(envJson.stderr);
const base = { PATH: process.env.PATH, HOME: home, TERM: 'xterm', LANG: 'C.UTF-8', XDG_RUNTIME_DIR: tmp };
const guarded = { ...base };
for (const m of JSON.parse(envJson.stdout)) guarded[m.name] = m.op === 'prepend' ? m.value + (guarded[m.name] ?? '') : m.value;

const hasZsh = spawnSync('sh', ['-c', 'command -v zsh']).status === 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runPty(argv, env, input) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', argv, '/dev/null'], { env, cwd: home, stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('close', () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
    child.stdin.end(input);
  });
}

function timeSync(file, args, env, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(file, args, { env, cwd: path.join(tmp, 'repo'), stdio: 'ignore' });
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const rows = [];
const row = (what, without, withGuard, per = 1) => {
  rows.push([what, fmt(without / per), fmt(withGuard / per), fmt((withGuard - without) / per)]);
  console.error(`measured: ${what}`);
};

const LINES = 300;
const typed = 'true\n'.repeat(LINES) + 'exit\n';
const LOOP = 20000;
const loopLine = `for ((i=0;i<${LOOP};i++)); do true; done\nexit\n`;
const REPS = 5;

async function interactive(shell, input) {
  const a = [];
  const b = [];
  for (let i = 0; i < REPS; i++) {
    a.push(await runPty(`${shell} -i`, base, input));
    b.push(await runPty(`${shell} -i`, guarded, input));
  }
  return [median(a), median(b)];
}

{
  const [a, b] = await interactive('bash', typed);
  row(`interactive bash: one typed ordinary line (\`true\`), ${LINES} lines`, a, b, LINES);
}
{
  const [a, b] = await interactive('bash', loopLine);
  row(`interactive bash: one loop iteration inside a line (3 simple commands: test, body, increment; ${LOOP} iterations)`, a, b, LOOP);
}
if (hasZsh) {
  const [a, b] = await interactive('zsh', typed);
  row(`interactive zsh: one typed ordinary line (\`true\`), ${LINES} lines`, a, b, LINES);
}
{
  const a = timeSync('bash', ['-c', 'true'], base, 200);
  const b = timeSync('bash', ['-c', 'true'], guarded, 200);
  row('`bash -c true` (BASH_ENV backstop), median of 200', a, b);
}
{
  const script = `for ((i=0;i<${LOOP};i++)); do x=$i; done`;
  const a = timeSync('bash', ['-c', script], base, 5);
  const b = timeSync('bash', ['-c', script], guarded, 5);
  row(`script: one loop iteration (3 simple commands; bash -c, ${LOOP} iterations)`, a, b, LOOP);
}
if (hasZsh) {
  const a = timeSync('zsh', ['-c', 'true'], base, 100);
  const b = timeSync('zsh', ['-c', 'true'], guarded, 100);
  row('`zsh -c true` (ZDOTDIR .zshenv backstop), median of 100', a, b);
}
{
  // `git status` is not a trigger any more (git counts only beside push/reset/clean/…): no CLI start.
  const a = timeSync('bash', ['-c', 'git status'], base, 20);
  const b = timeSync('bash', ['-c', 'git status'], guarded, 20);
  row('`bash -c "git status"` (git narrowed: no CLI start)', a, b);
}
let triggerHit;
if (fs.existsSync(cli)) {
  // Interleaved with `node -e 0` (the floor of any Node start), so the added time can be read against it.
  const a = [];
  const b = [];
  const floor = [];
  for (let i = 0; i < 15; i++) {
    a.push(timeSync('bash', ['-c', 'curl --version'], base, 1));
    b.push(timeSync('bash', ['-c', 'curl --version'], guarded, 1));
    floor.push(timeSync(process.execPath, ['-e', '0'], base, 1));
  }
  row('trigger-word hit that is allowed: `bash -c "curl --version"` (starts the CLI)', median(a), median(b));
  triggerHit = { added: median(b) - median(a), floor: median(floor) };
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['what', 'without guard', 'with guard', 'added'], ...rows].map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`shell overhead (${os.cpus().length} cores, ${os.loadavg()[0].toFixed(2)} load, bash ${spawnSync('bash', ['-c', 'echo $BASH_VERSION'], { encoding: 'utf8' }).stdout.trim()})`);
console.log(line(['what', 'without guard', 'with guard', 'added']));
for (const r of rows) console.log(line(r));
if (triggerHit) console.log(`an allowed trigger-word line adds ${fmt(triggerHit.added)} = ${(triggerHit.added / triggerHit.floor).toFixed(2)} × \`node -e 0\` (${fmt(triggerHit.floor)} in the same loop); the floor for a line that starts the CLI is 1.00 ×`);
fs.rmSync(tmp, { recursive: true, force: true });
