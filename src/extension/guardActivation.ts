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
import { LOG_VIEW_ID, RECORD_SCHEME } from './commandIds';
import { ConfirmationService } from './confirm/confirmationService';
import type { CredentialNote } from './confirm/confirmTypes';
import { actionText, safeMask } from '../log/logRecord';
import { SecretLocator } from './confirm/secretLocator';
import { resolveTargets } from './confirm/blastRadius';
import { VscodeConfirmUi } from './confirm/vscodeConfirmUi';
import { VscodeWorkspaceFiles } from './confirm/vscodeWorkspaceFiles';
import { createGuardServices } from './guardServices';
import type { GuardServices } from './guardServices';
import { guardEntry } from '../log/logRecord';
import { LogModel } from './panel/logModel';
import { LogTreeProvider } from './panel/logTreeProvider';
import { RecordDocumentProvider } from './panel/recordDocumentProvider';
import { SettingsService } from './settings/settingsService';
import { GuardStatusBar } from './statusBar';
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

  const settings = new SettingsService((m) => output.warn(m));
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
  const spool = spoolDir();
  let draining = false;
  const drain = (): void => {
    if (draining) return;
    draining = true;
    drainSpool(spool, async (entries) => {
      for (const e of entries) await log.append(e);
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
  });

  let lastProtocolLog = 0;
  try {
    const endpoint = await WindowEndpoint.start(context, {
      handleAsk: createAskHandler({
        evaluate: services.evaluate,
        enabled: services.enabled,
        confirm: (action, verdict, origin, signal) => confirmation.confirm(action, verdict, origin, signal),
        append: (e) => log.append(e),
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

  const tree = new LogTreeProvider(model);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView(LOG_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, new RecordDocumentProvider(model)),
    new GuardStatusBar(model, services.enabled, settings.onDidChange),
    ...registerLogCommands(log, model, reportError),
    registerRestorePointCommand((id) => model.byId(id)),
    ...registerGuardCommands({
      extensionId: context.extension.id,
      log,
      evaluate: (command, cwd) => services.evaluate({ kind: 'shell', command }, cwd),
      mask: safeMask,
      enabled: services.enabled,
      reportError,
    }),
  );
  return services;
}
