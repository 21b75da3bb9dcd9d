#!/usr/bin/env node
// `npm run test:e2e`: Agent Guard end to end in a real VS Code workbench (code-server) driven through
// Debian's Chromium. Installs what is missing (setup.sh), packages the VSIX, starts a throwaway
// PostgreSQL on loopback, and for each version job (old: code-server 4.100.3 on Node 20, new: 4.139.x
// on Node 24) installs the VSIX into a fresh profile, starts code-server, opens the demo workspace and
// runs the scenarios. Always stops what it started. Failures leave a screenshot and the logs in
// test-results/<scenario>/<version>/. Ends with "N passed, M failed".
//
// Options: --version old|new|all (default all)   --scenario id[,id…] (any scenario file, listed or not)
//          --all (every scenario file, also those not yet in the default list)   --skip-setup   --keep
//          --update-screenshots (copy the screenshots of passing scenarios to media/screenshots/)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { ROOT, collectLogs, installVsix, makeProfile, startCodeServer, versionJob } from './lib/codeServer.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { seconds, stopGroup } from './lib/proc.mjs';
import { packageVsix, prepareWorkspace, runSetup } from './lib/workspace.mjs';
import { resetWorkbench, waitForWorkbench } from '../../test/e2e/lib/workbench.mjs';
import { DEFAULT_SCENARIOS } from '../../test/e2e/scenarios/index.mjs';

const SCENARIO_DIR = path.join(ROOT, 'test/e2e/scenarios');
const RESULTS = path.join(ROOT, 'test-results');
const SCREENSHOTS = path.join(ROOT, 'media/screenshots');

function parseArgs(argv) {
  const opts = { versions: ['old', 'new'], scenarios: null, all: false, skipSetup: false, keep: false, updateScreenshots: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--version')) {
      const v = value();
      opts.versions = v === 'all' ? ['old', 'new'] : v.split(',');
    } else if (a.startsWith('--scenario')) opts.scenarios = value().split(',');
    else if (a === '--all') opts.all = true;
    else if (a === '--skip-setup') opts.skipSetup = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--update-screenshots') opts.updateScreenshots = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const v of opts.versions) versionJob(v); // throws on an unknown name
  return opts;
}

/** Scenario files are `NN-id.mjs`; `--scenario` takes the id or the file name. */
async function loadScenarios(opts) {
  const files = fs.readdirSync(SCENARIO_DIR).filter((f) => /^\d\d-.+\.mjs$/.test(f)).sort();
  const byId = new Map(files.map((f) => [f.replace(/^\d\d-|\.mjs$/g, ''), f]));
  let wanted;
  if (opts.scenarios) wanted = opts.scenarios;
  else if (opts.all) wanted = [...byId.keys()];
  else wanted = DEFAULT_SCENARIOS;
  const out = [];
  for (const w of wanted) {
    const file = byId.get(w) ?? files.find((f) => f === w || f === `${w}.mjs`);
    if (!file) throw new Error(`no scenario '${w}' in ${SCENARIO_DIR} (have: ${[...byId.keys()].join(', ')})`);
    const mod = await import(pathToFileURL(path.join(SCENARIO_DIR, file)).href);
    if (!mod.scenario?.run) throw new Error(`${file} does not export { scenario: { id, title, run } }`);
    out.push({ file, ...mod.scenario });
  }
  return out;
}

const timings = [];
function timed(label, t0) {
  const line = `${label}: ${seconds(t0)} s`;
  timings.push(line);
  console.log(`[e2e] ${line}`);
}

// Everything started is registered here and stopped in reverse order, on success, failure or signal.
const cleanups = [];
let cleaning = null;
function cleanupAll() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { what, fn } = cleanups.pop();
      const t0 = Date.now();
      try {
        await fn();
      } catch (e) {
        console.error(`[e2e] cleanup of ${what} failed: ${e.message}`);
      }
      console.log(`[e2e] stopped ${what} (${seconds(t0)} s)`);
    }
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[e2e] ${sig}: stopping everything that was started`);
    cleanupAll().finally(() => process.exit(130));
  });
}

async function evidence(t, scenario, error) {
  const dir = path.join(RESULTS, scenario.id, t.job.name);
  fs.mkdirSync(dir, { recursive: true });
  try {
    await t.page.screenshot({ path: path.join(dir, 'screenshot.png'), timeout: 15_000 });
  } catch (e) {
    fs.writeFileSync(path.join(dir, 'screenshot-failed.txt'), String(e));
  }
  collectLogs(t.profile, dir);
  fs.writeFileSync(path.join(dir, 'error.txt'), `${error.stack ?? error}\n\nsteps:\n${t.steps.join('\n')}\n`);
  return dir;
}

async function runJob(jobName, scenarios, ctx) {
  const job = versionJob(jobName);
  const results = [];
  const label = `${job.name} (code-server ${job.codeServer})`;
  console.log(`\n[e2e] ===== job ${label}`);
  const jobT0 = Date.now();

  let t0 = Date.now();
  const profile = makeProfile(job, { DATABASE_URL: ctx.pg.url });
  if (!ctx.opts.keep) cleanups.push({ what: `profile ${profile.root}`, fn: () => fs.rmSync(profile.root, { recursive: true, force: true }) });
  else console.log(`[e2e] keeping profile ${profile.root}`);
  const workspace = prepareWorkspace(profile);
  const vsix = path.join(profile.root, 'agent-guard.vsix');
  fs.copyFileSync(ctx.vsix, vsix);
  installVsix(job, profile, vsix);
  timed(`${job.name}: fresh profile + VSIX install`, t0);

  t0 = Date.now();
  const server = await startCodeServer(job, profile, workspace);
  cleanups.push({ what: `code-server ${job.codeServer} (pid ${server.pid})`, fn: () => stopGroup(server) });
  timed(`${job.name}: code-server start`, t0);

  t0 = Date.now();
  const { browser, context } = await launchBrowser(profile);
  cleanups.push({ what: `chromium (${job.name})`, fn: () => browser.close() });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(server.workspaceUrl);
  await waitForWorkbench(page);
  timed(`${job.name}: chromium + workbench load`, t0);

  const cliPath = path.join(profile.extensions, fs.readdirSync(profile.extensions).find((d) => d.startsWith('agent-guard.')) ?? '', 'dist/cli.js');
  // What earlier scenarios of this job decided, for the log scenario to find in the panel.
  const shared = { decisions: [] };
  for (const scenario of scenarios) {
    const steps = [];
    const sT0 = Date.now();
    const t = {
      job,
      profile,
      server,
      page,
      pg: ctx.pg,
      workspace,
      cliPath,
      consoleErrors,
      shared,
      steps,
      step(msg) {
        const line = `  [${seconds(sT0)} s] ${msg}`;
        steps.push(line);
        console.log(line);
      },
      extHostLog() {
        const logs = path.join(profile.userData, 'logs');
        const found = [];
        const walk = (d) => {
          for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (/exthost\.log$/.test(e.name)) found.push(p);
          }
        };
        walk(logs);
        return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      },
      /** Where a scenario saves what it shows (screenshots for the README). */
      resultsDir: path.join(RESULTS, scenario.id, job.name),
    };
    console.log(`[e2e] ${job.name} › ${scenario.id}: ${scenario.title}`);
    let error = null;
    let timer;
    try {
      await Promise.race([
        scenario.run(t),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`scenario timed out after ${(scenario.timeoutMs ?? 180_000) / 1000} s`)), scenario.timeoutMs ?? 180_000);
        }),
      ]);
    } catch (e) {
      error = e;
    } finally {
      clearTimeout(timer);
    }
    const secs = seconds(sT0);
    if (error) {
      const dir = await evidence(t, scenario, error);
      console.log(`[e2e] FAIL ${job.name} › ${scenario.id} (${secs} s): ${error.message.split('\n')[0]}`);
      console.log(String(error.message).split('\n').slice(1, 20).map((l) => `       ${l}`).join('\n'));
      console.log(`       evidence: ${path.relative(ROOT, dir)}/`);
    } else {
      console.log(`[e2e] PASS ${job.name} › ${scenario.id} (${secs} s)`);
      if (ctx.opts.updateScreenshots) {
        // The README's pictures come only from a passing scenario: what a person really saw.
        for (const name of scenario.screenshots ?? []) {
          const from = path.join(t.resultsDir, name);
          if (!fs.existsSync(from)) continue;
          fs.mkdirSync(SCREENSHOTS, { recursive: true });
          fs.copyFileSync(from, path.join(SCREENSHOTS, name));
          console.log(`[e2e] saved ${path.relative(ROOT, path.join(SCREENSHOTS, name))} (${job.name})`);
        }
      }
    }
    timings.push(`${job.name} › ${scenario.id}: ${secs} s ${error ? 'FAIL' : 'pass'}`);
    results.push({ job: job.name, id: scenario.id, ok: !error });
    // Leave the workbench as a person would find it: no dialog, no input box, no terminals.
    try {
      await resetWorkbench(page);
      await scenario.cleanup?.(t);
    } catch (e) {
      console.log(`[e2e] cleanup after ${scenario.id}: ${e.message}`);
    }
  }

  // Stop this job's processes before the next job starts (two code-servers at once would double the memory).
  t0 = Date.now();
  while (cleanups.length > ctx.baseCleanups) {
    const { what, fn } = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`[e2e] cleanup of ${what} failed: ${e.message}`);
    }
  }
  timed(`${job.name}: stop`, t0);
  timed(`${job.name}: whole job`, jobT0);
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const total0 = Date.now();
  const scenarios = await loadScenarios(opts);
  fs.rmSync(RESULTS, { recursive: true, force: true });

  if (!opts.skipSetup) {
    const t0 = Date.now();
    runSetup(opts.versions.length === 2 ? 'all' : opts.versions[0]);
    timed('setup', t0);
  }

  let t0 = Date.now();
  const vsixCopy = packageVsix();
  cleanups.push({ what: 'VSIX copy', fn: () => fs.rmSync(path.dirname(vsixCopy), { recursive: true, force: true }) });
  timed('package VSIX', t0);

  t0 = Date.now();
  const pg = await startPostgres();
  cleanups.push({ what: `postgresql (port ${pg.port})`, fn: () => pg.stop() });
  timed('postgresql start', t0);

  const results = [];
  const ctx = { opts, pg, vsix: vsixCopy, baseCleanups: cleanups.length };
  for (const v of opts.versions) {
    try {
      results.push(...(await runJob(v, scenarios, ctx)));
    } catch (e) {
      // The job itself broke (server did not start, browser did not launch): every scenario fails.
      console.log(`[e2e] job ${v} could not run: ${e.stack ?? e}`);
      for (const s of scenarios) results.push({ job: v, id: s.id, ok: false });
      while (cleanups.length > ctx.baseCleanups) {
        const { fn } = cleanups.pop();
        await Promise.resolve().then(fn).catch(() => {});
      }
    }
  }
  await cleanupAll();
  timed('total', total0);

  console.log('\n[e2e] wall times:');
  for (const line of timings) console.log(`  ${line}`);
  console.log('\n[e2e] results:');
  for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.job} › ${r.id}`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch(async (e) => {
  console.error(`[e2e] FAILED: ${e.stack ?? e}`);
  await cleanupAll();
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
