// The person's say on a workspace that loosens the guard: a modal naming each loosened item, Accept or
// Ignore. Only the person can answer it (an agent cannot click a VS Code modal), which is why a workspace
// value — which an agent can write — waits for it.
import * as path from 'path';
import * as vscode from 'vscode';
import type { WorkspaceLoosening } from '../../settings/resolveSettings';

export const ACCEPT = 'Accept';
export const IGNORE = 'Ignore';

function itemLines(loosening: WorkspaceLoosening): string[] {
  return loosening.items.map((i) => `• ${i.setting}: ${i.what}`);
}

/** Said in the output channel (and by the CLI on stderr) while a loosening is not applied. */
export function looseningIgnoredText(loosening: WorkspaceLoosening): string {
  const why =
    loosening.reason === 'untrusted'
      ? 'this folder is not trusted, so its workspace settings may only make the guard stricter'
      : 'you have not accepted it';
  return `Agent Guard: ignored what the workspace settings loosen (${loosening.items.map((i) => `${i.setting}: ${i.what}`).join('; ')}) because ${why}.`;
}

export async function askToAcceptLoosening(loosening: WorkspaceLoosening, workspace: string, managed: readonly string[]): Promise<boolean> {
  const detail = [
    `The workspace settings of "${path.basename(workspace)}" make Agent Guard less strict:`,
    ...itemLines(loosening),
    '',
    'An agent working in this folder can write these settings too. Accept only if you made this change yourself.',
    'Until you accept, the stricter settings apply (for agent hooks too). If the change differs later, Agent Guard asks again.',
    ...(managed.length > 0 ? ['', `Managed by your administrator's machine policy (cannot be loosened): ${managed.join(', ')}.`] : []),
  ].join('\n');
  const pick = await vscode.window.showWarningMessage("Apply this workspace's loosening of Agent Guard?", { modal: true, detail }, ACCEPT, IGNORE);
  return pick === ACCEPT;
}
