// VS Code entry point. Each door and view registers itself here with the one disposables owner.
import type * as vscode from 'vscode';
import { startGuard } from './guardActivation';
import { registerHookInstallers } from './hooks/registerHookInstallers';
import { registerTerminalGuard } from './terminal/registerTerminalGuard';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Settings, decision log, confirmation queue, socket, panel, status bar and palette commands.
  const services = await startGuard(context);

  // ---- Other doors register below with the one services object (their owners add these lines). ----
  registerHookInstallers(context, services);
  registerTerminalGuard(context, services);
  void services;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the socket closes, the discovery record is removed).
}
