// The status bar item: guard on/off (also per terminal) and today's blocked count; a click opens the log panel.
import * as vscode from 'vscode';
import { CommandId, STATUS_ITEM_ID } from './commandIds';
import type { LogModel } from './panel/logModel';
import type { OffTerminals } from './terminal/offTerminals';

export class GuardStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: Array<{ dispose(): void }> = [];
  /** Set by tamper evidence (`tamper/registerTamperEvidence.ts`) when a guard file changed behind Agent Guard's back. */
  private tamperWarning: string | undefined;

  constructor(
    private readonly model: LogModel,
    private readonly enabled: () => boolean,
    onDidChangeSettings: vscode.Event<void>,
    private readonly offTerminals?: OffTerminals,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'Agent Guard';
    this.item.command = CommandId.showLog;
    this.disposables.push(this.item, model.onDidChange(() => this.update()), onDidChangeSettings(() => this.update()));
    if (offTerminals) this.disposables.push(offTerminals.onDidChange(() => this.update()));
    // The day changes while the window stays open: recount every few minutes.
    const timer = setInterval(() => this.update(), 5 * 60 * 1000);
    this.disposables.push({ dispose: () => clearInterval(timer) });
    this.update();
    this.item.show();
  }

  /** Shows (or, with `undefined`, clears) the warning that a guard file or the log changed outside Agent Guard. */
  setTamperWarning(text: string | undefined): void {
    this.tamperWarning = text;
    this.update();
  }

  update(): void {
    const on = this.enabled();
    const blocked = this.model.blockedToday();
    const offIn = this.offTerminals?.count ?? 0;
    const terminalsOff = offIn > 0 ? `Guard off in ${offIn} terminal${offIn === 1 ? '' : 's'}` : '';
    if (!on) this.item.text = `$(circle-slash) Guard off · ${blocked} blocked today`;
    else if (terminalsOff) this.item.text = `$(shield) ${terminalsOff} · ${blocked} blocked today`;
    else this.item.text = `$(shield) Guard on · ${blocked} blocked today`;
    this.item.backgroundColor = on && !terminalsOff ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    const md = new vscode.MarkdownString(
      `**Agent Guard** is ${on ? 'on' : 'OFF'} in this window. ${blocked} action${blocked === 1 ? '' : 's'} blocked today.\n\n` +
        (terminalsOff ? `${terminalsOff} (switched off by you; Turn On in that terminal, or close it).\n\n` : '') +
        `[Show Log](command:${CommandId.showLog}) · [Check a Command…](command:${CommandId.checkCommand}) · ` +
        (on ? `[Disable](command:${CommandId.disable})` : `[Enable](command:${CommandId.enable})`) +
        ` · [Settings](command:${CommandId.openSettings})`,
    );
    md.isTrusted = { enabledCommands: Object.values(CommandId) };
    if (this.tamperWarning) {
      this.item.text = `$(warning) Guard files changed · ${this.item.text}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      md.appendMarkdown('\n\n---\n\n**Warning:** ');
      md.appendText(this.tamperWarning);
    }
    this.item.tooltip = md;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
