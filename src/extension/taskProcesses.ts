// Which VS Code task owns a shell process. A task's shell (`bash -c '<task command>'`) asks through the
// CLI with its own pid; VS Code reports that pid when the task's process starts, so the modal and the
// log can say `task "deploy"` instead of an anonymous `bash -c`.
import type { Origin } from '../protocol/protocol';

export class TaskProcesses {
  private readonly names = new Map<number, string>();

  started(pid: number, taskName: string): void {
    this.names.set(pid, taskName);
  }

  ended(pid: number): void {
    this.names.delete(pid);
  }

  /** The origin as the person should read it: a task's shell becomes the task. */
  describe(origin: Origin): Origin {
    const name = origin.pid !== undefined ? this.names.get(origin.pid) : undefined;
    if (name === undefined) return origin;
    return { ...origin, door: 'task', task: name, agent: `task "${name}"` };
  }
}
