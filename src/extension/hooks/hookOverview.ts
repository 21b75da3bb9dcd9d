// Per-agent status rows and the set-up plan, computed from files and records only (no `vscode`), so
// the rules "Copilot runs the Claude Code hook file too", "records of other workspaces stay apart" and
// "a Codex hook counts only once Codex trusts it" are unit-tested.
import { CLAUDE_ON_FAILURE_VERSION } from '../../hosts/claude';
import { HOST_IDS } from '../../hosts/hostTypes';
import type { HostId, Scope, TargetPlaces } from '../../hosts/hostTypes';
import { HOSTS } from '../../hosts/registry';
import { hookCommandLine } from './hookLauncher';
import type { RuntimeFacts } from './hookLauncher';
import { hookStatus } from './hookInstaller';
import type { HookStatus } from './hookInstaller';
import { effectiveScope, hookTarget, targetFile } from './hookTargets';
import type { HookTarget } from './hookTargets';
import type { InstallRecord } from './installRecord';

export interface StatusRow {
  host: HostId;
  scope: Scope;
  /** The hook file at this scope (written or not). */
  file: string;
  status: HookStatus;
  record?: InstallRecord;
  /** Protected through another host's file (Copilot through Claude Code's): nothing of its own to open or remove. */
  via?: HostId;
}

/** The scopes a host can be written at in this window (a personal file only where the host has one). */
export function scopesOf(host: HostId, places: TargetPlaces): Scope[] {
  if (!places.workspace) return ['user'];
  return HOSTS[host].files.personal ? ['personal', 'workspace', 'user'] : ['workspace', 'user'];
}

/** The record for this host and level in this workspace (records of other workspaces are kept apart by file). */
export function findRecord(records: readonly InstallRecord[], host: HostId, scope: Scope, places: TargetPlaces): InstallRecord | undefined {
  const s = effectiveScope(host, scope);
  const file = targetFile(host, s, places);
  return records.find((r) => r.host === host && r.scope === s && r.file === file);
}

/** What would be written now for `host` at `scope`: entries that run the launcher. */
export function currentTarget(host: HostId, scope: Scope, places: TargetPlaces, rt: Pick<RuntimeFacts, 'home' | 'platform'>): HookTarget {
  return hookTarget(host, scope, places, hookCommandLine(host, rt));
}

export function statusRows(places: TargetPlaces, rt: Pick<RuntimeFacts, 'home' | 'platform'>, records: readonly InstallRecord[]): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const host of HOST_IDS) {
    for (const scope of scopesOf(host, places)) {
      const record = findRecord(records, host, scope, places);
      const target = currentTarget(host, scope, places, rt);
      rows.push({ host, scope, file: target.file, status: hookStatus(target, record), record });
    }
  }
  // VS Code's agent hooks run the Claude Code hook files too: with one protected, Copilot is as well.
  for (const row of rows) {
    const claude = rows.find((r) => r.host === 'claude' && r.status.state === 'protected' && (r.scope === row.scope || (row.scope === 'workspace' && r.scope === 'personal')));
    if (row.host === 'copilot' && row.status.state === 'not-installed' && claude) {
      row.status = { state: 'protected', tampered: false, detail: `through the Claude Code hook (${claude.file})` };
      row.via = 'claude';
    }
  }
  return rows;
}

export type AgentState = 'installed' | 'not-trusted' | 'out-of-date' | 'not-installed' | 'agent-not-found';

export const AGENT_STATE_WORDS: Readonly<Record<AgentState, string>> = {
  installed: 'hook installed',
  'not-trusted': 'installed, not trusted by Codex',
  'out-of-date': 'out of date',
  'not-installed': 'not installed',
  'agent-not-found': 'agent not found',
};

export interface AgentRow {
  host: HostId;
  state: AgentState;
  /** "Claude Code — hook installed". */
  text: string;
  /** Files, problems and what the host needs, for the row's second line. */
  detail: string;
  /** The per-scope rows behind it. */
  scopes: StatusRow[];
  /** Files Agent Guard's hook is in (for Open file / Remove). */
  files: string[];
  warnings: string[];
}

export interface AgentFacts {
  /** Why each agent looks present (detectAgents). */
  found: Readonly<Record<HostId, readonly string[]>>;
  /** Codex trust of an installed hook file; undefined when it cannot be told. */
  codexTrusted?: (file: string) => boolean | undefined;
  /** Extra warnings per host (an old Claude Code that ignores `onFailure`). */
  warnings?: Partial<Record<HostId, string[]>>;
}

/** One row per agent: installed where any scope is protected; out of date where an entry of ours is stale or was edited. */
export function agentRows(rows: readonly StatusRow[], facts: AgentFacts): AgentRow[] {
  return HOST_IDS.map((host) => {
    const mine = rows.filter((r) => r.host === host);
    const protectedRows = mine.filter((r) => r.status.state === 'protected');
    const stale = mine.filter((r) => r.status.state === 'out-of-date');
    const files = [...new Set(mine.filter((r) => !r.via && (r.record || r.status.state !== 'not-installed')).map((r) => r.file))];
    const warnings = [...(facts.warnings?.[host] ?? [])];
    let state: AgentState;
    if (protectedRows.length > 0) {
      state = 'installed';
      if (host === 'codex' && facts.codexTrusted) {
        const trust = protectedRows.map((r) => facts.codexTrusted?.(r.file));
        if (!trust.some((t) => t === true)) state = 'not-trusted';
      }
    } else if (stale.length > 0) state = 'out-of-date';
    else if (facts.found[host].length > 0) state = 'not-installed';
    else state = 'agent-not-found';
    if (stale.length > 0 && state !== 'out-of-date') warnings.push(...stale.map((r) => r.status.detail));
    const where = protectedRows.map((r) => r.status.detail);
    const detailParts = state === 'installed' || state === 'not-trusted' ? where : state === 'out-of-date' ? stale.map((r) => r.status.detail) : facts.found[host].length ? [`found: ${facts.found[host].join(', ')}`] : [];
    if (state !== 'agent-not-found') detailParts.push(`needs: ${HOSTS[host].facts.needs}`);
    return { host, state, text: `${HOSTS[host].label} — ${AGENT_STATE_WORDS[state]}`, detail: [...warnings, ...detailParts].join(' · '), scopes: mine, files, warnings };
  });
}

/**
 * Hosts to write for a set-up, each at its scope. `recommended` takes each host's own recommendation
 * (a personal file, or user level where the host ignores workspace hooks in untrusted folders). Copilot
 * gets no file of its own when the Claude Code hook is (or is being) set up at a level VS Code and the
 * Copilot CLI also read: a second file would run two Agent Guard hooks for one call.
 */
export function setupPlan(
  hosts: readonly HostId[],
  choice: Scope | 'recommended',
  places: TargetPlaces,
  records: readonly InstallRecord[],
): { write: Array<{ host: HostId; scope: Scope }>; viaClaude: boolean; copilotScope?: Scope } {
  const scopeFor = (h: HostId): Scope => {
    const s = choice === 'recommended' ? HOSTS[h].recommended : choice;
    return places.workspace ? s : 'user';
  };
  const write = hosts.map((host) => ({ host, scope: effectiveScope(host, scopeFor(host)) }));
  const copilot = write.find((w) => w.host === 'copilot');
  const claudeScopes = new Set<Scope>([...write.filter((w) => w.host === 'claude').map((w) => w.scope), ...records.filter((r) => r.host === 'claude').map((r) => r.scope)]);
  // Claude's file at the same level (its personal file counts for the workspace) is read by Copilot too.
  // Copilot at another level than Claude's gets its own file; a call that reaches both hooks is answered
  // once (the second invocation reuses the first one's answer, see src/cli/hooks/duplicateCalls.ts).
  const viaClaude = !!copilot && (claudeScopes.has(copilot.scope) || (copilot.scope === 'workspace' && claudeScopes.has('personal')));
  return { write: write.filter((w) => !(w.host === 'copilot' && viaClaude)), viaClaude, ...(copilot ? { copilotScope: copilot.scope } : {}) };
}

/** -1, 0 or 1, comparing dotted numeric versions (`2.1.197` < `2.1.295`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The warning for a Claude Code `--version` text, if it is older than the version that honours `onFailure`. */
export function claudeVersionWarning(versionText: string): string | undefined {
  const v = /(\d+\.\d+\.\d+)/.exec(versionText)?.[1];
  if (!v || compareVersions(v, CLAUDE_ON_FAILURE_VERSION) >= 0) return undefined;
  return `Claude Code ${v} is older than ${CLAUDE_ON_FAILURE_VERSION}: it ignores onFailure, so a hook that cannot start or times out lets the call run. Update Claude Code.`;
}
