// The log as the panel and the status bar see it: entries newest first, refreshed when the writer
// appends. No `vscode` import. Corrupt lines are skipped and reported once per new count.
import type { DecisionLog, Disposable } from '../../log/decisionLog';
import type { LogEntry } from '../../log/logEntry';

export class LogModel implements Disposable {
  private entries: LogEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly sub: Disposable;
  private loading: Promise<void> | undefined;
  private reloadAgain = false;
  private lastSkipped = 0;

  constructor(
    private readonly log: DecisionLog,
    private readonly warn: (message: string) => void,
    private readonly limit: () => number,
  ) {
    this.sub = log.onDidAppend((added) => {
      // Appends arrive in order: prepend without re-reading the file.
      this.entries = [...[...added].reverse(), ...this.entries].slice(0, this.limit());
      this.fire();
    });
  }

  /** Newest first. */
  get all(): readonly LogEntry[] {
    return this.entries;
  }

  byId(id: string): LogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Blocked decisions since local midnight of `now`. */
  blockedToday(now = new Date()): number {
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    let n = 0;
    for (const e of this.entries) {
      const t = Date.parse(e.time);
      if (t < start) break;
      if (e.kind === 'decision' && e.decision === 'block') n++;
    }
    return n;
  }

  /** Re-reads both log files (after a clear, at start). Concurrent calls collapse into one more read. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.reloadAgain = false;
        const { entries, skipped } = await this.log.read();
        this.entries = entries.reverse().slice(0, this.limit());
        if (skipped > 0 && skipped !== this.lastSkipped) {
          this.warn(`Agent Guard: skipped ${skipped} unreadable line${skipped === 1 ? '' : 's'} in the decision log (${this.log.filePath}).`);
        }
        this.lastSkipped = skipped;
      } while (this.reloadAgain);
      this.fire();
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }

  dispose(): void {
    this.sub.dispose();
    this.listeners.clear();
  }
}
