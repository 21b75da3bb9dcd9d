// Installs the pinned agent CLIs of the real-host suite into the ignored cache (`.e2e-cache/hosts/<name>`),
// one npm prefix per version so two Claude Code versions live side by side. Idempotent: an installed
// package whose package.json names the pinned version is kept. Prints the time of each install.
// Usage: tsx scripts/hosts/install.ts [name…]   (default: every case in test/hosts/hostCases.ts)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOST_CASES } from '../../test/hosts/hostCases';
import type { HostCase } from '../../test/hosts/hostCases';

const root = path.resolve(__dirname, '..', '..');
export const HOSTS_CACHE = process.env.AGENT_GUARD_HOSTS_CACHE ?? path.join(process.env.AGENT_GUARD_E2E_CACHE ?? path.join(root, '.e2e-cache'), 'hosts');

export function installedVersion(c: HostCase): string | undefined {
  try {
    const pj = JSON.parse(fs.readFileSync(path.join(HOSTS_CACHE, c.name, 'node_modules', c.pkg, 'package.json'), 'utf8')) as { version?: string };
    return pj.version;
  } catch {
    return undefined;
  }
}

/** Installs `c` unless present; returns an error text, or undefined when the binary is ready. */
export function ensureInstalled(c: HostCase, timeoutMs = 600_000): string | undefined {
  const prefix = path.join(HOSTS_CACHE, c.name);
  const bin = path.join(prefix, c.bin);
  const t0 = Date.now();
  if (installedVersion(c) === c.version && fs.existsSync(bin)) {
    console.log(`[hosts install] ${c.name.padEnd(18)} cached (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return undefined;
  }
  fs.mkdirSync(path.join(HOSTS_CACHE, 'logs'), { recursive: true });
  const log = path.join(HOSTS_CACHE, 'logs', `${c.name}.log`);
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=warn', `${c.pkg}@${c.version}`], { encoding: 'utf8', timeout: Math.max(1000, timeoutMs), killSignal: 'SIGKILL' });
  fs.writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) return `npm install ${c.pkg}@${c.version} failed (exit ${r.status ?? r.signal}, ${secs} s); see ${log}`;
  if (installedVersion(c) !== c.version) return `npm installed ${c.pkg} ${installedVersion(c) ?? '(none)'} instead of ${c.version}`;
  if (!fs.existsSync(bin)) return `${c.pkg}@${c.version} installed but ${c.bin} is missing (a postinstall download that failed?); see ${log}`;
  console.log(`[hosts install] ${c.name.padEnd(18)} installed (${secs} s)`);
  return undefined;
}

if (require.main === module) {
  const wanted = process.argv.slice(2);
  let failed = 0;
  for (const c of HOST_CASES.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
    const err = ensureInstalled(c);
    if (err) {
      failed++;
      console.error(`[hosts install] ${c.name}: ${err}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
