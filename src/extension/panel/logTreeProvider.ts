// The "Agent Guard" activity-bar view: decisions newest first, grouped by outcome. Each row leads with
// what the command destroys and where ("[PRODUCTION] drops table customers"), then who asked, when, and
// the command around its dangerous part; guard events with the same text are folded into one row.
// A filter (outcome, environment, agent, day) narrows the rows; a row opens the readable record.
import * as vscode from 'vscode';
import type { LogEntry } from '../../log/logEntry';
import type { LogModel } from './logModel';
import { CommandId } from '../commandIds';
import { LOG_LEGEND, OUTCOME_LABEL, groupGuardEvents, matchesFilter, outcomeOf, rowDescription, rowLabel } from './logRows';
import type { LogFilter, Outcome } from './logRows';

type Node = { type: 'group'; group: Outcome } | { type: 'entry'; entry: LogEntry; count: number };

function timeLabel(iso: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

export class LogTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: { dispose(): void };
  private filter: LogFilter = {};

  constructor(private readonly model: LogModel) {
    this.sub = model.onDidChange(() => this.emitter.fire(undefined));
  }

  setFilter(filter: LogFilter): void {
    this.filter = { ...filter };
    this.emitter.fire(undefined);
  }

  get currentFilter(): LogFilter {
    return { ...this.filter };
  }

  private visible(): LogEntry[] {
    return this.model.all.filter((e) => matchesFilter(e, this.filter));
  }

  getChildren(node?: Node): Node[] {
    const entries = this.visible();
    if (!node) {
      const groups: Outcome[] = ['block', 'allow', 'guard'];
      return groups.filter((g) => entries.some((e) => outcomeOf(e) === g)).map((group) => ({ type: 'group', group }));
    }
    if (node.type !== 'group') return [];
    if (node.group === 'guard') return groupGuardEvents(entries).map((g) => ({ type: 'entry', entry: g.latest, count: g.count }));
    return entries.filter((e) => outcomeOf(e) === node.group).map((entry) => ({ type: 'entry', entry, count: 1 }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const count = this.visible().filter((e) => outcomeOf(e) === node.group).length;
      const item = new vscode.TreeItem(`${OUTCOME_LABEL[node.group]} (${count})`, node.group === 'block' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.group}`;
      item.contextValue = 'agentGuard.group';
      item.tooltip = LOG_LEGEND;
      return item;
    }
    const e = node.entry;
    const label = rowLabel(e) + (node.count > 1 ? ` (${node.count} times)` : '');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = node.count > 1 ? `guard:${e.id}` : e.id;
    item.description = e.kind === 'guard' ? `${timeLabel(e.time)} · ${e.by}` : rowDescription(e, timeLabel(e.time));
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${e.kind === 'guard' ? 'Guard event' : e.decision === 'block' ? 'Blocked' : 'Allowed'}** — ${rowLabel(e).replace(/[\\`*_[\]<>]/g, '\\$&')}\n\n`);
    md.appendCodeblock(e.command, 'shell');
    md.appendMarkdown(`\n${(e.agent ?? e.door).replace(/[\\`*_[\]<>]/g, '\\$&')}${e.cwd ? ` in ${e.cwd.replace(/[\\`*_[\]<>]/g, '\\$&')}` : ''} · ${new Date(e.time).toLocaleString()} · ${e.by}`);
    if (e.note) md.appendMarkdown(`\n\n_${e.note.replace(/[\\`*_[\]<>]/g, '\\$&')}_`);
    md.appendMarkdown(`\n\n---\n\n${LOG_LEGEND}`);
    item.tooltip = md;
    item.iconPath =
      e.kind === 'guard'
        ? new vscode.ThemeIcon('shield')
        : e.decision === 'block'
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor(e.environment?.production ? 'errorForeground' : 'problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    // `restorable` lets the undo feature offer Restore on records that kept a restore point.
    item.contextValue = e.restorePoint ? 'agentGuard.record.restorable' : 'agentGuard.record';
    item.command = { command: CommandId.openRecord, title: 'Open Record', arguments: [e.id] };
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

/** Tree nodes handed to context-menu commands carry the entry; commands also accept a bare id. */
export function entryIdFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'entry' in arg) return ((arg as { entry: LogEntry }).entry ?? {}).id;
  return undefined;
}
