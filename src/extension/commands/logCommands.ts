// Commands on the decision log: show the panel, open a record (readable or raw), copy a command, open the file, clear
// (with confirmation, and the clearing itself is logged), export as JSON.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DecisionLog } from '../../log/decisionLog';
import type { LogModel } from '../panel/logModel';
import { RecordDocumentProvider } from '../panel/recordDocumentProvider';
import { entryIdFrom } from '../panel/logTreeProvider';
import { CommandId, LOG_VIEW_ID, VIEW_CONTAINER_ID } from '../commandIds';
import { guardEntry } from '../../log/logRecord';

/** The first workspace folder, else the home folder: somewhere the person will find the file. */
function exportTarget(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(os.homedir(), name));
}

async function openRecord(model: LogModel, arg: unknown, form: 'md' | 'json'): Promise<void> {
  const id = entryIdFrom(arg) ?? model.all[0]?.id;
  if (!id) return void vscode.window.showInformationMessage('Agent Guard: the decision log is empty.');
  let doc = await vscode.workspace.openTextDocument(RecordDocumentProvider.uriFor(id, form));
  // `.md`/`.json` already pick the language; say it again where the scheme hides the extension.
  if (doc.languageId !== (form === 'md' ? 'markdown' : 'json')) doc = await vscode.languages.setTextDocumentLanguage(doc, form === 'md' ? 'markdown' : 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
}

export function registerLogCommands(log: DecisionLog, model: LogModel, reportError: (m: string) => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CommandId.showLog, async () => {
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER_ID}`);
      await vscode.commands.executeCommand(`${LOG_VIEW_ID}.focus`);
    }),

    // The readable record (Markdown, the modal's fields); the raw JSON is a link in it and a menu item.
    vscode.commands.registerCommand(CommandId.openRecord, (arg: unknown) => openRecord(model, arg, 'md')),
    vscode.commands.registerCommand(CommandId.openRecordJson, (arg: unknown) => openRecord(model, arg, 'json')),

    vscode.commands.registerCommand(CommandId.copyCommand, async (arg: unknown) => {
      const id = entryIdFrom(arg);
      const entry = id ? model.byId(id) : model.all[0];
      if (!entry) return;
      // The logged command is already masked: a copied line never carries a live secret.
      await vscode.env.clipboard.writeText(entry.command);
      void vscode.window.setStatusBarMessage('Agent Guard: command copied', 3000);
    }),

    vscode.commands.registerCommand(CommandId.openLogFile, async () => {
      await log.flush();
      if (!fs.existsSync(log.filePath)) return void vscode.window.showInformationMessage('Agent Guard: no decision has been logged yet.');
      await vscode.window.showTextDocument(vscode.Uri.file(log.filePath), { preview: true });
    }),

    vscode.commands.registerCommand(CommandId.clearLog, async () => {
      const n = model.all.length;
      const pick = await vscode.window.showWarningMessage(
        'Clear the Agent Guard decision log?',
        { modal: true, detail: `This deletes ${n} logged decision${n === 1 ? '' : 's'} from this machine. It cannot be undone. Export the log first if you want to keep it.` },
        { title: 'Clear Log' },
      );
      if (pick?.title !== 'Clear Log') return;
      try {
        await log.clear();
        await log.append(guardEntry('Clear Log', `the person cleared ${n} logged decisions`, 'allow', 'person'));
      } catch (e) {
        reportError(`Agent Guard could not clear the log: ${(e as Error).message}`);
      }
      await model.reload();
    }),

    vscode.commands.registerCommand(CommandId.exportLog, async () => {
      const { entries, skipped } = await log.read();
      const target = await vscode.window.showSaveDialog({
        title: 'Export the Agent Guard decision log',
        saveLabel: 'Export',
        filters: { JSON: ['json'] },
        defaultUri: exportTarget(`agent-guard-log-${new Date().toISOString().slice(0, 10)}.json`),
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(entries, null, 2) + '\n', 'utf8'));
      void vscode.window.showInformationMessage(
        `Agent Guard: exported ${entries.length} decisions to ${target.fsPath}${skipped ? ` (${skipped} unreadable lines skipped)` : ''}.`,
      );
    }),
  ];
}
