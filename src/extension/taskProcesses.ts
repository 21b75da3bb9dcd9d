// Which VS Code task owns a shell process. A task's shell (`bash -c '<task command>'`) asks through the
// CLI with its own pid; VS Code reports that pid when the task's process starts, so the modal and the
// log can say `task "deploy"` instead of an anonymous `bash -c`.
import type { Origin } from '../protocol/protocol';

/** Agents the shell guards name for non-interactive shells: the only ones a task can be. */
const SCRIPT_AGENTS = new Set(['bash (script or bash -c)', 'zsh (script or zsh -c)']);
/** VS Code may report a task's process after its shell has already asked (seen on VS Code 1.139). */
const WAIT_FOR_TASK_MS = 1500;
const POLL_MS = 50;

export class TaskProcesses {
  private readonly names = new Map<number, string>();

  started(pid: number, taskName: string): void {
    this.names.set(pid, taskName);
  }

  ended(pid: number): void {
    this.names.delete(pid);
  }

  /**
   * Like `describe`, but a script shell's request may arrive before VS Code has reported the task's
   * process: wait a moment for that report before showing the modal.
   */
  async describeSoon(origin: Origin, waitMs = WAIT_FOR_TASK_MS): Promise<Origin> {
    if (origin.pid === undefined || !SCRIPT_AGENTS.has(origin.agent ?? '')) return origin;
    for (let waited = 0; !this.names.has(origin.pid) && waited < waitMs; waited += POLL_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return this.describe(origin);
  }

  /** The origin as the person should read it: a task's shell becomes the task. */
  describe(origin: Origin): Origin {
    const name = origin.pid !== undefined ? this.names.get(origin.pid) : undefined;
    if (name === undefined) return origin;
    return { ...origin, door: 'task', task: name, agent: `task "${name}"` };
  }
}
