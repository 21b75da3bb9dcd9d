// Settings problems where the person edits settings: each bad `agentGuard.*` value becomes a diagnostic
// on its line in the settings.json that holds it (a folder's `.vscode/settings.json`, the workspace
// file, or the user settings), in the Problems view too, refreshed whenever the settings change. The
// command `agentGuard.revealSettingProblem` opens that file at that line (the error toast's action).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SettingProblem } from '../../settings/validateSettings';
import { locateSetting } from './settingLocation';
import type { TextRange } from './settingLocation';

export const REVEAL_SETTING_PROBLEM = 'agentGuard.revealSettingProblem';

interface Located {
  file: string;
  range: TextRange;
}

/** The user settings.json: two folders above this extension's global storage (`<User>/globalStorage/<id>`). */
export function userSettingsFile(globalStorage: string): string {
  return path.join(globalStorage, '..', '..', 'settings.json');
}

export class SettingsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('agentGuard.settings');
  private readonly disposables: vscode.Disposable[] = [];
  private located = new Map<string, Located>();
  private generation = 0;

  constructor(
    private readonly problems: () => readonly SettingProblem[],
    onDidChange: vscode.Event<void>,
    private readonly userFile: string | undefined,
  ) {
    this.disposables.push(
      this.collection,
      onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.commands.registerCommand(REVEAL_SETTING_PROBLEM, (p?: SettingProblem) => this.reveal(p)),
    );
    void this.refresh();
  }

  /** Settings files a value can come from, most specific first (the one that wins is where to fix it). */
  private candidates(): string[] {
    const files: string[] = [];
    for (const f of vscode.workspace.workspaceFolders ?? []) if (f.uri.scheme === 'file') files.push(path.join(f.uri.fsPath, '.vscode', 'settings.json'));
    const ws = vscode.workspace.workspaceFile;
    if (ws?.scheme === 'file') files.push(ws.fsPath);
    if (this.userFile) files.push(this.userFile);
    return files;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const texts = new Map<string, string>();
    for (const file of this.candidates()) {
      try {
        texts.set(file, await fs.promises.readFile(file, 'utf8'));
      } catch {
        // No such file: nothing to point at there.
      }
    }
    if (generation !== this.generation) return;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const located = new Map<string, Located>();
    for (const p of this.problems()) {
      for (const [file, text] of texts) {
        const range = locateSetting(text, p.path);
        if (!range) continue;
        const d = new vscode.Diagnostic(
          new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter),
          `${p.path}: ${p.message}. Agent Guard keeps the last valid value (the built-in rules still apply).`,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = 'Agent Guard';
        byFile.set(file, [...(byFile.get(file) ?? []), d]);
        located.set(p.path, { file, range });
        break;
      }
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), diagnostics);
    this.located = located;
  }

  /** Opens the settings.json that holds the problem at its line; the Settings UI when it is in no file. */
  async reveal(problem?: SettingProblem): Promise<void> {
    const p = problem ?? this.problems()[0];
    if (!p) return;
    await this.refresh();
    const at = this.located.get(p.path);
    if (!at) {
      await vscode.commands.executeCommand('workbench.action.openSettings', p.path.replace(/\[.*$/, ''));
      return;
    }
    const range = new vscode.Range(at.range.startLine, at.range.startCharacter, at.range.endLine, at.range.endCharacter);
    await vscode.window.showTextDocument(vscode.Uri.file(at.file), { selection: range, preview: false });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
