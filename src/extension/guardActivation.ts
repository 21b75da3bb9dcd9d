// Builds the window's guard: settings, decision log, confirmation queue, socket + discovery record,
// panel, status bar and palette commands, all owned by `context.subscriptions`. Returns the services
// object the other doors (hooks, terminal guard, tasks) use.
import * as vscode from 'vscode';
import { findCredentialsInText } from '../engine/credentials';
import type { Action } from '../engine/types';
import { DecisionLog } from '../log/decisionLog';
import { createAskHandler } from './askHandler';
import { registerGuardCommands } from './commands/guardCommands';
import { registerLogCommands } from './commands/logCommands';
import { registerRestorePointCommand } from './restore/restorePointCommand';
import { ConfirmationService } from './confirm/confirmationService';
import type { CredentialNote } from './confirm/confirmTypes';
import { actionText, safeMask, worthLogging } from '../log/logRecord';
import { SecretLocator } from './confirm/secretLocator';
import { resolveTargets } from './confirm/blastRadius';
import { VscodeConfirmUi } from './confirm/vscodeConfirmUi';
import { VscodeWorkspaceFiles } from './confirm/vscodeWorkspaceFiles';
import { createGuardServices } from './guardServices';
import type { GuardServices } from './guardServices';
import { guardEntry } from '../log/logRecord';
import { LogModel } from './panel/logModel';
import { createLogView } from './panel/logView';
import { SettingsDiagnostics, userSettingsFile } from './settings/settingsDiagnostics';
import { SettingsService } from './settings/settingsService';
import { GuardStatusBar } from './statusBar';
import { registerTamperEvidence } from './tamper/registerTamperEvidence';
import type { TamperEvidence } from './tamper/registerTamperEvidence';
import { WindowEndpoint } from './windowEndpoint';
import { installCliShim } from './cliShim';
import { drainSpool, spoolDir } from '../log/decisionSpool';
import { TaskProcesses } from './taskProcesses';

/** Protocol errors reach the decision log at most this often (the output channel gets every one). */
const PROTOCOL_LOG_INTERVAL_MS = 10_000;
/** How often the CLI's spooled decisions are moved into the log. */
const SPOOL_DRAIN_INTERVAL_MS = 3_000;


export async function startGuard(context: vscode.ExtensionContext): Promise<GuardServices> {
  const output = vscode.window.createOutputChannel('Agent Guard', { log: true });
  context.subscriptions.push(output);
  const reportError = (message: string): void => output.error(message);

  // Tamper evidence starts once the log and status bar exist; writes the settings service makes before
  // then (an acceptance) are announced to it through this late-bound hook.
  let tamper: TamperEvidence | undefined;
  const settings = new SettingsService((m) => output.warn(m), {}, (file) => tamper?.expectWrite(file));
  context.subscriptions.push(settings);

  const log = new DecisionLog({ dir: context.globalStorageUri.fsPath, maxEntries: settings.current.logMaxEntries });
  context.subscriptions.push(settings.onDidChange(() => log.setMaxEntries(settings.current.logMaxEntries)));
  const model = new LogModel(log, (m) => output.warn(m), () => settings.current.logMaxEntries);
  context.subscriptions.push(model);
  void model.reload();
  // Other windows append to the same log: pick their decisions up when this window gets focus.
  context.subscriptions.push(vscode.window.onDidChangeWindowState((s) => void (s.focused && model.reload())));

  // Decisions the CLI took without this window (by policy, or when no window answered) wait in the
  // spool; move them into the log now and every few seconds.
  // An allowed command with no finding is not a decision: not logged unless the person audits everything.
  const logAllowedWithoutFindings = (): boolean => settings.current.logAllowedWithoutFindings;
  const spool = spoolDir();
  let draining = false;
  const drain = (): void => {
    if (draining) return;
    draining = true;
    drainSpool(spool, async (entries) => {
      for (const e of entries) if (worthLogging(e, logAllowedWithoutFindings())) await log.append(e);
    }, (m) => output.warn(m))
      .catch((e) => reportError(`could not move spooled decisions into the log: ${(e as Error).message}`))
      .finally(() => (draining = false));
  };
  drain();
  const spoolTimer = setInterval(drain, SPOOL_DRAIN_INTERVAL_MS);
  context.subscriptions.push({ dispose: () => clearInterval(spoolTimer) });

  const locator = new SecretLocator(new VscodeWorkspaceFiles());
  const describeCredentials = async (action: Action): Promise<CredentialNote[]> => {
    const found = findCredentialsInText(actionText(action)).slice(0, 5);
    return Promise.all(found.map(async (c) => ({ kind: c.where || c.kind, masked: c.masked, file: await locator.locate(c.secret) })));
  };
  const confirmation = new ConfirmationService({
    ui: new VscodeConfirmUi(),
    settings: () => settings.current.confirm,
    mask: safeMask,
    describeCredentials,
    resolveTargets: (_action, verdict, origin) => resolveTargets(verdict, origin.cwd),
  });
  context.subscriptions.push({ dispose: () => confirmation.dispose() });

  const taskProcesses = new TaskProcesses();
  const services = createGuardServices({
    taskProcesses,
    log,
    policy: () => settings.current.policy,
    enabled: () => settings.current.enabled,
    onDidChangePolicy: settings.onDidChange,
    expectGuardWrite: (file) => tamper?.expectWrite(file),
    guardFileChanges: () => tamper?.recent() ?? [],
  });

  let lastProtocolLog = 0;
  try {
    const endpoint = await WindowEndpoint.start(context, {
      handleAsk: createAskHandler({
        evaluate: services.evaluate,
        enabled: services.enabled,
        confirm: (action, verdict, origin, signal, restorePoint) => confirmation.confirm(action, verdict, origin, signal, restorePoint),
        append: async (e) => {
          if (worthLogging(e, logAllowedWithoutFindings())) await log.append(e);
        },
        mask: safeMask,
        reportError,
        describeOrigin: (o) => taskProcesses.describeSoon(o),
      }),
      onProtocolError: (p) => {
        output.warn(`socket: ${p.message}${p.sample ? ` — input: ${p.sample}` : ''}`);
        const now = Date.now();
        if (now - lastProtocolLog >= PROTOCOL_LOG_INTERVAL_MS) {
          lastProtocolLog = now;
          log.append(guardEntry('malformed request on the Agent Guard socket', p.message, 'block', 'error')).catch((e) => reportError(String(e)));
        }
      },
      settings: () => settings.current,
      onDidChangeSettings: settings.onDidChange,
    });
    context.subscriptions.push(endpoint);
    output.info(`listening; discovery record ${endpoint.recordPath}`);
  } catch (e) {
    // Without the socket, CLI doors fail closed (block); the window's own doors still work.
    const msg = `Agent Guard could not open its local socket (${(e as Error).message}); agent hooks will block instead of asking you.`;
    reportError(msg);
    void vscode.window.showErrorMessage(msg);
  }

  installCliShim(context, (m) => output.warn(m));

  const statusBar = new GuardStatusBar(model, services.enabled, settings.onDidChange, services.offTerminals);
  tamper = registerTamperEvidence(context, { log, setWarning: (text) => statusBar.setTamperWarning(text), reportError });

  context.subscriptions.push(
    ...createLogView(model),
    // Each bad `agentGuard.*` value as a diagnostic on its line in the settings.json that holds it.
    new SettingsDiagnostics(() => settings.current.problems, settings.onDidChange, userSettingsFile(context.globalStorageUri.fsPath)),
    statusBar,
    ...registerLogCommands(log, model, reportError),
    registerRestorePointCommand((id) => model.byId(id)),
    ...registerGuardCommands({
      extensionId: context.extension.id,
      log,
      evaluate: (command, cwd) => services.evaluate({ kind: 'shell', command }, cwd),
      mask: safeMask,
      enabled: services.enabled,
      reportError,
      expectSettingsWrite: () => tamper?.expectSettingsWrites(),
    }),
  );
  return services;
}
