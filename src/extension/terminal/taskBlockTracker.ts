// Which task a blocked command belonged to. Pure: no `vscode`, unit-tested in plain node.
//
// A task's shell (`bash -c …`, or zsh) runs the guard through BASH_ENV / ZDOTDIR like any other
// non-interactive shell: a blocked command makes the shell exit with status 20 before the command runs,
// and the CLI's ask is logged. VS Code tells us a task's process id, start and exit code, not which
// log entry belongs to it, so a task that ends with 20 is matched with the terminal-door blocks logged
// while it ran (same working folder when both are known).
export const BLOCKED_EXIT_CODE = 20;

export interface BlockSeen {
  time: number;
  command: string;
  cwd?: string;
}

interface RunningTask {
  name: string;
  started: number;
  cwd?: string;
}

export interface BlockedTask {
  name: string;
  commands: string[];
}

/** Blocks older than this are forgotten (a task blocked hours ago has long been reported). */
const KEEP_MS = 10 * 60_000;

export class TaskBlockTracker {
  private readonly running = new Map<number, RunningTask>();
  private blocks: BlockSeen[] = [];

  taskStarted(pid: number, name: string, now: number, cwd?: string): void {
    this.running.set(pid, { name, started: now, ...(cwd ? { cwd } : {}) });
  }

  blockLogged(block: BlockSeen): void {
    this.blocks.push(block);
    const horizon = block.time - KEEP_MS;
    this.blocks = this.blocks.filter((b) => b.time >= horizon);
  }

  /** The blocked task, or undefined when the task ended for another reason (or was not ours). */
  taskEnded(pid: number, exitCode: number | undefined, now: number): BlockedTask | undefined {
    const task = this.running.get(pid);
    this.running.delete(pid);
    if (!task || exitCode !== BLOCKED_EXIT_CODE) return undefined;
    const commands = this.blocks
      .filter((b) => b.time >= task.started - 1000 && b.time <= now + 1000)
      .filter((b) => !task.cwd || !b.cwd || b.cwd === task.cwd || b.cwd.startsWith(task.cwd + '/'))
      .map((b) => b.command);
    if (commands.length === 0) return undefined;
    return { name: task.name, commands };
  }
}
