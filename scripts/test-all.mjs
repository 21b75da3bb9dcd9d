// `npm test`: the whole suite, in the order a failure is cheapest to read: types, build, unit tests
// and the labelled corpus (mocha), the VSIX package, then the end-to-end suite in a real VS Code
// (code-server + Chromium) when its runner is present. Prints the wall time of each part and ends
// with one line "N passed, M failed" counting the steps.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = (bin, ...args) => [path.join(root, 'node_modules', '.bin', bin), args];

const e2eSetup = path.join(root, 'scripts/e2e/setup.sh');
const steps = [
  { name: 'typecheck', cmd: npx('tsc', '-p', '.', '--noEmit') },
  { name: 'build', cmd: [process.execPath, ['esbuild.config.mjs']] },
  // The real-shell tests run against VS Code's own shell-integration scripts, which come with the
  // code-server this installs: set it up first, and make those tests fail (not skip) without them.
  { name: 'tools for the real-shell and end-to-end tests', cmd: ['bash', [e2eSetup]] },
  { name: 'unit + corpus (mocha)', cmd: npx('mocha', '--reporter', 'dot'), env: { AGENT_GUARD_REQUIRE_VSCODE_SCRIPTS: '1' } },
  { name: 'package VSIX', cmd: ['npm', ['run', '--silent', 'package']] },
  // The real agent CLIs (pinned, from npm, cached in .e2e-cache/hosts) against a scripted model on 127.0.0.1.
  { name: 'real agent hosts (test/hosts)', cmd: ['npm', ['run', '--silent', 'test:hosts']] },
];
if (existsSync(path.join(root, 'scripts/e2e/run.mjs')) && process.env.AGENT_GUARD_SKIP_E2E !== '1') {
  steps.push({ name: 'end-to-end (code-server + Chromium)', cmd: ['npm', ['run', '--silent', 'test:e2e']] });
}

let passed = 0;
let failed = 0;
const times = [];
for (const step of steps) {
  const [cmd, args] = step.cmd;
  console.log(`\n=== ${step.name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...(step.env ?? {}) } });
  const secs = (Date.now() - t0) / 1000;
  times.push(`${step.name}: ${secs.toFixed(1)} s`);
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`=== ${step.name} FAILED (exit ${r.status ?? r.signal})`);
  }
}
if (process.env.AGENT_GUARD_SKIP_E2E === '1') console.log('\n(end-to-end suite not run: AGENT_GUARD_SKIP_E2E=1)');
console.log('\n' + times.join('\n'));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
