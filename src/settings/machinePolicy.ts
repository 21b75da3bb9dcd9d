// The administrators' policy file: `agentGuard.*` keys as in settings.json, read-only for the person.
// Linux `/etc/agent-guard/policy.json`, macOS `/Library/Application Support/AgentGuard/policy.json`,
// Windows `%ProgramData%\AgentGuard\policy.json`. A file that is missing is no machine policy; one that
// cannot be read or is not a JSON object is reported and treated as absent (it cannot loosen anything:
// it only ever sits below the person's and the workspace's tightenings).
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonc } from './jsonc';
import { settingValuesFrom } from './settingTable';
import type { SettingValues } from './settingTable';

const MAX_POLICY_BYTES = 1024 * 1024;

/** Where this platform keeps the machine policy. `%ProgramData%` is read from the environment only on Windows, where it has no other source. */
export function machinePolicyPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'AgentGuard', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/AgentGuard/policy.json';
  return '/etc/agent-guard/policy.json';
}

export interface MachinePolicy {
  values: SettingValues;
  file: string;
  /** Set when the file exists but could not be used. */
  problem?: string;
}

export function readMachinePolicy(file: string = machinePolicyPath()): MachinePolicy {
  let text: string;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st) return { values: {}, file };
    if (!st.isFile()) return { values: {}, file, problem: 'is not a file' };
    if (st.size > MAX_POLICY_BYTES) return { values: {}, file, problem: 'is larger than 1 MB' };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, file };
    return { values: {}, file, problem: `cannot be read (${(e as Error).message})` };
  }
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (e) {
    return { values: {}, file, problem: `is not valid JSON (${(e as Error).message})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { values: {}, file, problem: 'is not a JSON object of "agentGuard.*" settings' };
  return { values: settingValuesFrom(json), file };
}
