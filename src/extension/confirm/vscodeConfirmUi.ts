// The confirmation UI in VS Code: a modal warning (Block first and primary; Escape, Cancel and closing
// return undefined, which the service treats as Block) and, where allowing needs it, an input box for the typed words.
import * as vscode from 'vscode';
import { BLOCK } from './confirmTypes';
import type { ConfirmUi, ModalChoice, ModalContent } from './confirmTypes';
import type { TypedStepText } from '../../outcome/modalText';

export class VscodeConfirmUi implements ConfirmUi {
  async showModal(content: ModalContent, choices: readonly ModalChoice[]): Promise<ModalChoice | undefined> {
    // Block must be the primary button (the one Enter presses). Marking it as the close affordance would
    // move it out of first place and make "Allow once" primary, so no item is: VS Code then adds its own
    // Cancel, which (like Escape and the close box) returns undefined and so also means Block.
    const items: vscode.MessageItem[] = [BLOCK, ...choices.filter((c) => c !== BLOCK)].map((title) => ({ title }));
    const picked = await vscode.window.showWarningMessage(content.message, { modal: true, detail: content.detail }, ...items);
    return picked?.title as ModalChoice | undefined;
  }

  async askTyped(text: TypedStepText, signal: AbortSignal): Promise<string | undefined> {
    const cts = new vscode.CancellationTokenSource();
    const onAbort = (): void => cts.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // An empty box (no placeholder that could look pre-filled); the prompt says what to type.
      return await vscode.window.showInputBox({ title: text.title, prompt: text.prompt, value: '', ignoreFocusOut: true }, cts.token);
    } finally {
      signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }

  notice(message: string): void {
    void vscode.window.showInformationMessage(message);
  }
}
