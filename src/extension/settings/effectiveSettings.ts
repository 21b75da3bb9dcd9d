// The window's side of the one settings resolver (`src/settings/resolveSettings.ts`): turns VS Code's
// `inspect` results into the user and workspace layers, and names the workspace the acceptances are
// keyed by. Pure: the caller hands in `inspect` results and the workspace's paths.
import { SETTING_KEYS } from '../../settings/settingTable';
import type { SettingKey, SettingValues } from '../../settings/settingTable';

/** The parts of `WorkspaceConfiguration.inspect` the resolver reads. */
export interface InspectedSetting {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * User and workspace values. The package.json default is left out on purpose: the resolver's table
 * holds the defaults, so the window and the CLI start from the same ones.
 */
export function layersFromInspect(inspect: (key: SettingKey) => InspectedSetting | undefined): { user: SettingValues; workspace: SettingValues } {
  const user: SettingValues = {};
  const workspace: SettingValues = {};
  for (const key of SETTING_KEYS) {
    const i = inspect(key);
    if (!i) continue;
    if (i.globalValue !== undefined) user[key] = i.globalValue;
    // A folder value beats the workspace file's, as in VS Code.
    const ws = i.workspaceFolderValue !== undefined ? i.workspaceFolderValue : i.workspaceValue;
    if (ws !== undefined) workspace[key] = ws;
  }
  return { user, workspace };
}

/**
 * The workspace an acceptance belongs to: the `.code-workspace` file of a multi-root window (its
 * settings are the workspace layer), else the first folder (its `.vscode/settings.json`). The CLI
 * finds the same key from the discovery record or the folder holding `.vscode/settings.json`.
 */
export function workspaceIdentity(workspaceFile: string | undefined, folders: readonly string[]): string | undefined {
  return workspaceFile ?? folders[0];
}
