// The confirmation UI in VS Code: a modal warning (Block first, the default, and the close affordance so
// Escape means Block) and, for production, an input box asking for the environment's name.
import * as vscode from 'vscode';
import { BLOCK } from './confirmTypes';
import type { ConfirmUi, ModalChoice, ModalContent } from './confirmTypes';

export class VscodeConfirmUi implements ConfirmUi {
  async showModal(content: ModalContent, choices: readonly ModalChoice[]): Promise<ModalChoice | undefined> {
    const items: vscode.MessageItem[] = choices.map((title) => ({ title, isCloseAffordance: title === BLOCK }));
    const picked = await vscode.window.showWarningMessage(content.message, { modal: true, detail: content.detail }, ...items);
    return picked?.title as ModalChoice | undefined;
  }

  async askTypedName(environmentName: string, signal: AbortSignal): Promise<string | undefined> {
    const cts = new vscode.CancellationTokenSource();
    const onAbort = (): void => cts.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await vscode.window.showInputBox(
        {
          title: `Agent Guard: allow on ${environmentName.toUpperCase()}?`,
          prompt: `This command targets ${environmentName.toUpperCase()}. Type "${environmentName}" to allow it once; anything else blocks it.`,
          placeHolder: environmentName,
          ignoreFocusOut: true,
        },
        cts.token,
      );
    } finally {
      signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }

  notice(message: string): void {
    void vscode.window.showInformationMessage(message);
  }
}
