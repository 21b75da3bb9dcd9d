#!/usr/bin/env node
// `npm start`: Agent Guard in a real VS Code (code-server) with the demo workspace, for a newcomer.
// Installs what is missing, packages the VSIX, starts a throwaway PostgreSQL on loopback (the demo's
// "production" database, table `customers`), installs the VSIX into a fresh profile, starts code-server
// on 127.0.0.1 and prints the URL. Stays up until Ctrl-C, then stops everything it started.
//
// Options: --version old|new (default old: code-server 4.100.3 on the machine's Node 20; new: 4.139.x on
//          Node 24)   --port N (default 8080, or a free port when 8080 is taken)   --skip-setup
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ROOT, installVsix, makeProfile, startCodeServer, versionJob } from './lib/codeServer.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { seconds, stopGroup } from './lib/proc.mjs';
import { spawn } from 'node:child_process';
import { packageVsix, prepareWorkspace } from './lib/workspace.mjs';

function parseArgs(argv) {
  const opts = { version: 'old', port: 8080, skipSetup: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a.startsWith('--version')) opts.version = value();
    else if (a.startsWith('--port')) opts.port = Number(value());
    else if (a === '--skip-setup') opts.skipSetup = true;
    else throw new Error(`unknown option ${a} (options: --version old|new, --port N, --skip-setup)`);
  }
  versionJob(opts.version);
  return opts;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * setup.sh installs code-server (one to two minutes on a cold cache) and says little meanwhile: run it
 * without blocking and print a line every 10 s, so a newcomer sees it is working.
 */
function setupWithProgress(which) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    console.log('[demo] installing what is missing (code-server) — this can take a minute or two the first time…');
    const child = spawn('bash', [path.join(ROOT, 'scripts/e2e/setup.sh'), which], { stdio: 'inherit', cwd: ROOT });
    const ticker = setInterval(() => console.log(`[demo] still installing… ${seconds(t0)} s`), 10_000);
    child.on('error', (e) => {
      clearInterval(ticker);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new Error(`scripts/e2e/setup.sh failed (exit ${code ?? signal}): the tools it installs are needed`));
    });
  });
}

/** The demo opens on its README (and the extension opens its walkthrough: AGENT_GUARD_OPEN_WALKTHROUGH). */
function openOnReadme(profile) {
  const file = path.join(profile.userData, 'User/settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  settings['workbench.startupEditor'] = 'readme';
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

const stops = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo…');
  while (stops.length) {
    const { what, fn } = stops.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`  could not stop ${what}: ${e.message}`);
    }
  }
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stopAll(0));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const job = versionJob(opts.version);
  const t0 = Date.now();
  if (!opts.skipSetup) await setupWithProgress(opts.version);
  console.log(`[demo] tools ready (${seconds(t0)} s)`);

  let t = Date.now();
  const vsix = packageVsix();
  stops.push({ what: 'VSIX copy', fn: () => fs.rmSync(path.dirname(vsix), { recursive: true, force: true }) });
  console.log(`[demo] packaged dist/agent-guard.vsix (${seconds(t)} s)`);

  t = Date.now();
  const pg = await startPostgres();
  stops.push({ what: 'PostgreSQL', fn: () => pg.stop() });
  pg.psql(fs.readFileSync(path.join(ROOT, 'demo/db/seed.sql'), 'utf8'));
  console.log(`[demo] PostgreSQL on 127.0.0.1:${pg.port}, database ${pg.database}, table customers (${seconds(t)} s)`);

  t = Date.now();
  const profile = makeProfile(job, { DATABASE_URL: pg.url, AGENT_GUARD_OPEN_WALKTHROUGH: '1' });
  openOnReadme(profile);
  stops.push({ what: 'demo profile', fn: () => fs.rmSync(profile.root, { recursive: true, force: true }) });
  const workspace = prepareWorkspace(profile);
  installVsix(job, profile, vsix);
  const wanted = opts.port && (await portFree(opts.port)) ? opts.port : undefined;
  const server = await startCodeServer(job, profile, workspace, { port: wanted });
  stops.push({ what: 'code-server', fn: () => stopGroup(server) });
  console.log(`[demo] code-server ${job.codeServer} started (${seconds(t)} s)`);

  console.log(`
  Agent Guard demo is running (code-server ${job.codeServer}, a real VS Code workbench).

    Open:       ${server.workspaceUrl}
    Workspace:  ${workspace}   (a copy of demo/; DATABASE_URL=${pg.url} in its terminals)

  Try, in a terminal there (Terminal → New Terminal):
    psql "$DATABASE_URL" -c 'select count(*) from customers'   runs
    psql "$DATABASE_URL" -c 'DROP TABLE customers'             asks you, naming PRODUCTION
  or Terminal → Run Task… → "db: drop customers", or the palette: "Agent Guard: Set Up Agent Hooks…".

  Install the same VSIX into your own editor:
    VS Code:   code --install-extension ${path.join(ROOT, 'dist/agent-guard.vsix')}
    Cursor:    cursor --install-extension ${path.join(ROOT, 'dist/agent-guard.vsix')}
    (VSCodium, Windsurf and other Open VSX editors: Extensions view → … → Install from VSIX…)

  It opens on the demo's README and the Agent Guard walkthrough.
  Ctrl-C stops the demo (code-server, PostgreSQL) and deletes its temporary profile and workspace copy.
`);
  const exit = await server.exited;
  // On Ctrl-C the profile (and the log in it) is being deleted: name no path that will not exist.
  if (!stopping) console.log(`[demo] code-server exited (${exit.code ?? exit.signal}); its log: ${server.logFile} (deleted with the demo profile when this script ends)`);
  await stopAll(1);
}

main().catch(async (e) => {
  console.error(`[demo] FAILED: ${e.stack ?? e}`);
  await stopAll(1);
});
