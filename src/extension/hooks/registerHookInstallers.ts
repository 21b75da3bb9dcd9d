// The thin VS Code layer over the hook installers: three commands and a check at start-up. All file
// logic lives in the plain modules next to this one (hookInstaller, hookOverview, hookTargets,
// copilotAutoApprove, agentDetection).
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { HOST_IDS } from '../../cli/hooks/hookTypes';
import type { HostId } from '../../cli/hooks/hookTypes';
import type { GuardServices } from '../guardServices';
import { guardEntry } from '../../log/logRecord';
import { detectAgents } from './agentDetection';
import { activeCategories, autoApproveDenyEntries, mergeAutoApprove, unmergeAutoApprove } from './copilotAutoApprove';
import { findOnPath } from './hookCommandLine';
import type { RuntimeFacts } from './hookCommandLine';
import { installHook, removeHook } from './hookInstaller';
import { currentTarget, findRecord, setupPlan, statusRows } from './hookOverview';
import type { StatusRow } from './hookOverview';
import { HOST_LABELS } from './hookTargets';
import type { Scope, TargetPlaces } from './hookTargets';
import { dropRecord, loadRecords, saveRecords, upsertRecord } from './installRecord';

export const HookCommandId = {
  setup: 'agentGuard.setupHooks',
  remove: 'agentGuard.removeHooks',
  status: 'agentGuard.hookStatus',
} as const;

const AUTO_APPROVE_SECTION = 'chat.tools.terminal';
const AUTO_APPROVE_KEY = 'autoApprove';
const AUTO_APPROVE_STATE = 'agentGuard.hooks.autoApproveAdded';

interface Paths {
  stateFile: string;
  backupDir: string;
}

function runtime(context: vscode.ExtensionContext): RuntimeFacts {
  return { cliPath: path.join(context.extensionPath, 'dist', 'cli.js'), nodePath: findOnPath('node'), execPath: process.execPath, platform: process.platform };
}

function places(): TargetPlaces {
  return { home: os.homedir(), workspace: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath };
}

function scopeLabel(scope: Scope): string {
  return scope === 'user' ? 'user level' : 'this workspace';
}

/** Adds (or removes) the autoApprove deny keys at the matching settings level, remembering what it added. */
async function applyAutoApprove(context: vscode.ExtensionContext, services: GuardServices, scope: Scope, install: boolean): Promise<string> {
  const target = scope === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
  const config = vscode.workspace.getConfiguration(AUTO_APPROVE_SECTION);
  const inspected = config.inspect<Record<string, unknown>>(AUTO_APPROVE_KEY);
  const current = scope === 'user' ? inspected?.globalValue : inspected?.workspaceValue;
  const state = context.globalState.get<Record<string, string[]>>(AUTO_APPROVE_STATE, {});
  if (install) {
    const { merged, added } = mergeAutoApprove(current, autoApproveDenyEntries(activeCategories(services.policy())));
    if (added.length === 0) return 'Copilot terminal auto-approve: deny entries already present';
    await config.update(AUTO_APPROVE_KEY, merged, target);
    await context.globalState.update(AUTO_APPROVE_STATE, { ...state, [scope]: [...new Set([...(state[scope] ?? []), ...added])] });
    return `Copilot terminal auto-approve: ${added.length} deny entries added (an extra layer; the hook is the guard)`;
  }
  const added = state[scope] ?? [];
  if (added.length === 0) return '';
  await config.update(AUTO_APPROVE_KEY, unmergeAutoApprove(current, added), target);
  await context.globalState.update(AUTO_APPROVE_STATE, { ...state, [scope]: [] });
  return `Copilot terminal auto-approve: ${added.length} deny entries removed`;
}

/**
 * Optional arguments (walkthrough links, end-to-end tests): `{ hosts: ['claude'], scope: 'workspace' }`
 * skips the two pickers. Only hooks are written; nothing here approves anything.
 */
export interface SetupArgs {
  hosts?: HostId[];
  scope?: Scope;
}

function validSetupArgs(args: unknown): SetupArgs {
  if (!args || typeof args !== 'object') return {};
  const a = args as Record<string, unknown>;
  const hosts = Array.isArray(a.hosts) ? a.hosts.filter((h): h is HostId => typeof h === 'string' && (HOST_IDS as readonly string[]).includes(h)) : undefined;
  const scope = a.scope === 'user' || a.scope === 'workspace' ? a.scope : undefined;
  return { hosts: hosts?.length ? hosts : undefined, scope };
}

async function setupHooks(context: vscode.ExtensionContext, services: GuardServices, paths: Paths, rawArgs?: unknown): Promise<void> {
  const args = validSetupArgs(rawArgs);
  const p = places();
  let picks: Array<{ host: HostId }> | undefined = args.hosts?.map((host) => ({ host }));
  if (!picks) {
    const found = detectAgents({ home: p.home, workspace: p.workspace, extensionIds: vscode.extensions.all.map((e) => e.id) });
    picks = await vscode.window.showQuickPick(
      HOST_IDS.map((host) => ({ label: HOST_LABELS[host], description: found[host].length ? `found: ${found[host].join(', ')}` : 'not detected', picked: found[host].length > 0, host })),
      { canPickMany: true, title: 'Agent Guard: which agents should ask you before destructive commands?', ignoreFocusOut: true },
    );
  }
  if (!picks || picks.length === 0) return;
  const scopes: Array<{ label: string; scope: Scope; detail: string }> = [
    { label: 'User level', scope: 'user', detail: 'Every project on this machine (files in your home folder)' },
  ];
  if (p.workspace) scopes.unshift({ label: 'This workspace', scope: 'workspace', detail: `${p.workspace} — files in the project; they name this machine's copy of Agent Guard, so each teammate runs Set Up rather than committing them` });
  const scopePick = args.scope && scopes.find((x) => x.scope === args.scope) ? scopes.find((x) => x.scope === args.scope) : await vscode.window.showQuickPick(scopes, { title: 'Agent Guard: where should the hooks be written?', ignoreFocusOut: true });
  if (!scopePick) return;
  const rt = runtime(context);
  let records = loadRecords(paths.stateFile);
  const done: string[] = [];
  const failed: string[] = [];
  const plan = setupPlan(picks.map((x) => x.host), scopePick.scope, p, records);
  if (plan.viaClaude) done.push(`${HOST_LABELS.copilot}: protected through the Claude Code hook file, which VS Code also runs`);
  for (const host of plan.write) {
    const previous = findRecord(records, host, scopePick.scope, p);
    const target = currentTarget(host, scopePick.scope, p, rt, previous);
    try {
      const result = installHook(target, previous, paths.backupDir);
      records = upsertRecord(records, result.record);
      saveRecords(paths.stateFile, records);
      done.push(`${HOST_LABELS[host]}: ${result.changed ? 'protected' : 'already protected'} (${result.record.file})`);
    } catch (e) {
      failed.push(`${HOST_LABELS[host]}: ${(e as Error).message}`);
    }
  }
  if (picks.some((x) => x.host === 'copilot')) {
    try {
      done.push(await applyAutoApprove(context, services, scopePick.scope, true));
    } catch (e) {
      failed.push(`Copilot auto-approve setting: ${(e as Error).message}`);
    }
  }
  if (!rt.nodePath) done.push('No `node` on PATH: the hooks run the CLI with VS Code\'s own runtime.');
  if (failed.length) void vscode.window.showWarningMessage(`Agent Guard could not set up every hook. ${failed.join(' · ')}`, { modal: false });
  if (done.length) void vscode.window.showInformationMessage(`Agent Guard hooks (${scopeLabel(scopePick.scope)}): ${done.join(' · ')}`);
}

/** `{ all: true }` removes every hook Agent Guard recorded without asking which (tests, uninstall flows). */
async function removeHooks(context: vscode.ExtensionContext, services: GuardServices, paths: Paths, rawArgs?: unknown): Promise<void> {
  const all = !!rawArgs && typeof rawArgs === 'object' && (rawArgs as Record<string, unknown>).all === true;
  let records = loadRecords(paths.stateFile);
  const state = context.globalState.get<Record<string, string[]>>(AUTO_APPROVE_STATE, {});
  const hasAutoApprove = Object.values(state).some((keys) => keys.length > 0);
  if (records.length === 0 && !hasAutoApprove) {
    void vscode.window.showInformationMessage('Agent Guard has not written any agent hooks on this machine.');
    return;
  }
  const items = records.map((r) => ({ label: `${HOST_LABELS[r.host]} (${scopeLabel(r.scope)})`, description: r.file, picked: true, record: r }));
  const picks = all
    ? items
    : await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Agent Guard: remove which hooks? (only what Agent Guard wrote is taken out)', ignoreFocusOut: true });
  if (!picks) return;
  const out: string[] = [];
  for (const { record } of picks) {
    try {
      const r = removeHook(record, paths.backupDir);
      out.push(r.leftInPlace ? `${r.summary} (${r.leftInPlace} edited entr${r.leftInPlace === 1 ? 'y' : 'ies'} left in place)` : r.summary);
      records = dropRecord(records, record);
      saveRecords(paths.stateFile, records);
    } catch (e) {
      out.push(`${record.file}: ${(e as Error).message}`);
    }
  }
  for (const scope of ['user', 'workspace'] as const) {
    // The autoApprove layer stays while a hook Copilot runs (its own file or the Claude Code one) stays at that level.
    if (records.some((r) => (r.host === 'copilot' || r.host === 'claude') && r.scope === scope)) continue;
    try {
      const m = await applyAutoApprove(context, services, scope, false);
      if (m) out.push(m);
    } catch (e) {
      out.push(`Copilot auto-approve setting: ${(e as Error).message}`);
    }
  }
  void vscode.window.showInformationMessage(`Agent Guard: ${out.join(' · ') || 'nothing to remove'}`);
}

function rowsNow(context: vscode.ExtensionContext, paths: Paths): StatusRow[] {
  return statusRows(places(), runtime(context), loadRecords(paths.stateFile));
}

const TAMPER_STATE = 'agentGuard.hooks.reportedTampering';

/**
 * A removed or edited entry is told to the person and written to the decision log — once per change at
 * start-up (the log is not filled with the same line every time a window opens); Hook Status always tells.
 */
async function reportTampering(context: vscode.ExtensionContext, services: GuardServices, rows: StatusRow[], always: boolean): Promise<void> {
  const seen = new Set(context.globalState.get<string[]>(TAMPER_STATE, []));
  const keyOf = (r: StatusRow): string => `${r.host}|${r.scope}|${r.status.detail}`;
  const fresh = rows.filter((r) => r.status.tampered && !seen.has(keyOf(r)));
  const tampered = always ? rows.filter((r) => r.status.tampered) : fresh;
  for (const r of fresh) seen.add(keyOf(r));
  if (fresh.length) await context.globalState.update(TAMPER_STATE, [...seen].slice(-200));
  for (const r of fresh) {
    try {
      await services.log.append(
        guardEntry(`agent hook for ${HOST_LABELS[r.host]} (${scopeLabel(r.scope)})`, `hook changed outside Agent Guard: ${r.status.detail}; that agent's commands may run unchecked`, 'allow', 'error'),
      );
    } catch {
      // The warning below still reaches the person.
    }
  }
  if (tampered.length) {
    const choice = await vscode.window.showWarningMessage(
      `Agent Guard: an agent hook it wrote was removed or edited — ${tampered.map((r) => `${HOST_LABELS[r.host]} (${r.status.detail})`).join('; ')}. Until it is restored, that agent's commands are not checked.`,
      'Set Up Agent Hooks…',
    );
    if (choice) void vscode.commands.executeCommand(HookCommandId.setup);
  }
}

async function showStatus(context: vscode.ExtensionContext, services: GuardServices, paths: Paths): Promise<void> {
  const rows = rowsNow(context, paths);
  const icon = { protected: '$(pass-filled)', 'not-installed': '$(circle-large-outline)', 'out-of-date': '$(warning)' } as const;
  const words = { protected: 'protected', 'not-installed': 'not installed', 'out-of-date': 'out of date' } as const;
  void vscode.window.showQuickPick(
    rows.map((r) => ({ label: `${icon[r.status.state]} ${HOST_LABELS[r.host]} — ${words[r.status.state]}`, description: scopeLabel(r.scope), detail: r.status.state === 'not-installed' ? undefined : r.status.detail })),
    { title: 'Agent Guard: agent hooks', matchOnDescription: true, matchOnDetail: true },
  );
  await reportTampering(context, services, rows, true);
}

/** At start-up: warn about tampered hooks and offer to refresh hooks that point at an older copy of the extension. */
async function checkAtStartup(context: vscode.ExtensionContext, services: GuardServices, paths: Paths): Promise<void> {
  const rows = rowsNow(context, paths).filter((r) => r.record);
  await reportTampering(context, services, rows, false);
  const stale = rows.filter((r) => r.status.state === 'out-of-date' && !r.status.tampered);
  if (stale.length === 0) return;
  const choice = await vscode.window.showInformationMessage(
    `Agent Guard: ${stale.length} agent hook${stale.length === 1 ? '' : 's'} still run${stale.length === 1 ? 's' : ''} an older copy of the extension. Update them?`,
    'Update',
  );
  if (choice !== 'Update') return;
  const rt = runtime(context);
  let records = loadRecords(paths.stateFile);
  for (const r of stale) {
    const target = currentTarget(r.host, r.scope, places(), rt, undefined);
    try {
      records = upsertRecord(records, installHook(target, r.record, paths.backupDir).record);
      saveRecords(paths.stateFile, records);
    } catch (e) {
      void vscode.window.showWarningMessage(`Agent Guard could not update the ${HOST_LABELS[r.host]} hook: ${(e as Error).message}`);
    }
  }
}

export function registerHookInstallers(context: vscode.ExtensionContext, services: GuardServices): void {
  const storage = context.globalStorageUri.fsPath;
  const paths: Paths = { stateFile: path.join(storage, 'hook-installs.json'), backupDir: path.join(storage, 'hook-backups') };
  const guarded = (name: string, fn: (args?: unknown) => Promise<void>) => async (args?: unknown): Promise<void> => {
    try {
      await fn(args);
    } catch (e) {
      void vscode.window.showErrorMessage(`Agent Guard: ${name} failed: ${(e as Error).message}`);
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(HookCommandId.setup, guarded('Set Up Agent Hooks', (a) => setupHooks(context, services, paths, a))),
    vscode.commands.registerCommand(HookCommandId.remove, guarded('Remove Agent Hooks', (a) => removeHooks(context, services, paths, a))),
    vscode.commands.registerCommand(HookCommandId.status, guarded('Hook Status', () => showStatus(context, services, paths))),
  );
  // Off the activation path: a few file reads, a few seconds after the window is up.
  const timer = setTimeout(() => void guarded('checking agent hooks', () => checkAtStartup(context, services, paths))(), 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
