// The log panel's Restore action on a record that kept a restore point: a preview of what comes back,
// then the restore; when something changed since the point, a second confirmation before it is
// overwritten (and what is there now is kept as a new point). Kinds whose restore is the person's
// act (a database load, `kubectl apply`, `terraform state push`) open a terminal with the command
// typed but not run.
import * as vscode from 'vscode';
import type { LogEntry } from '../../log/logEntry';
import { CommandId } from '../commandIds';
import { describePoint, loadPoint, restorePoint } from '../../restore/restorePoint';
import type { RestoreOutcome } from '../../restore/restorePoint';
import { isPointId, restoreStoreDir } from '../../restore/restoreStore';
import { formatBytes } from '../../restore/restoreWords';

/** The point id from what the menu hands over: a tree node `{ entry }`, a log entry, a point id or an entry id. */
export function pointIdFrom(arg: unknown, byEntryId?: (id: string) => LogEntry | undefined): string | undefined {
  if (typeof arg === 'string') return isPointId(arg) ? arg : pointIdFrom(byEntryId?.(arg));
  if (!arg || typeof arg !== 'object') return undefined;
  const e = ('entry' in arg ? (arg as { entry: unknown }).entry : arg) as Partial<LogEntry> | undefined;
  return e?.restorePoint?.id;
}

function list(items: readonly string[], max = 8): string {
  return items.slice(0, max).map((i) => `• ${i}`).join('\n') + (items.length > max ? `\n… and ${items.length - max} more` : '');
}

async function report(outcome: RestoreOutcome): Promise<void> {
  const { report: r, savedAs } = outcome;
  if (r.commands.length > 0) {
    const term = vscode.window.createTerminal({ name: 'Agent Guard restore' });
    term.show();
    // Typed, not run: loading a dump or applying manifests is the person's act.
    term.sendText(r.commands.join(' && '), false);
    void vscode.window.showInformationMessage(`Agent Guard: the command that restores this is typed in the terminal "Agent Guard restore"; press Enter there to run it.${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`);
    return;
  }
  const names = r.restored.slice(0, 3).join(', ') + (r.restored.length > 3 ? ` and ${r.restored.length - 3} more` : '');
  const done = r.restored.length ? `restored ${names}` : 'nothing needed restoring: everything is as it was at the point';
  const kept = savedAs ? ` What was there before is kept as restore point ${savedAs}.` : '';
  const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
  void vscode.window.showInformationMessage(`Agent Guard: ${done}.${kept}${notes}`);
}

export async function runRestorePoint(arg: unknown, byEntryId?: (id: string) => LogEntry | undefined, store: string = restoreStoreDir()): Promise<void> {
  const id = pointIdFrom(arg, byEntryId);
  if (!id) return void vscode.window.showInformationMessage('Agent Guard: this record has no restore point.');
  const m = loadPoint(store, id);
  if (typeof m === 'string') return void vscode.window.showWarningMessage(`Agent Guard: ${m}. It may have been removed to stay within the quota or age limit.`);
  const detail = [
    `Before: ${m.command}`,
    `Kept ${new Date(m.time).toLocaleString()} (${formatBytes(m.bytes)})${m.complete ? '' : ' — PARTIAL'}`,
    '',
    'What comes back:',
    list(describePoint(store, m)),
    '',
    'Nothing that changed since the point is overwritten without asking you again.',
  ].join('\n');
  const go = await vscode.window.showInformationMessage('Restore what Agent Guard kept?', { modal: true, detail }, { title: 'Restore' });
  if (go?.title !== 'Restore') return;
  let outcome = await restorePoint(store, id, { force: false });
  if (typeof outcome === 'string') return void vscode.window.showErrorMessage(`Agent Guard: ${outcome}`);
  if (outcome.report.conflicts.length > 0) {
    const over = await vscode.window.showWarningMessage(
      `${outcome.report.conflicts.length} item${outcome.report.conflicts.length === 1 ? ' has' : 's have'} changed since the restore point. Overwrite with the kept version?`,
      { modal: true, detail: `${list(outcome.report.conflicts)}\n\nWhat is there now is kept first as a new restore point.` },
      { title: 'Overwrite' },
    );
    if (over?.title === 'Overwrite') {
      try {
        const forced = await restorePoint(store, id, { force: true });
        if (typeof forced === 'string') return void vscode.window.showErrorMessage(`Agent Guard: ${forced}`);
        outcome = { ...forced, report: { ...forced.report, restored: [...new Set([...outcome.report.restored, ...forced.report.restored])] } };
      } catch (e) {
        return void vscode.window.showErrorMessage(`Agent Guard: ${(e as Error).message}`);
      }
    }
  }
  await report(outcome);
}

export function registerRestorePointCommand(byEntryId: (id: string) => LogEntry | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.restorePoint, (arg: unknown) => runRestorePoint(arg, byEntryId));
}
