// What the one settings resolver costs a CLI run: `resolveSettingsForCwd` reads the machine policy, the
// editors' user settings files, the workspace's .vscode/settings.json and .code-workspace files, and
// the acceptances, then resolves. Prints microseconds per call. `npx tsx bench/settingsBench.ts`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveSettingsForCwd } from '../src/cli/loadPolicy';
import { resolveSettings } from '../src/settings/resolveSettings';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bench-settings-'));
const ws = path.join(root, 'ws');
fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
const settings = { 'agentGuard.decisions': { critical: 'allow' }, 'agentGuard.rules': [{ id: 'a', command: 'make', args: ['nuke'] }] };
fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify(settings));
const places = { home: path.join(root, 'home'), state: path.join(root, 'home', '.agent-guard'), machinePolicyFile: path.join(root, 'policy.json'), warn: () => undefined };
const env = { XDG_RUNTIME_DIR: path.join(root, 'run') };

function perCall(label: string, n: number, fn: () => void): void {
  for (let i = 0; i < Math.min(200, n); i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  console.log(`${label}: ${(Number(process.hrtime.bigint() - t0) / n / 1e3).toFixed(1)} µs per call`);
}

perCall('resolveSettings (pure, a loosening to digest)', 20_000, () => resolveSettings({ workspace: { decisions: { critical: 'allow' } } }, { trusted: true }));
perCall('resolveSettingsForCwd (all files read, no window)', 2_000, () => resolveSettingsForCwd(ws, env, places));
fs.rmSync(root, { recursive: true, force: true });
