// The "Agent Guard" activity-bar view: decisions newest first, grouped by outcome, each row showing
// the command, the environment badge, the rule and the time. A row opens the full record.
import * as vscode from 'vscode';
import type { LogEntry } from '../../log/logEntry';
import type { LogModel } from './logModel';
import { CommandId } from '../commandIds';

type Group = 'block' | 'allow' | 'guard';
type Node = { type: 'group'; group: Group } | { type: 'entry'; entry: LogEntry };

const GROUP_LABEL: Record<Group, string> = { block: 'Blocked', allow: 'Allowed', guard: 'Guard events' };

function groupOf(e: LogEntry): Group {
  if (e.kind === 'guard') return 'guard';
  return e.decision === 'block' ? 'block' : 'allow';
}

export function environmentBadge(e: LogEntry): string {
  const env = e.environment;
  if (!env || !env.name || env.name === 'unknown') return 'env unknown';
  return env.production ? env.name.toUpperCase() : env.name;
}

function timeLabel(iso: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

function firstLine(text: string, max = 100): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > max ? line.slice(0, max) + '…' : line + (text.includes('\n') ? ' …' : '');
}

export class LogTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: { dispose(): void };

  constructor(private readonly model: LogModel) {
    this.sub = model.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const groups: Group[] = ['block', 'allow', 'guard'];
      return groups.filter((g) => this.model.all.some((e) => groupOf(e) === g)).map((group) => ({ type: 'group', group }));
    }
    if (node.type === 'group') return this.model.all.filter((e) => groupOf(e) === node.group).map((entry) => ({ type: 'entry', entry }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const count = this.model.all.filter((e) => groupOf(e) === node.group).length;
      const item = new vscode.TreeItem(`${GROUP_LABEL[node.group]} (${count})`, node.group === 'block' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.group}`;
      item.contextValue = 'agentGuard.group';
      return item;
    }
    const e = node.entry;
    // The badge leads the label: in a narrow side bar the description is the first thing cut off.
    const badge = e.kind === 'guard' ? '' : `[${environmentBadge(e)}] `;
    const item = new vscode.TreeItem(badge + firstLine(e.command), vscode.TreeItemCollapsibleState.None);
    item.id = e.id;
    const rule = e.findings[0]?.rule ?? (e.kind === 'guard' ? 'guard' : 'no rule');
    item.description = `${rule} · ${timeLabel(e.time)} · ${e.by}`;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${e.decision === 'block' ? 'Blocked' : 'Allowed'}** by ${e.by} — ${environmentBadge(e)}\n\n`);
    md.appendCodeblock(e.command, 'shell');
    for (const f of e.findings) md.appendMarkdown(`- ${f.summary} (\`${f.rule}\`, ${f.severity})\n`);
    md.appendMarkdown(`\n${e.agent ?? e.door}${e.cwd ? ` in ${e.cwd}` : ''} · ${new Date(e.time).toLocaleString()}`);
    if (e.note) md.appendMarkdown(`\n\n_${e.note}_`);
    item.tooltip = md;
    item.iconPath =
      e.kind === 'guard'
        ? new vscode.ThemeIcon('shield')
        : e.decision === 'block'
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor(e.environment?.production ? 'errorForeground' : 'problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon('pass');
    item.contextValue = 'agentGuard.record';
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
