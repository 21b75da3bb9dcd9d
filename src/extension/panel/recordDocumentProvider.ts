// Opens one log record as a read-only JSON document (a custom scheme has no save path).
import * as vscode from 'vscode';
import type { LogModel } from './logModel';
import { RECORD_SCHEME } from '../commandIds';

export class RecordDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly model: LogModel) {}

  static uriFor(id: string): vscode.Uri {
    return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/decision-${id}.json` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\/decision-/, '').replace(/\.json$/, '');
    const entry = this.model.byId(id);
    return entry ? JSON.stringify(entry, null, 2) + '\n' : `// This record is no longer in the log (cleared or rotated out): ${id}\n`;
  }
}
