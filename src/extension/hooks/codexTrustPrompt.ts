// Asks the person, in VS Code, whether to record their trust in Agent Guard's Codex hook the way Codex's
// own `/hooks` review does. Without it Codex skips the hook silently. The entry runs the launcher, so
// the trust survives extension updates.
import * as vscode from 'vscode';
import { isAgentGuardCommand } from '../../hosts/launcher';
import { codexConfigFile, codexTrustOf, findCodexEntry, recordCodexTrust } from './codexTrust';

const TRUST = 'Trust in Codex';
const MYSELF = "I'll use /hooks in Codex";

/** `beforeWrite` announces the write of Codex's config to the tamper watcher. */
export async function offerCodexTrust(hooksFile: string, beforeWrite: (file: string) => void): Promise<void> {
  const entry = findCodexEntry(hooksFile, (c) => isAgentGuardCommand(c, 'codex'));
  if (!entry || codexTrustOf(entry) === 'trusted') return;
  const config = codexConfigFile();
  const choice = await vscode.window.showWarningMessage(
    'Codex runs a hook only after you trust it. Trust Agent Guard\'s Codex hook now?',
    {
      modal: true,
      detail:
        `Agent Guard will record your trust for the entry in ${hooksFile} in ${config}, the same record Codex's /hooks review writes (a copy of the old file is kept). ` +
        'Until the hook is trusted, Codex runs commands without asking Agent Guard. You can instead open Codex, type /hooks and trust "agent-guard-hook codex" there.',
    },
    TRUST,
    MYSELF,
  );
  if (choice !== TRUST) {
    if (choice === MYSELF) void vscode.window.showInformationMessage('Agent Guard: in Codex, type /hooks and trust the PreToolUse hook that runs agent-guard-hook codex. Hook Status shows "installed, not trusted by Codex" until you do.');
    return;
  }
  try {
    beforeWrite(config);
    recordCodexTrust(entry, config);
    void vscode.window.showInformationMessage(`Agent Guard: Codex now trusts its hook (${config}). If Codex's /hooks still lists it as untrusted, trust it there.`);
  } catch (e) {
    void vscode.window.showWarningMessage(`Agent Guard could not record the trust: ${(e as Error).message}`);
  }
}
