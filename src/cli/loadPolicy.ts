// The settings a CLI run applies, through the same resolver as the VS Code window
// (`src/settings/resolveSettings.ts`). This file only gathers the layers from disk: the machine policy,
// the person's user values (from the window's discovery record when a window holds the cwd; with no
// window, the tightenings in the editors' user settings files), the
// workspace's `.vscode/settings.json` (or the window's `.code-workspace`), and the acceptances the person
// gave in VS Code. A workspace loosening nobody accepted is ignored and said once on stderr (never on
// stdout: hook hosts read stdout as JSON). A bad setting is reported on stderr and the rest still applies.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compilePolicy, defaultPolicy, type Policy } from '../engine/policy';
import { candidateWindows, containmentScore } from '../protocol/discovery';
import type { FoundWindow } from '../protocol/discovery';
import { acceptancesFile, acceptedDigest, readAcceptances } from '../settings/acceptanceStore';
import { parseSettingsText } from '../settings/jsonc';
import { machinePolicyPath, readMachinePolicy } from '../settings/machinePolicy';
import { resolveSettings, tighteningsOnly } from '../settings/resolveSettings';
import type { ResolvedSettings, WorkspaceLoosening } from '../settings/resolveSettings';
import { settingValuesFrom, SETTING_KEYS } from '../settings/settingTable';
import type { SettingValues } from '../settings/settingTable';
import { ensureOwnerOnlyDir, stateFolder } from '../settings/stateFolder';
import { userSettingsFiles } from '../settings/userSettingsFiles';

const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Where the files are; tests hand in their own (never through the environment, which the agent sets). */
export interface CliSettingsPlaces {
  /** The person's home folder (user settings files of the editors). */
  home?: string;
  state?: string;
  machinePolicyFile?: string;
  warn?: (line: string) => void;
}

interface WorkspaceLayer {
  /** The folder (or workspace file) acceptances are keyed by. */
  key: string;
  /** The file the values came from. */
  file: string;
  values: SettingValues;
}

class UnreadableSettings extends Error {}

/** A file that is not there (the usual case for most of the places looked at). */
const MISSING = Symbol('missing');

/** Parsed settings, or MISSING. No exception for a missing file: this runs on every hook call, and thrown errors cost. */
function readSettingsFile(file: string): unknown {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return MISSING;
    throw new UnreadableSettings(`${file}: ${(e as Error).message}`);
  }
  if (!st) return MISSING;
  if (!st.isFile()) throw new UnreadableSettings(`${file} is not a file`);
  if (st.size > MAX_SETTINGS_BYTES) throw new UnreadableSettings(`${file} is larger than 1 MB`);
  return parseSettingsText(fs.readFileSync(file, 'utf8'));
}

/** The nearest `.vscode/settings.json` at or above `start`, stopping at `stop` when given. */
function nearestFolderSettings(start: string, stop?: string): WorkspaceLayer | undefined {
  let dir = path.resolve(start);
  for (let depth = 0; depth < 64; depth++) {
    const file = path.join(dir, '.vscode', 'settings.json');
    const json = readSettingsFile(file);
    if (json !== MISSING) return { key: dir, file, values: settingValuesFrom(json) };
    const parent = path.dirname(dir);
    if (parent === dir || (stop && path.resolve(stop) === dir)) break;
    dir = parent;
  }
  return undefined;
}

/** The workspace layer: the window's workspace file, else its folder holding the cwd, else the nearest folder settings. */
function workspaceLayer(cwd: string, window: FoundWindow | undefined): WorkspaceLayer | undefined {
  const wsFile = window?.record.workspaceFile;
  if (wsFile) {
    const json = readSettingsFile(wsFile);
    if (json === MISSING) return undefined;
    return { key: wsFile, file: wsFile, values: settingValuesFrom((json as { settings?: unknown } | undefined)?.settings) };
  }
  const folders = window?.record.workspaceFolders ?? [];
  const folder = folders.filter((f) => containmentScore(cwd, [f]) >= 0).sort((a, b) => b.length - a.length)[0];
  if (folder) {
    const file = path.join(folder, '.vscode', 'settings.json');
    const json = readSettingsFile(file);
    return json === MISSING ? undefined : { key: folder, file, values: settingValuesFrom(json) };
  }
  return nearestFolderSettings(cwd);
}

const CODE_WORKSPACE = /\.code-workspace$/i;

/**
 * With no window, which `.code-workspace` the person opens is unknown: the ones next to the workspace
 * folder count for their tightenings only (one directory read, on the hook's path).
 */
function codeWorkspaceTightenings(folder: string): SettingValues {
  const found: SettingValues[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder).filter((n) => CODE_WORKSPACE.test(n));
  } catch {
    return {};
  }
  for (const name of names.slice(0, 8)) {
    try {
      const json = readSettingsFile(path.join(folder, name));
      if (json !== MISSING) found.push(settingValuesFrom((json as { settings?: unknown } | undefined)?.settings));
    } catch {
      // Unreadable: it adds no tightening; nothing here can loosen.
    }
  }
  return tighteningsOnly(found);
}

/**
 * The person's user values: from the window's record, or with no window the user settings of every
 * editor found on disk, tightenings only (which editor the person uses is unknown, and the agent can
 * write these files too, so none of them may loosen the defaults here).
 */
function userLayer(window: FoundWindow | undefined, home: string): SettingValues {
  const raw = window?.record.userSettings;
  if (!window) {
    const found: SettingValues[] = [];
    for (const file of userSettingsFiles(home)) {
      try {
        const json = readSettingsFile(file);
        if (json !== MISSING) found.push(settingValuesFrom(json));
      } catch {
        // Missing (the usual case) or unreadable: an editor not in use adds nothing.
      }
    }
    return tighteningsOnly(found);
  }
  const out: SettingValues = {};
  if (!raw) return out;
  for (const key of SETTING_KEYS) if (raw[key] !== undefined) out[key] = raw[key];
  return out;
}

/**
 * Says `text` on stderr the first time this notice is seen (a marker file per notice in the state
 * folder), so a hook that runs for every tool call does not repeat it. When the marker cannot be
 * written the notice is said anyway: repeated beats silent.
 */
export function warnOnce(id: string, text: string, state: string, warn: (line: string) => void): void {
  const dir = path.join(state, 'notices');
  const marker = path.join(dir, createHash('sha256').update(id).digest('hex').slice(0, 32));
  try {
    ensureOwnerOnlyDir(dir);
    fs.writeFileSync(marker, new Date().toISOString() + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
  }
  warn(text);
}

export function looseningNotice(loosening: WorkspaceLoosening, file: string): string {
  const why =
    loosening.reason === 'untrusted'
      ? 'VS Code does not trust this folder, so its settings may only make the guard stricter'
      : 'a workspace may loosen the guard only after you accept exactly that change in VS Code (open the folder there; Agent Guard asks)';
  const bySetting = new Map<string, string[]>();
  for (const i of loosening.items) bySetting.set(i.setting, [...(bySetting.get(i.setting) ?? []), i.what]);
  const what = [...bySetting].map(([setting, words]) => `${setting}: ${words.join(', ')}`).join('; ');
  return `agent-guard: ignored what ${file} loosens (${what}): ${why}. The stricter settings apply. (Said once.)`;
}

/** Every layer read and resolved for `cwd`. Unreadable workspace settings count as no loosening: only tightening is lost. */
export function resolveSettingsForCwd(cwd: string, env: NodeJS.ProcessEnv = process.env, places: CliSettingsPlaces = {}): ResolvedSettings {
  const warn = places.warn ?? ((line: string) => void process.stderr.write(line + '\n'));
  const home = places.home ?? os.homedir();
  const state = places.state ?? stateFolder(home);
  const machine = readMachinePolicy(places.machinePolicyFile ?? machinePolicyPath());
  if (machine.problem) warnOnce(`machine:${machine.file}:${machine.problem}`, `agent-guard: the machine policy ${machine.file} ${machine.problem}; it is ignored.`, state, warn);

  let window: FoundWindow | undefined;
  try {
    window = candidateWindows(cwd, env)[0];
  } catch {
    // An unreadable discovery directory is the same as no window.
  }
  let workspace: WorkspaceLayer | undefined;
  try {
    workspace = workspaceLayer(cwd, window);
  } catch (e) {
    warn(`agent-guard: could not read the workspace settings (${(e as Error).message}); using the stricter settings without them`);
  }
  const acceptances = readAcceptances(acceptancesFile(state));
  if (acceptances.problem) warnOnce(`acceptances:${acceptances.problem}`, `agent-guard: ${acceptances.problem}.`, state, warn);

  const resolved = resolveSettings(
    {
      machine: machine.values,
      user: userLayer(window, home),
      workspace: workspace?.values,
      tightenOnly: window ? undefined : codeWorkspaceTightenings(workspace?.key ?? cwd),
    },
    // Acceptances are only ever given in a trusted window; without a window the stored one stands.
    { trusted: window?.record.trusted ?? true, acceptedDigest: acceptedDigest(acceptances, workspace?.key) },
  );
  if (resolved.loosening && !resolved.loosening.applied && workspace) {
    warnOnce(`loosening:${workspace.key}:${resolved.loosening.digest}:${resolved.loosening.reason}`, looseningNotice(resolved.loosening, workspace.file), state, warn);
  }
  return resolved;
}

export function loadPolicyForCwd(cwd: string, env: NodeJS.ProcessEnv = process.env, places: CliSettingsPlaces = {}): Policy {
  const warn = places.warn ?? ((line: string) => void process.stderr.write(line + '\n'));
  const { settings } = resolveSettingsForCwd(cwd, env, places);
  const input = settings.policyInput;
  if (Object.values(input).every((v) => v === undefined)) return defaultPolicy();
  const { policy, errors } = compilePolicy(input);
  for (const e of errors) warn(`agent-guard: ignoring ${e.path}: ${e.message}`);
  return policy;
}
