// The status bar item: guard on/off and today's blocked count; a click opens the log panel.
import * as vscode from 'vscode';
import { CommandId, STATUS_ITEM_ID } from './commandIds';
import type { LogModel } from './panel/logModel';

export class GuardStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: Array<{ dispose(): void }> = [];

  constructor(
    private readonly model: LogModel,
    private readonly enabled: () => boolean,
    onDidChangeSettings: vscode.Event<void>,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'Agent Guard';
    this.item.command = CommandId.showLog;
    this.disposables.push(this.item, model.onDidChange(() => this.update()), onDidChangeSettings(() => this.update()));
    // The day changes while the window stays open: recount every few minutes.
    const timer = setInterval(() => this.update(), 5 * 60 * 1000);
    this.disposables.push({ dispose: () => clearInterval(timer) });
    this.update();
    this.item.show();
  }

  update(): void {
    const on = this.enabled();
    const blocked = this.model.blockedToday();
    this.item.text = on ? `$(shield) Guard on · ${blocked} blocked today` : `$(circle-slash) Guard off · ${blocked} blocked today`;
    this.item.backgroundColor = on ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    const md = new vscode.MarkdownString(
      `**Agent Guard** is ${on ? 'on' : 'OFF'} in this window. ${blocked} action${blocked === 1 ? '' : 's'} blocked today.\n\n` +
        `[Show Log](command:${CommandId.showLog}) · [Check a Command…](command:${CommandId.checkCommand}) · ` +
        (on ? `[Disable](command:${CommandId.disable})` : `[Enable](command:${CommandId.enable})`) +
        ` · [Settings](command:${CommandId.openSettings})`,
    );
    md.isTrusted = { enabledCommands: Object.values(CommandId) };
    this.item.tooltip = md;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
