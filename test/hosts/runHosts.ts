// The real-host suite (`npm run test:hosts`): each pinned agent CLI, installed from npm into the cache,
// runs against the scripted model with Agent Guard's hooks written by Set Up's own code, in a temporary
// HOME and workspace. Per host, three runs (Codex four):
//   guarded      `rm -rf ./important` is denied (the hook ran, the marker survives, the model got the
//                reason), then `ls` runs and the model sees its output;
//   cli gone     the launcher's target is gone: the launcher alone still denies, in the host's format;
//   untrusted    (Codex) Set Up's trust record removed: Codex must skip the hook (the record matters);
//   hook gone    the launcher itself is gone: measures what the host does when its hook cannot start,
//                which must match the README's hook table (HostCase.whenHookCannotStart).
// Hosts not in the active list (HostCase.notRun) are printed in a loud NOT RUN block at the end.
// AGENT_GUARD_HOSTS=name,name runs only those cases.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { HOSTS } from '../../src/hosts/registry';
import { HOSTS_CACHE, ensureInstalled } from '../../scripts/hosts/install';
import { HOST_CASES } from './hostCases';
import type { HostCase } from './hostCases';
import { ScriptedModel } from './modelServer';
import { killAll, killStrays, makeSandbox, removeLauncher, removeLauncherTarget, runBounded, setUpHooks, spooledDecisions, tmpBase } from './sandbox';
import type { RunResult, Sandbox } from './sandbox';

const DESTRUCTIVE = 'rm -rf ./important';
const HARMLESS = 'ls';
const RUN_SECONDS = Number(process.env.AGENT_GUARD_HOST_RUN_SECONDS ?? 180);
const TOTAL_SECONDS = Number(process.env.AGENT_GUARD_HOSTS_TOTAL_SECONDS ?? 600);
/** The product's name: every deny Agent Guard writes for an agent carries it, whatever the outcome module's wording. */
const DENY_WORDS = 'Agent Guard';

const root = path.resolve(__dirname, '..', '..');
/** Sandboxes of the current case: removed when it passes, kept (with host-output.txt) when it fails. */
const sandboxes: string[] = [];
const t0 = Date.now();

function buildCli(): string {
  // A CLI bundle built elsewhere (e.g. from a patched copy of src/, to try an adapter change first).
  if (process.env.AGENT_GUARD_HOSTS_CLI) return path.resolve(process.env.AGENT_GUARD_HOSTS_CLI);
  const out = path.join(HOSTS_CACHE, 'agent-guard', 'cli.js');
  esbuild.buildSync({ entryPoints: [path.join(root, 'src/cli/main.ts')], outfile: out, bundle: true, platform: 'node', target: 'node18', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  return out;
}

interface Check {
  ok: boolean;
  what: string;
  /** Reported (NOTE) but not a failure: beyond what the issue requires of the host. */
  soft?: boolean;
}

function excerpt(s: string | undefined, n = 300): string {
  if (s === undefined) return '(none)';
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

async function runOnce(c: HostCase, label: string, script: string[], arrange: (sb: Sandbox) => void): Promise<{ sb: Sandbox; model: ScriptedModel; run: RunResult }> {
  const sb = makeSandbox(tmpBase(), `${c.name}-${label}`, cliPath);
  const model = new ScriptedModel(script);
  const port = await model.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    c.prepare?.(sb, baseUrl);
    setUpHooks(sb, c.host, c.scope);
    arrange(sb);
    const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', TERM: 'dumb', NO_COLOR: '1', CI: '1', HOME: sb.home, TMPDIR: sb.tmp, ...c.env(sb, baseUrl) };
    const remaining = TOTAL_SECONDS - (Date.now() - t0) / 1000;
    if (remaining < 10) throw new Error(`the suite's total time bound (${TOTAL_SECONDS} s) is used up`);
    const run = await runBounded(path.join(HOSTS_CACHE, c.name, c.bin), c.args(sb), { cwd: sb.workspace, env, seconds: Math.min(RUN_SECONDS, remaining) });
    const strays = killStrays(sb);
    if (strays.length) console.log(`  (stopped ${strays.length} process(es) the host left running in its sandbox: ${strays.join(', ')})`);
    sandboxes.push(sb.root);
    fs.writeFileSync(path.join(sb.root, 'host-output.txt'), `exit ${run.code} signal ${run.signal} timedOut ${run.timedOut} ${run.seconds}s\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}\n--- requests\n${JSON.stringify(model.requests, null, 1)}\n--- tool results\n${JSON.stringify(model.toolResults, null, 1)}\n`);
    return { sb, model, run };
  } finally {
    await model.stop();
  }
}

function runFacts(r: RunResult, model: ScriptedModel, sb: Sandbox): string {
  const why = r.timedOut ? `timed out after ${r.seconds.toFixed(0)} s` : `exit ${r.code ?? r.signal} after ${r.seconds.toFixed(1)} s`;
  const noTool = model.noShellTool ? `; no shell tool among [${model.noShellTool.join(', ')}]` : '';
  return `${why}; ${model.requests.length} model requests${noTool}; output kept in ${sb.root}/host-output.txt; stderr: ${excerpt(r.stderr, 400)}`;
}

async function runCase(c: HostCase): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (ok: boolean, what: string) => checks.push({ ok, what });

  const g = await runOnce(c, 'guarded', [DESTRUCTIVE, HARMLESS], () => undefined);
  const rmResult = g.model.resultFor(DESTRUCTIVE);
  const lsResult = g.model.resultFor(HARMLESS);
  check(spooledDecisions(g.sb).length > 0, `guarded: the hook ran (decisions spooled in the temporary HOME: ${spooledDecisions(g.sb).length})`);
  check(fs.existsSync(g.sb.markerFile), `guarded: the marker survived \`${DESTRUCTIVE}\``);
  // The reason comes back as the tool's result, or (Cline) as context added to the next request.
  // The engine's reason names what would be destroyed (the launcher's own deny, after a CLI crash, does not).
  const judged = (t: string | undefined) => t !== undefined && t.includes(DENY_WORDS) && t.includes('important');
  const reasonSeen = judged(rmResult) ? 'as the tool result' : g.model.sawText(DENY_WORDS) ? 'as context in a later request' : undefined;
  check(reasonSeen !== undefined, `guarded: the model received the reason ("${DENY_WORDS}…") ${reasonSeen ?? 'nowhere'}; the tool result was: ${excerpt(rmResult)}`);
  check(lsResult?.includes('important') === true, `guarded: \`${HARMLESS}\` ran and the model saw its output; it got: ${excerpt(lsResult)}`);
  if (checks.some((x) => !x.ok)) check(false, `guarded run: ${runFacts(g.run, g.model, g.sb)}`);

  const gone = await runOnce(c, 'cli-gone', [DESTRUCTIVE], removeLauncherTarget);
  const goneResult = gone.model.resultFor(DESTRUCTIVE);
  check(fs.existsSync(gone.sb.markerFile), 'cli gone: the launcher alone denied (marker survived)');
  // Nothing spooled: the CLI never ran, so any "Agent Guard" text the model got is the launcher's own deny.
  check(spooledDecisions(gone.sb).length === 0, 'cli gone: the CLI did not run (nothing spooled)');
  // Required: the launcher denies (marker intact). Its reason reaching the model is reported, not required: the
  // launcher cannot read the payload, and a host may only offer a block that stops the whole run (Cline's `cancel`).
  const goneSeen = goneResult?.includes(DENY_WORDS) === true || gone.model.sawText(DENY_WORDS);
  checks.push({ ok: goneSeen, soft: true, what: `cli gone: the model received the launcher's reason; the tool result was: ${excerpt(goneResult)}${goneSeen ? '' : ` (${runFacts(gone.run, gone.model, gone.sb)})`}` });
  if (!fs.existsSync(gone.sb.markerFile)) check(false, `cli-gone run: ${runFacts(gone.run, gone.model, gone.sb)}`);

  if (c.host === 'codex') checks.push(...(await codexWithoutTrust(c)));

  const hookGoneCommand = c.hookGoneCommand ?? DESTRUCTIVE;
  const broken = await runOnce(c, 'hook-gone', [hookGoneCommand], removeLauncher);
  const measured = fs.existsSync(broken.sb.markerFile) ? 'call blocked' : 'call runs';
  const toolCalled = broken.model.resultFor(hookGoneCommand) !== undefined;
  check(toolCalled, `hook gone: the host asked to run the command and reported back (${toolCalled ? 'yes' : runFacts(broken.run, broken.model, broken.sb)})`);
  check(measured === c.whenHookCannotStart, `hook gone: measured "${measured}", this suite's table says "${c.whenHookCannotStart}"`);
  const stated = HOSTS[c.host].facts.onFailure;
  if (stated !== measured) console.log(`  NOTE Hook Status / README facts for ${c.host} say "${stated}" when the hook cannot start; measured here: "${measured}"`);
  return checks;
}

/** Set Up's trust record removed from `config.toml` (what a person who skipped it has). */
function dropCodexTrust(sb: Sandbox): void {
  const file = path.join(sb.home, '.codex', 'config.toml');
  const kept: string[] = [];
  let inTrust = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*\[/.test(line)) inTrust = /^\s*\[\s*hooks\s*\.\s*state\b/.test(line);
    if (!inTrust) kept.push(line);
  }
  fs.writeFileSync(file, kept.join('\n'));
}

/** Codex runs a non-managed hook only when its entry is trusted: without Set Up's record, `codex exec` skips it. */
async function codexWithoutTrust(c: HostCase): Promise<Check[]> {
  const command = c.hookGoneCommand ?? DESTRUCTIVE;
  const u = await runOnce(c, 'untrusted', [command], dropCodexTrust);
  const ran = spooledDecisions(u.sb).length > 0;
  const called = u.model.resultFor(command) !== undefined;
  return [
    { ok: called, what: `untrusted: the host asked to run the command and reported back (${called ? 'yes' : runFacts(u.run, u.model, u.sb)})` },
    { ok: !ran, what: `untrusted: without Set Up's trust record Codex skips the hook silently (hook ran: ${ran ? 'yes' : 'no'}; marker ${fs.existsSync(u.sb.markerFile) ? 'intact' : 'deleted'})` },
  ];
}

let cliPath = '';

async function main(): Promise<number> {
  const only = (process.env.AGENT_GUARD_HOSTS ?? '').split(',').filter(Boolean);
  const cases = HOST_CASES.filter((c) => (only.length === 0 ? c.notRun === undefined : only.includes(c.name)));
  const notRun = HOST_CASES.filter((c) => c.notRun !== undefined && !cases.includes(c));
  cliPath = buildCli();
  let failed = 0;
  for (const c of cases) {
    const c0 = Date.now();
    console.log(`\n--- ${c.name} (${c.pkg}@${c.version}, hooks in ${c.scope} scope)`);
    const installError = ensureInstalled(c, (TOTAL_SECONDS - (Date.now() - t0) / 1000) * 1000);
    let checks: Check[];
    if (installError) checks = [{ ok: false, what: `install: ${installError}` }];
    else {
      try {
        checks = await runCase(c);
      } catch (e) {
        checks = [{ ok: false, what: `the run could not complete: ${(e as Error).stack ?? e}` }];
      }
    }
    for (const x of checks) console.log(`  ${x.ok ? 'ok  ' : x.soft ? 'NOTE' : 'FAIL'} ${x.what}`);
    const ok = checks.every((x) => x.ok || x.soft);
    if (!ok) failed++;
    for (const dir of sandboxes.splice(0)) if (ok) fs.rmSync(dir, { recursive: true, force: true });
    console.log(`  ${ok ? 'PASS' : 'FAILED'} ${c.name} in ${((Date.now() - c0) / 1000).toFixed(1)} s`);
  }
  if (notRun.length) {
    console.log('\n' + '!'.repeat(78));
    for (const c of notRun) console.log(`!!! NOT RUN: ${c.name} — ${c.notRun}`);
    console.log('!'.repeat(78));
  }
  console.log(`\nreal-host suite: ${cases.length - failed} passed, ${failed} failed, ${notRun.length} not run, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { killAll(); process.exit(130); });
main().then((code) => { killAll(); process.exit(code); }, (e) => { killAll(); console.error(e); process.exit(1); });
