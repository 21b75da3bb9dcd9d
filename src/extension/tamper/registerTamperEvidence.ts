// Tamper evidence in the window: the guard files are watched, and a change Agent Guard's own commands
// did not make turns the status bar to a warning, is logged, and is shown with what changed (file,
// `agentGuard.*` keys, hook entry gone). **Agent Guard: Verify Log** checks the log's hash chain.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LAUNCHER_DIR, launcherFileName } from '../../hosts/launcher';
import { HOSTS } from '../../hosts/registry';
import { CommandId } from '../commandIds';
import type { DecisionLog } from '../../log/decisionLog';
import { chainReportText } from '../../log/logChain';
import { guardEntry } from '../../log/logRecord';
import { acceptancesFile } from '../../settings/acceptanceStore';
import { machinePolicyPath } from '../../settings/machinePolicy';
import { stateFolder } from '../../settings/stateFolder';
import { GuardFileWatcher } from './guardFileWatcher';
import type { TamperEvent, WatchedFile } from './guardFileWatcher';

export interface TamperDeps {
  log: DecisionLog;
  /** The status bar's warning line; `undefined` clears it. */
  setWarning(text: string | undefined): void;
  reportError(message: string): void;
}

/** Every guard file this window can name: settings holding `agentGuard.*`, hook files, the state folder's records, the CLI shim. */
export function guardFilesToWatch(context: vscode.ExtensionContext, home: string = os.homedir()): WatchedFile[] {
  const out: WatchedFile[] = [];
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  for (const folder of folders) out.push({ file: path.join(folder, '.vscode', 'settings.json'), kind: 'settings' });
  const wsFile = vscode.workspace.workspaceFile;
  if (wsFile?.scheme === 'file') out.push({ file: wsFile.fsPath, kind: 'settings' });
  // `<user data>/User/globalStorage/<extension id>` → `<user data>/User/settings.json` (VS Code, its forks, code-server).
  out.push({ file: path.join(context.globalStorageUri.fsPath, '..', '..', 'settings.json'), kind: 'settings' });
  out.push({ file: machinePolicyPath(), kind: 'settings' });
  for (const host of Object.values(HOSTS)) {
    out.push({ file: path.join(home, ...host.files.user), kind: 'hooks' });
    for (const folder of folders) {
      out.push({ file: path.join(folder, ...host.files.workspace), kind: 'hooks' });
      if (host.files.personal) out.push({ file: path.join(folder, ...host.files.personal), kind: 'hooks' });
    }
  }
  out.push({ file: acceptancesFile(stateFolder(home)), kind: 'state' });
  out.push({ file: path.join(context.globalStorageUri.fsPath, 'bin', 'agent-guard'), kind: 'state' });
  // Every hook entry runs this launcher: rewriting it (or `chmod -x`) would disarm every agent at once.
  out.push({ file: path.join(home, ...LAUNCHER_DIR, launcherFileName(process.platform)), kind: 'state' });
  return out;
}

function tamperText(e: TamperEvent): string {
  return `${e.file}: ${e.changes.join('; ')}`;
}

/** What other parts use: announce their own writes, and list what changed (Hook Status). */
export interface TamperEvidence {
  expectWrite(file: string): void;
  /** Before `WorkspaceConfiguration.update` of an `agentGuard.*` setting (Enable, Disable, …). */
  expectSettingsWrites(): void;
  /** Changes seen since the warning was last dismissed, newest last. */
  recent(): readonly string[];
}

export function registerTamperEvidence(context: vscode.ExtensionContext, deps: TamperDeps): TamperEvidence {
  const seen: string[] = [];
  const onTamper = (e: TamperEvent): void => {
    const text = tamperText(e);
    seen.push(text);
    if (seen.length > 20) seen.shift();
    deps.setWarning(`A guard file changed outside Agent Guard: ${text}`);
    deps.log
      .append(guardEntry(`guard file changed: ${e.file}`, `changed outside Agent Guard's own commands: ${e.changes.join('; ')}`, 'block', 'error'))
      .catch((err) => deps.reportError(`Agent Guard could not log a guard-file change: ${(err as Error).message}`));
    void vscode.window
      .showWarningMessage(`Agent Guard: a guard file was changed outside Agent Guard's own commands — ${text}. If you did not make this change, an agent may have.`, 'Open File', 'Dismiss Warning')
      .then((pick) => {
        if (pick === 'Open File') void vscode.window.showTextDocument(vscode.Uri.file(e.file)).then(undefined, () => undefined);
        if (pick === 'Dismiss Warning') {
          seen.length = 0;
          deps.setWarning(undefined);
        }
      });
  };
  const watcher = new GuardFileWatcher(guardFilesToWatch(context), onTamper);
  context.subscriptions.push(
    watcher,
    vscode.commands.registerCommand(CommandId.verifyLog, async (): Promise<string> => {
      try {
        const r = await deps.log.verify();
        const end = r.endsEarly > 0 ? ` ${r.endsEarly} line${r.endsEarly === 1 ? ' this window wrote is' : 's this window wrote are'} missing from the end of the log.` : '';
        const text = chainReportText(r) + end;
        const ok = r.problems.length === 0 && r.endsEarly === 0;
        if (ok) void vscode.window.showInformationMessage(`Agent Guard: ${text}`);
        else {
          deps.setWarning(`The decision log was changed outside Agent Guard. ${text}`);
          void vscode.window.showWarningMessage(`Agent Guard: ${text}`, { modal: true });
        }
        return text;
      } catch (e) {
        const msg = `Agent Guard could not read its decision log to verify it: ${(e as Error).message}`;
        deps.reportError(msg);
        void vscode.window.showErrorMessage(msg);
        return msg;
      }
    }),
  );
  return { expectWrite: (file) => watcher.expectWrite(file), expectSettingsWrites: () => watcher.expectSettingsWrites(), recent: () => [...seen] };
}
