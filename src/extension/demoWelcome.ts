// The demo (`npm start`) opens on the walkthrough rather than a blank editor: the demo script sets
// AGENT_GUARD_OPEN_WALKTHROUGH=1 for its code-server, and the window opens the walkthrough once.
// Ordinary installs never see this (VS Code offers the walkthrough itself on install).
import * as vscode from 'vscode';

const WALKTHROUGH_ID = 'agentGuard.gettingStarted';

export function openDemoWalkthrough(context: vscode.ExtensionContext, env: NodeJS.ProcessEnv = process.env): void {
  if (env.AGENT_GUARD_OPEN_WALKTHROUGH !== '1') return;
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false).then(undefined, () => undefined);
}
