// VS Code entry point. Each door and view registers itself here with the one disposables owner.
import * as vscode from 'vscode';
import { startGuard } from './guardActivation';
import type { GuardServices } from './guardServices';
import { registerHookInstallers } from './hooks/registerHookInstallers';
import { registerTerminalGuard } from './terminal/registerTerminalGuard';
import { openDemoWalkthrough } from './demoWelcome';

/**
 * A door that fails to start must not take the others down with it (the modal and the socket still
 * protect agent hooks when the terminal guard cannot start, and the other way round): report it.
 */
function startDoor(name: string, start: () => void): void {
  try {
    start();
  } catch (e) {
    void vscode.window.showErrorMessage(`Agent Guard: the ${name} could not start (${(e as Error).message}). The other protections still work.`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Settings, decision log, confirmation queue, socket, panel, status bar and palette commands.
  const services: GuardServices = await startGuard(context);
  startDoor('agent hook installer', () => registerHookInstallers(context, services));
  startDoor('terminal and task guard', () => registerTerminalGuard(context, services));
  openDemoWalkthrough(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the socket closes, the discovery record is removed).
}
