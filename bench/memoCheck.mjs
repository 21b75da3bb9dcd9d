// The verdict memo against the whole corpus: every line checked twice through the CLI as shipped
// (`check --json`, a fresh process each time, the first run deciding and remembering, the second answered
// from the memo when it can), and the two outputs compared byte for byte. Prints the lines that differ
// and how many distinct commands were remembered. Not part of `npm test` (about 3 minutes on 2 cores).
//
//   node bench/memoCheck.mjs            (MEMO_CHECK_WORKERS=N parallel workers, default 2)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-memo-check-'));
const dist = path.join(tmp, 'dist');
const { cliBuilds } = await import('../esbuild.config.mjs');
await Promise.all(cliBuilds(dist, true).map((b) => esbuild.build({ ...b, absWorkingDir: root })));
const loader = path.join(tmp, 'corpusLoader.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'test/unit/corpusLoader.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: loader, logLevel: 'warning' });
const { loadCorpus } = await import(pathToFileURL(loader).href);
const lines = loadCorpus(path.join(root, 'test/corpus'));

const home = path.join(tmp, 'home');
const project = path.join(tmp, 'project');
fs.mkdirSync(home);
fs.mkdirSync(project);
// A runtime folder of its own (no window is found); the memo does not trust files changed in the last 100 ms.
const env = { PATH: process.env.PATH, HOME: home, USERPROFILE: home, XDG_RUNTIME_DIR: fs.mkdtempSync(path.join(tmp, 'rt-')), AGENT_GUARD_SPOOL_DIR: path.join(home, 'spool') };
await new Promise((r) => setTimeout(r, 200));

const check = (command) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dist, 'cli.js'), 'check', '--json', '--', command], { cwd: project, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve(`${code} ${out}`));
  });

let next = 0;
const differ = [];
const started = Date.now();
async function worker() {
  while (next < lines.length) {
    const l = lines[next++];
    const first = await check(l.command);
    const second = await check(l.command);
    if (first !== second) differ.push({ where: `${l.file}:${l.line}`, command: l.command, first: first.slice(0, 300), second: second.slice(0, 300) });
  }
}
await Promise.all(Array.from({ length: Number(process.env.MEMO_CHECK_WORKERS ?? 2) }, worker));
const records = fs.readdirSync(path.join(home, '.agent-guard', 'cache', 'verdicts')).length;
console.log(`memo check: ${lines.length} corpus lines checked twice in ${((Date.now() - started) / 1000).toFixed(0)} s; ${records} distinct commands remembered; ${differ.length} differ`);
for (const d of differ) console.log(JSON.stringify(d));
fs.rmSync(tmp, { recursive: true, force: true });
process.exitCode = differ.length === 0 ? 0 : 1;
