// Opens one log record as a read-only virtual document (a custom scheme has no save path): readable
// Markdown (`/decision-<id>.md`, the modal's fields) or the raw JSON (`/decision-<id>.json`).
import * as vscode from 'vscode';
import type { LogModel } from './logModel';
import { RECORD_SCHEME } from '../commandIds';
import { recordMarkdown } from './recordText';

export class RecordDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly model: LogModel) {}

  static uriFor(id: string, form: 'md' | 'json' = 'md'): vscode.Uri {
    return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/decision-${id}.${form}` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const m = /^\/decision-(.+)\.(md|json)$/.exec(uri.path);
    const id = m?.[1] ?? uri.path;
    const entry = this.model.byId(id);
    if (m?.[2] === 'json') return entry ? JSON.stringify(entry, null, 2) + '\n' : `// This record is no longer in the log (cleared or rotated out): ${id}\n`;
    if (!entry) return `This record is no longer in the log (cleared or rotated out): ${id}\n`;
    return recordMarkdown(entry, RecordDocumentProvider.uriFor(id, 'json').toString());
  }
}
