// The per-terminal "guard off" flags: one file `off-<pid>` per terminal whose shell process id is
// <pid>, in a folder of this window session. The shells test for it only on a trigger hit (and the
// bash prompt hook once per prompt, to say so), so its cost is one stat. Plain node: unit-tested.
import * as fs from 'fs';
import * as path from 'path';

export class TerminalOffFlags {
  constructor(readonly dir: string) {}

  private file(pid: number): string {
    return path.join(this.dir, `off-${pid}`);
  }

  async set(pid: number, note: string): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await fs.promises.writeFile(this.file(pid), `${note}\n`, { mode: 0o600 });
  }

  async clear(pid: number): Promise<void> {
    await fs.promises.rm(this.file(pid), { force: true });
  }

  isOff(pid: number): boolean {
    return fs.existsSync(this.file(pid));
  }

  /** The whole session folder: on dispose, so a reused process id never inherits an old flag. */
  removeAllSync(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
