// The log view: its tree, its filter (a command in the view title; the state shown as the view's
// description and the `agentGuard.logFiltered` context key) and the readable-record documents.
import * as vscode from 'vscode';
import type { LogModel } from './logModel';
import { LogTreeProvider } from './logTreeProvider';
import { RecordDocumentProvider } from './recordDocumentProvider';
import { CommandId, LOG_VIEW_ID, RECORD_SCHEME } from '../commandIds';
import { FILTER_KEYS, OUTCOME_LABEL, describeFilter, filterValues, isFiltered } from './logRows';
import type { FilterKey, LogFilter, Outcome } from './logRows';

const KEY_LABEL: Record<FilterKey, string> = { outcome: 'Outcome', environment: 'Environment', agent: 'Agent or door', day: 'Day' };

interface FilterPick extends vscode.QuickPickItem {
  key?: FilterKey;
  value?: string;
  clear?: boolean;
}

export function createLogView(model: LogModel): vscode.Disposable[] {
  const tree = new LogTreeProvider(model);
  const view = vscode.window.createTreeView(LOG_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const apply = (filter: LogFilter): void => {
    tree.setFilter(filter);
    view.description = describeFilter(filter) || undefined;
    void vscode.commands.executeCommand('setContext', 'agentGuard.logFiltered', isFiltered(filter));
  };

  const pickFilter = async (): Promise<void> => {
    const current = tree.currentFilter;
    const items: FilterPick[] = [];
    if (isFiltered(current)) items.push({ label: '$(clear-all) Clear filter', description: describeFilter(current), clear: true });
    for (const key of FILTER_KEYS) {
      items.push({ label: KEY_LABEL[key], kind: vscode.QuickPickItemKind.Separator });
      for (const { value, count } of filterValues(model.all, key)) {
        const label = key === 'outcome' ? OUTCOME_LABEL[value as Outcome] : value;
        const on = current[key] === value;
        items.push({ label: `${on ? '$(check) ' : ''}${label}`, description: `${count} ${count === 1 ? 'entry' : 'entries'}${on ? ' · picked again clears it' : ''}`, key, value });
      }
    }
    const pick = await vscode.window.showQuickPick(items, { title: 'Agent Guard: Filter the log', placeHolder: 'Show only entries with… (one value per kind; pick again to remove it)' });
    if (!pick) return;
    if (pick.clear) return apply({});
    if (!pick.key || pick.value === undefined) return;
    const next: LogFilter = { ...current };
    if (current[pick.key] === pick.value) delete next[pick.key];
    else (next as Record<FilterKey, string | undefined>)[pick.key] = pick.value;
    apply(next);
  };

  apply({});
  return [
    tree,
    view,
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, new RecordDocumentProvider(model)),
    vscode.commands.registerCommand(CommandId.filterLog, pickFilter),
    vscode.commands.registerCommand(CommandId.clearLogFilter, () => apply({})),
  ];
}
