// Palette commands on the guard itself: Check a Command…, Enable, Disable (confirmed and logged),
// Open Settings.
import * as vscode from 'vscode';
import type { Verdict } from '../../engine/types';
import type { DecisionLog } from '../../log/decisionLog';
import { CommandId } from '../commandIds';
import { guardEntry } from '../../log/logRecord';
import { byImportance, destructiveFindings, detailsLine, environmentLabel, environmentSource, plain } from '../../outcome/personWords';
import { SECTION, SettingId } from '../../settings/settingTable';

export interface GuardCommandDeps {
  extensionId: string;
  log: DecisionLog;
  evaluate(command: string, cwd?: string): Verdict;
  mask(text: string): string;
  enabled(): boolean;
  reportError(message: string): void;
  /** Tells tamper evidence that the next agentGuard.* settings writes are Agent Guard's own (Enable/Disable). */
  expectSettingsWrite?(): void;
}

const VERDICT_WORDS: Record<Verdict['decision'], string> = {
  allow: 'would run without asking',
  confirm: 'would stop and ask you first',
  deny: 'would be blocked by your policy',
};

export function verdictDetail(verdict: Verdict, mask: (text: string) => string): string {
  const lines: string[] = [];
  const destroying = byImportance(destructiveFindings(verdict));
  if (verdict.findings.length === 0) lines.push('No rule matched.');
  else lines.push('What it destroys:');
  for (const f of destroying) lines.push(`- ${mask(plain(f.summary))}`);
  lines.push('', `Environment: ${environmentLabel(verdict)}${verdict.environment?.provider ? ` (${verdict.environment.provider})` : ''}`);
  lines.push(`How it was determined: ${mask(environmentSource(verdict))}`);
  lines.push('', detailsLine(verdict));
  return lines.join('\n');
}

async function setEnabled(value: boolean, expectSettingsWrite?: () => void): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  expectSettingsWrite?.();
  await config.update(SettingId.enabled, value, vscode.ConfigurationTarget.Global);
  const ins = config.inspect<boolean>(SettingId.enabled);
  // A workspace value would override the person's choice in a trusted folder: align it too.
  if (ins?.workspaceValue !== undefined && ins.workspaceValue !== value) {
    expectSettingsWrite?.();
    await config.update(SettingId.enabled, value, vscode.ConfigurationTarget.Workspace);
  }
}

export function registerGuardCommands(deps: GuardCommandDeps): vscode.Disposable[] {
  const logGuard = async (command: string, note: string, decision: 'allow' | 'block'): Promise<void> => {
    try {
      await deps.log.append(guardEntry(command, note, decision, 'person'));
    } catch (e) {
      deps.reportError(`Agent Guard could not write its decision log: ${(e as Error).message}`);
    }
  };
  return [
    vscode.commands.registerCommand(CommandId.checkCommand, async (text?: unknown): Promise<Verdict | undefined> => {
      const command =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Agent Guard: Check a Command',
              prompt: 'Type a command line; Agent Guard says what it would do with it (nothing is run).',
              placeHolder: "e.g. psql -c 'DROP TABLE users'",
              ignoreFocusOut: true,
            });
      if (!command) return undefined;
      const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const verdict = deps.evaluate(command, cwd);
      // Not awaited: a caller (or a test) gets the verdict back while the result stays on screen.
      void vscode.window.showInformationMessage(`Agent Guard: this command ${VERDICT_WORDS[verdict.decision]}`, {
        modal: true,
        detail: `${deps.mask(command)}\n\n${verdictDetail(verdict, deps.mask)}`,
      });
      return verdict;
    }),

    vscode.commands.registerCommand(CommandId.disable, async () => {
      if (!deps.enabled()) return void vscode.window.showInformationMessage('Agent Guard is already off in this window.');
      const pick = await vscode.window.showWarningMessage(
        'Disable Agent Guard?',
        {
          modal: true,
          detail: 'AI agents\' destructive commands (dropping tables, deleting volumes, force pushes…) will run without asking you. Rules set to "deny" still block. This is logged.',
        },
        // "Keep On" first: the primary button, so a reflexive Enter does not switch the guard off.
        { title: 'Keep On' },
        { title: 'Disable' },
      );
      if (pick?.title !== 'Disable') return;
      await setEnabled(false, deps.expectSettingsWrite);
      await logGuard('Disable Agent Guard', 'the person switched the guard off', 'allow');
    }),

    vscode.commands.registerCommand(CommandId.enable, async () => {
      await setEnabled(true, deps.expectSettingsWrite);
      await logGuard('Enable Agent Guard', 'the person switched the guard on', 'allow');
    }),

    vscode.commands.registerCommand(CommandId.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${deps.extensionId}`),
    ),
  ];
}
