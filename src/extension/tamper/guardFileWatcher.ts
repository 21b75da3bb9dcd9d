// Watches the guard's own files and reports every change that matters to the guard and that Agent
// Guard's own commands did not announce (`expectWrite`). Workspace files get VS Code's file watcher
// (prompt events); every file is also polled with `fs.watchFile`, which works for files outside the
// workspace and for folders that do not exist yet (a hook file Set Up has not written). A change saved
// from an editor in this window is the person's (agents' file-edit tools go through their hooks).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ABSENT, describeChange, viewOf } from './guardFileView';
import type { GuardFileView, WatchedKind } from './guardFileView';

export interface WatchedFile {
  file: string;
  kind: WatchedKind;
}

export interface TamperEvent {
  file: string;
  kind: WatchedKind;
  changes: string[];
}

const POLL_MS = 2_000;
/** A write Agent Guard announced is its own for this long (installers write a few files in a row). */
const EXPECT_MS = 10_000;
/** Events are looked at after this pause, so an editor save in this window is known first. */
const SETTLE_MS = 300;
const MAX_BYTES = 1024 * 1024;

function readView(kind: WatchedKind, file: string): GuardFileView {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return ABSENT;
    const executable = process.platform === 'win32' || (st.mode & 0o100) !== 0;
    // A file too large to be ours is a change in itself: view it by size.
    if (st.size > MAX_BYTES) return { exists: true, executable, parts: { size: String(st.size) }, unreadable: true };
    return viewOf(kind, fs.readFileSync(file, 'utf8'), executable);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return ABSENT;
    // A guard file that cannot be read counts as changed.
    return { exists: true, executable: false, parts: { unreadable: (e as Error).message }, unreadable: true };
  }
}

function same(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export class GuardFileWatcher implements vscode.Disposable {
  private readonly views = new Map<string, GuardFileView>();
  private readonly kinds = new Map<string, WatchedKind>();
  private readonly expectedUntil = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    files: readonly WatchedFile[],
    private readonly onTamper: (event: TamperEvent) => void,
  ) {
    for (const { file, kind } of files) {
      const f = path.resolve(file);
      if (this.kinds.has(f)) continue;
      this.kinds.set(f, kind);
      this.views.set(f, readView(kind, f));
      const listener = (): void => this.soon(f);
      fs.watchFile(f, { interval: POLL_MS, persistent: false }, listener);
      this.disposables.push({ dispose: () => fs.unwatchFile(f, listener) });
      const inWorkspace = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(f)) !== undefined;
      if (inWorkspace) {
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(f)), path.basename(f)));
        this.disposables.push(w, w.onDidChange(listener), w.onDidCreate(listener), w.onDidDelete(listener));
      }
    }
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme !== 'file') return;
        for (const f of this.kinds.keys()) if (same(f, doc.uri.fsPath)) this.expectWrite(f, SETTLE_MS * 4);
      }),
    );
  }

  /** Agent Guard is about to write `file` itself (a setting, a hook install, an acceptance): not tampering. */
  expectWrite(file: string, forMs = EXPECT_MS): void {
    const f = path.resolve(file);
    // The file's next events inside this time are taken in as the new content, silently.
    this.expectedUntil.set(f, Math.max(this.expectedUntil.get(f) ?? 0, Date.now() + forMs));
  }

  /** Agent Guard is about to write settings through VS Code's configuration API (which file it lands in is VS Code's choice). */
  expectSettingsWrites(forMs = EXPECT_MS): void {
    for (const [file, kind] of this.kinds) if (kind === 'settings') this.expectWrite(file, forMs);
  }

  private soon(file: string): void {
    const pending = this.timers.get(file);
    if (pending) clearTimeout(pending);
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.check(file);
      }, SETTLE_MS),
    );
  }

  /** Compares the file with the last look; a change that matters and was not announced is reported. */
  check(file: string): void {
    const kind = this.kinds.get(file);
    if (!kind) return;
    const before = this.views.get(file) ?? ABSENT;
    const after = readView(kind, file);
    this.views.set(file, after);
    if ((this.expectedUntil.get(file) ?? 0) >= Date.now()) return;
    const changes = describeChange(kind, before, after);
    if (changes.length > 0) this.onTamper({ file, kind, changes });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
