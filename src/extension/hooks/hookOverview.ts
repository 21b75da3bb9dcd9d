// Per-agent status rows and the set-up plan, computed from files and records only (no `vscode`), so
// the rules "Copilot runs the Claude Code hook file too" and "records of other workspaces stay apart"
// are unit-tested.
import { HOST_IDS } from '../../cli/hooks/hookTypes';
import type { HostId } from '../../cli/hooks/hookTypes';
import { preferredCommand } from './hookCommandLine';
import type { RuntimeFacts } from './hookCommandLine';
import { hookStatus } from './hookInstaller';
import type { HookStatus } from './hookInstaller';
import { hookTarget, targetFile } from './hookTargets';
import type { HookTarget, Scope, TargetPlaces } from './hookTargets';
import type { InstallRecord } from './installRecord';

export interface StatusRow {
  host: HostId;
  scope: Scope;
  status: HookStatus;
  record?: InstallRecord;
}

/** The record for this host and level in this workspace (records of other workspaces are kept apart by file). */
export function findRecord(records: readonly InstallRecord[], host: HostId, scope: Scope, places: TargetPlaces): InstallRecord | undefined {
  const file = targetFile(host, scope, places);
  return records.find((r) => r.host === host && r.scope === scope && r.file === file);
}

/** What would be written now for `host` at `scope`, keeping a recorded command that still works. */
export function currentTarget(host: HostId, scope: Scope, places: TargetPlaces, rt: RuntimeFacts, record: InstallRecord | undefined): HookTarget {
  return hookTarget(host, scope, places, preferredCommand(host, rt, record?.command));
}

export function statusRows(places: TargetPlaces, rt: RuntimeFacts, records: readonly InstallRecord[]): StatusRow[] {
  const scopes: Scope[] = places.workspace ? ['workspace', 'user'] : ['user'];
  const rows: StatusRow[] = [];
  for (const host of HOST_IDS) {
    for (const scope of scopes) {
      const record = findRecord(records, host, scope, places);
      rows.push({ host, scope, status: hookStatus(currentTarget(host, scope, places, rt, record), record), record });
    }
  }
  // VS Code's agent hooks run the Claude Code hook file too: with that one protected, Copilot is as well.
  for (const row of rows) {
    const claude = rows.find((r) => r.host === 'claude' && r.scope === row.scope);
    if (row.host === 'copilot' && row.status.state === 'not-installed' && claude?.status.state === 'protected') {
      row.status = { state: 'protected', tampered: false, detail: `through the Claude Code hook (${claude.status.detail})` };
    }
  }
  return rows;
}

/**
 * Hosts to write for a set-up. Copilot gets no file of its own when the Claude Code hook is (or is being)
 * set up at that level: VS Code runs that file for Copilot too, and a second file would ask twice.
 */
export function setupPlan(hosts: readonly HostId[], scope: Scope, places: TargetPlaces, records: readonly InstallRecord[]): { write: HostId[]; viaClaude: boolean } {
  const claudeToo = hosts.includes('claude') || findRecord(records, 'claude', scope, places) !== undefined;
  const viaClaude = hosts.includes('copilot') && claudeToo;
  return { write: hosts.filter((h) => !(h === 'copilot' && viaClaude)), viaClaude };
}
