// VS Code entry point. Each door and view registers itself here with the one disposables owner.
import type * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
