// Which terminals have the guard switched off, so the status bar can say so ("Guard off in 1 terminal")
// until each is closed or switched back on. No `vscode` import: a small observable set of shell pids.
export class OffTerminals {
  private readonly pids = new Set<number>();
  private readonly listeners = new Set<() => void>();

  get count(): number {
    return this.pids.size;
  }

  set(pid: number, off: boolean): void {
    const had = this.pids.has(pid);
    if (off) this.pids.add(pid);
    else this.pids.delete(pid);
    if (had !== off) for (const l of this.listeners) l();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
