// Where each agent host reads its hooks and what Agent Guard writes there, from the host registry
// (src/hosts): a JSON target lists insertions (an array at `path` that receives one `entry`); Cline's
// is a whole script file.
import * as os from 'os';
import * as path from 'path';
import type { HookTarget, HostId, Scope, TargetPlaces } from '../../hosts/hostTypes';
import { HOSTS } from '../../hosts/registry';

export type { HookTarget, JsonInsertion, Scope, TargetPlaces } from '../../hosts/hostTypes';

function base(scope: Scope, places: TargetPlaces): string {
  if (scope === 'user') return places.home;
  if (!places.workspace) throw new Error('a workspace folder is needed for a workspace-level hook');
  return places.workspace;
}

/** The scope a host really writes at `scope`: `personal` is the workspace file for hosts without a personal one. */
export function effectiveScope(host: HostId, scope: Scope): Scope {
  return scope === 'personal' && !HOSTS[host].files.personal ? 'workspace' : scope;
}

/** The config file for `host` at `scope`. */
export function targetFile(host: HostId, scope: Scope, places: TargetPlaces): string {
  const files = HOSTS[host].files;
  const rel = scope === 'personal' ? (files.personal ?? files.workspace) : files[scope];
  return path.join(base(scope, places), ...rel);
}

/** The exact hook entries for `host`, running `command`. */
export function hookTarget(host: HostId, scope: Scope, places: TargetPlaces, command: string): HookTarget {
  const s = effectiveScope(host, scope);
  return { ...HOSTS[host].content(command), host, scope: s, file: targetFile(host, s, places), command };
}

export function defaultPlaces(workspace?: string): TargetPlaces {
  return { home: os.homedir(), workspace };
}
