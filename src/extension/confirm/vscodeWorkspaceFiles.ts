// The workspace as the secret locator sees it: text-like files, heavy folders excluded, read through
// `workspace.fs` (works for remote and virtual workspaces) and cut at a byte limit.
import * as vscode from 'vscode';
import { byLikelihood } from './secretLocator';
import type { WorkspaceFiles } from './secretLocator';

const INCLUDE =
  '**/{.env,.env.*,*.env,.npmrc,.pgpass,*.json,*.yaml,*.yml,*.toml,*.ini,*.cfg,*.conf,*.properties,*.tfvars,*.sh,*.ps1,*.ts,*.js,*.mjs,*.cjs,*.py,*.rb,*.go,*.rs,*.java,*.cs,*.php,*.md,*.txt}';
const EXCLUDE = '**/{node_modules,.git,dist,out,build,target,.next,.venv,venv,__pycache__,coverage,vendor}/**';

export class VscodeWorkspaceFiles implements WorkspaceFiles {
  constructor(private readonly maxFiles = 2000) {}

  async list(): Promise<string[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const cts = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => cts.cancel(), 1000);
    try {
      const uris = await vscode.workspace.findFiles(INCLUDE, EXCLUDE, this.maxFiles, cts.token);
      return uris.map((u) => u.toString()).sort(byLikelihood);
    } finally {
      clearTimeout(timer);
      cts.dispose();
    }
  }

  async read(file: string, maxBytes: number): Promise<string | undefined> {
    try {
      const uri = vscode.Uri.parse(file);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxBytes) return undefined;
      return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return undefined;
    }
  }

  display(file: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(file), true);
  }
}
