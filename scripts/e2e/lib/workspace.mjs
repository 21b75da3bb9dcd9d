// The demo workspace (demo/) copied into a profile and made a git repository, and the VSIX packaged
// from the working tree: shared by the suite (run.mjs) and the demo (demo.mjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './codeServer.mjs';
import { run } from './proc.mjs';

export function prepareWorkspace(profile) {
  const ws = path.join(profile.root, 'workspace');
  fs.cpSync(path.join(ROOT, 'demo'), ws, { recursive: true });
  // A real repository, so `git status` and the git rules see one.
  run('git', ['init', '-q'], { cwd: ws, env: profile.env });
  run('git', ['add', '-A'], { cwd: ws, env: profile.env });
  run('git', ['commit', '-q', '-m', 'demo workspace'], { cwd: ws, env: profile.env });
  return ws;
}

/** `npm run package` → dist/agent-guard.vsix, then a private copy (other builds may rewrite dist/). */
export function packageVsix() {
  const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (pkg.status !== 0) throw new Error(`npm run package failed:\n${pkg.stdout}${pkg.stderr}`);
  const vsix = path.join(ROOT, 'dist/agent-guard.vsix');
  if (!fs.existsSync(vsix)) throw new Error('npm run package did not write dist/agent-guard.vsix');
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-vsix-')), 'agent-guard.vsix');
  fs.copyFileSync(vsix, copy);
  return copy;
}

/** Runs scripts/e2e/setup.sh for `which` (old|new|all); throws when it fails (never a silent skip). */
export function runSetup(which) {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/e2e/setup.sh'), which], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`scripts/e2e/setup.sh failed (exit ${r.status ?? r.signal}): the tools it installs are needed`);
}
