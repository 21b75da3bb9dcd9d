// The thin VS Code layer over the hook installers: Set Up, Remove, Hook Status and a check at start-up.
// All file logic lives in the plain modules next to this one (hookInstaller, hookOverview, hookTargets,
// hookLauncher, codexTrust, copilotAutoApprove, agentDetection) and the host registry (src/hosts).
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { HOST_IDS } from '../../hosts/hostTypes';
import type { HostId, Scope } from '../../hosts/hostTypes';
import { HOSTS } from '../../hosts/registry';
import type { GuardServices } from '../guardServices';
import { guardEntry } from '../../log/logRecord';
import { detectAgents } from './agentDetection';
import { offerCodexTrust } from './codexTrustPrompt';
import { activeCategories, autoApproveDenyEntries, mergeAutoApprove, unmergeAutoApprove } from './copilotAutoApprove';
import { findOnPath, launcherPath, launcherUpToDate, writeLauncher } from './hookLauncher';
import type { RuntimeFacts } from './hookLauncher';
import { installHook, removeHook } from './hookInstaller';
import { currentTarget, findRecord, setupPlan, statusRows } from './hookOverview';
import type { StatusRow } from './hookOverview';
import { showHookStatus } from './hookStatusView';
import type { TargetPlaces } from './hookTargets';
import { dropRecord, loadRecords, saveRecords, upsertRecord } from './installRecord';
import type { InstallRecord } from './installRecord';

export const HookCommandId = {
  setup: 'agentGuard.setupHooks',
  remove: 'agentGuard.removeHooks',
  status: 'agentGuard.hookStatus',
} as const;

const AUTO_APPROVE_SECTION = 'chat.tools.terminal';
const AUTO_APPROVE_KEY = 'autoApprove';
const AUTO_APPROVE_STATE = 'agentGuard.hooks.autoApproveAdded';

interface HookPaths {
  stateFile: string;
  backupDir: string;
}

function runtime(context: vscode.ExtensionContext): RuntimeFacts {
  return { cliPath: path.join(context.extensionPath, 'dist', 'cli.js'), nodePath: findOnPath('node'), execPath: process.execPath, platform: process.platform, home: os.homedir() };
}

function places(): TargetPlaces {
  return { home: os.homedir(), workspace: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath };
}

function scopeLabel(scope: Scope): string {
  return scope === 'user' ? 'user level' : scope === 'personal' ? 'this workspace, just for you' : 'this workspace';
}

/** Copilot's auto-approve layer lives in VS Code settings: user level, or the workspace's (personal has no settings file of its own). */
function autoApproveScope(scope: Scope): 'user' | 'workspace' {
  return scope === 'user' ? 'user' : 'workspace';
}

/** Adds (or removes) the autoApprove deny keys at the matching settings level, remembering what it added. */
async function applyAutoApprove(context: vscode.ExtensionContext, services: GuardServices, scope: 'user' | 'workspace', install: boolean): Promise<string> {
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
 * Optional arguments (walkthrough links, Hook Status rows, end-to-end tests): `{ hosts: ['claude'],
 * scope: 'personal' | 'workspace' | 'user' | 'recommended' }` skips the two pickers. Only hooks are
 * written; nothing here approves anything.
 */
export interface SetupArgs {
  hosts?: HostId[];
  scope?: Scope | 'recommended';
}

function validSetupArgs(args: unknown): SetupArgs {
  if (!args || typeof args !== 'object') return {};
  const a = args as Record<string, unknown>;
  const hosts = Array.isArray(a.hosts) ? a.hosts.filter((h): h is HostId => typeof h === 'string' && (HOST_IDS as readonly string[]).includes(h)) : undefined;
  const scope = a.scope === 'user' || a.scope === 'workspace' || a.scope === 'personal' || a.scope === 'recommended' ? a.scope : undefined;
  return { hosts: hosts?.length ? hosts : undefined, scope };
}

function recommendedDetail(hosts: readonly HostId[], p: TargetPlaces): string {
  const parts = hosts.map((h) => `${HOSTS[h].label}: ${scopeLabel(p.workspace ? HOSTS[h].recommended : 'user')}`);
  return `${parts.join(' · ')} — personal files are not shared with the team; Gemini CLI and the Copilot CLI ignore workspace hooks in folders they do not trust, so they are set up for your user`;
}

async function pickScope(hosts: readonly HostId[], p: TargetPlaces): Promise<Scope | 'recommended' | undefined> {
  const items: Array<{ label: string; scope: Scope | 'recommended'; detail: string }> = [];
  if (p.workspace) {
    items.push(
      { label: 'Recommended (just for you)', scope: 'recommended', detail: recommendedDetail(hosts, p) },
      { label: 'This workspace (shared files)', scope: 'workspace', detail: `${p.workspace} — files a team may commit (.claude/settings.json, .cursor/hooks.json …); each teammate still needs Agent Guard installed` },
    );
  }
  items.push({ label: 'User level', scope: 'user', detail: 'Every project on this machine (files in your home folder); works in folders an agent does not trust' });
  const pick = await vscode.window.showQuickPick(items, { title: 'Agent Guard: where should the hooks be written?', ignoreFocusOut: true });
  return pick?.scope;
}

/** Tells the tamper watcher (src/extension/tamper) that Agent Guard itself is about to write `file`. */
function expectWrite(services: GuardServices, file: string): void {
  (services as { expectGuardWrite?: (f: string) => void }).expectGuardWrite?.(file);
}

/** The launcher every entry runs, rewritten for this copy of the extension; failure is said, and Set Up goes on. */
function ensureLauncher(context: vscode.ExtensionContext, services: GuardServices): string | undefined {
  try {
    const rt = runtime(context);
    if (launcherUpToDate(rt)) return undefined;
    expectWrite(services, launcherPath(rt));
    writeLauncher(rt);
    return undefined;
  } catch (e) {
    return `could not write the hook launcher in ~/.agent-guard/bin: ${(e as Error).message}`;
  }
}

async function setupHooks(context: vscode.ExtensionContext, services: GuardServices, paths: HookPaths, rawArgs?: unknown): Promise<void> {
  const args = validSetupArgs(rawArgs);
  const p = places();
  let hosts = args.hosts;
  if (!hosts) {
    const found = detectAgents({ home: p.home, workspace: p.workspace, extensionIds: vscode.extensions.all.map((e) => e.id) });
    const picks = await vscode.window.showQuickPick(
      HOST_IDS.map((host) => ({ label: HOSTS[host].label, description: found[host].length ? `found: ${found[host].join(', ')}` : 'not detected', picked: found[host].length > 0, host })),
      { canPickMany: true, title: 'Agent Guard: which agents should ask you before destructive commands?', ignoreFocusOut: true },
    );
    hosts = picks?.map((x) => x.host);
  }
  if (!hosts || hosts.length === 0) return;
  const choice = args.scope ?? (await pickScope(hosts, p));
  if (!choice) return;
  const rt = runtime(context);
  const done: string[] = [];
  const failed: string[] = [];
  const launcherProblem = ensureLauncher(context, services);
  if (launcherProblem) failed.push(launcherProblem);
  let records = loadRecords(paths.stateFile);
  const plan = setupPlan(hosts, choice, p, records);
  if (plan.viaClaude) done.push(`${HOSTS.copilot.label}: protected through the Claude Code hook file, which Copilot also runs`);
  const written: InstallRecord[] = [];
  for (const { host, scope } of plan.write) {
    const previous = findRecord(records, host, scope, p);
    try {
      const target = currentTarget(host, scope, p, rt);
      expectWrite(services, target.file);
      const result = installHook(target, previous, paths.backupDir);
      records = upsertRecord(records, result.record);
      saveRecords(paths.stateFile, records);
      written.push(result.record);
      done.push(`${HOSTS[host].label}: ${result.changed ? 'protected' : 'already protected'} (${result.record.file})`);
    } catch (e) {
      failed.push(`${HOSTS[host].label}: ${(e as Error).message}`);
    }
  }
  if (plan.copilotScope) {
    try {
      done.push(await applyAutoApprove(context, services, autoApproveScope(plan.copilotScope), true));
    } catch (e) {
      failed.push(`Copilot auto-approve setting: ${(e as Error).message}`);
    }
  }
  if (!rt.nodePath) done.push('No `node` on PATH: the hooks run the CLI with VS Code\'s own runtime.');
  if (failed.length) void vscode.window.showWarningMessage(`Agent Guard could not set up every hook. ${failed.join(' · ')}`, { modal: false });
  if (done.length) void vscode.window.showInformationMessage(`Agent Guard hooks: ${done.join(' · ')}`);
  for (const r of written.filter((x) => x.host === 'codex')) await offerCodexTrust(r.file, (f) => expectWrite(services, f));
}

/** `{ all: true }` removes every hook Agent Guard recorded without asking which; `{ files: [...] }` those files' hooks (Hook Status rows). */
async function removeHooks(context: vscode.ExtensionContext, services: GuardServices, paths: HookPaths, rawArgs?: unknown): Promise<void> {
  const a = rawArgs && typeof rawArgs === 'object' ? (rawArgs as Record<string, unknown>) : {};
  const files = Array.isArray(a.files) ? a.files.filter((f): f is string => typeof f === 'string') : undefined;
  let records = loadRecords(paths.stateFile);
  const state = context.globalState.get<Record<string, string[]>>(AUTO_APPROVE_STATE, {});
  const hasAutoApprove = Object.values(state).some((keys) => keys.length > 0);
  if (records.length === 0 && !hasAutoApprove) {
    void vscode.window.showInformationMessage('Agent Guard has not written any agent hooks on this machine.');
    return;
  }
  const items = records.map((r) => ({ label: `${HOSTS[r.host].label} (${scopeLabel(r.scope)})`, description: r.file, picked: true, record: r }));
  const picks = a.all === true ? items : files ? items.filter((i) => files.includes(i.record.file)) : await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Agent Guard: remove which hooks? (only what Agent Guard wrote is taken out)', ignoreFocusOut: true });
  if (!picks) return;
  const out: string[] = [];
  for (const { record } of picks) {
    try {
      expectWrite(services, record.file);
      const r = removeHook(record, paths.backupDir);
      out.push(r.leftInPlace ? `${r.summary} (${r.leftInPlace} edited entr${r.leftInPlace === 1 ? 'y' : 'ies'} left in place)` : r.summary);
      records = dropRecord(records, record);
      saveRecords(paths.stateFile, records);
    } catch (e) {
      out.push(`${record.file}: ${(e as Error).message}`);
    }
  }
  for (const scope of ['user', 'workspace'] as const) {
    // The autoApprove layer stays while a hook Copilot runs (its own file or a Claude Code one) stays at that level.
    if (records.some((r) => (r.host === 'copilot' || r.host === 'claude') && autoApproveScope(r.scope) === scope)) continue;
    try {
      const m = await applyAutoApprove(context, services, scope, false);
      if (m) out.push(m);
    } catch (e) {
      out.push(`Copilot auto-approve setting: ${(e as Error).message}`);
    }
  }
  void vscode.window.showInformationMessage(`Agent Guard: ${out.join(' · ') || 'nothing to remove'}`);
}

function rowsNow(context: vscode.ExtensionContext, paths: HookPaths): StatusRow[] {
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
        guardEntry(`agent hook for ${HOSTS[r.host].label} (${scopeLabel(r.scope)})`, `hook changed outside Agent Guard: ${r.status.detail}; that agent's commands may run unchecked`, 'allow', 'error'),
      );
    } catch {
      // The warning below still reaches the person.
    }
  }
  if (tampered.length) {
    const choice = await vscode.window.showWarningMessage(
      `Agent Guard: an agent hook it wrote was removed or edited — ${tampered.map((r) => `${HOSTS[r.host].label} (${r.status.detail})`).join('; ')}. Until it is restored, that agent's commands are not checked.`,
      'Set Up Agent Hooks…',
    );
    if (choice) void vscode.commands.executeCommand(HookCommandId.setup);
  }
}

/**
 * At start-up: warn about tampered hooks, and offer to move hooks that still run an extension folder
 * directly (written before the launcher existed) onto the launcher, which never changes again.
 */
async function checkAtStartup(context: vscode.ExtensionContext, services: GuardServices, paths: HookPaths): Promise<void> {
  const rows = rowsNow(context, paths).filter((r) => r.record);
  await reportTampering(context, services, rows, false);
  const stale = rows.filter((r) => r.status.state === 'out-of-date' && !r.status.tampered);
  if (stale.length === 0) return;
  const choice = await vscode.window.showInformationMessage(
    `Agent Guard: ${stale.length} agent hook${stale.length === 1 ? '' : 's'} still run${stale.length === 1 ? 's' : ''} an older Agent Guard command. Update ${stale.length === 1 ? 'it' : 'them'} to the launcher that survives extension updates?`,
    'Update',
  );
  if (choice !== 'Update') return;
  const rt = runtime(context);
  let records = loadRecords(paths.stateFile);
  for (const r of stale) {
    try {
      const target = currentTarget(r.host, r.scope, places(), rt);
      expectWrite(services, target.file);
      records = upsertRecord(records, installHook(target, r.record, paths.backupDir).record);
      saveRecords(paths.stateFile, records);
      if (r.host === 'codex') await offerCodexTrust(target.file, (f) => expectWrite(services, f));
    } catch (e) {
      void vscode.window.showWarningMessage(`Agent Guard could not update the ${HOSTS[r.host].label} hook: ${(e as Error).message}`);
    }
  }
}

export function registerHookInstallers(context: vscode.ExtensionContext, services: GuardServices): void {
  const storage = context.globalStorageUri.fsPath;
  const paths: HookPaths = { stateFile: path.join(storage, 'hook-installs.json'), backupDir: path.join(storage, 'hook-backups') };
  // An update of the extension lands here first: the launcher now runs this copy's CLI.
  const launcherProblem = ensureLauncher(context, services);
  if (launcherProblem) void vscode.window.showWarningMessage(`Agent Guard ${launcherProblem}; agent hooks may block every call until it can be written.`);
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
    vscode.commands.registerCommand(
      HookCommandId.status,
      guarded('Hook Status', () => {
        // A launcher someone deleted or changed is put back first: every entry depends on it.
        const launcherProblem = ensureLauncher(context, services);
        if (launcherProblem) void vscode.window.showWarningMessage(`Agent Guard ${launcherProblem}; until it can be written, agent hooks cannot start.`);
        return showHookStatus({
          setupCommand: HookCommandId.setup,
          rows: () => rowsNow(context, paths),
          places,
          launcher: launcherPath(runtime(context)),
          remove: (files) => removeHooks(context, services, paths, { files }),
          trust: (file) => offerCodexTrust(file, (f) => expectWrite(services, f)),
          reportTampering: (rows) => reportTampering(context, services, rows, true),
          guardFileChanges: () => (services as { guardFileChanges?: () => readonly string[] }).guardFileChanges?.() ?? [],
        });
      }),
    ),
  );
  // Off the activation path: a few file reads, a few seconds after the window is up.
  const timer = setTimeout(() => void guarded('checking agent hooks', () => checkAtStartup(context, services, paths))(), 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
