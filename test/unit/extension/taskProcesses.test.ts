// A task's shell asks with its pid; the window names the task in the modal and the log.
import * as assert from 'assert';
import { TaskProcesses } from '../../../src/extension/taskProcesses';

describe('TaskProcesses', () => {
  it('turns a task shell into the task, and forgets it when the task ends', () => {
    const t = new TaskProcesses();
    t.started(4242, 'db: drop customers');
    const described = t.describe({ door: 'terminal', agent: 'bash (script or bash -c)', pid: 4242, cwd: '/w' });
    assert.deepStrictEqual(described, { door: 'task', agent: 'task "db: drop customers"', task: 'db: drop customers', pid: 4242, cwd: '/w' });
    t.ended(4242);
    assert.strictEqual(t.describe({ door: 'terminal', pid: 4242 }).door, 'terminal');
  });
  it('leaves other askers alone', () => {
    const t = new TaskProcesses();
    t.started(1, 'x');
    const o = { door: 'hook' as const, agent: 'Claude Code', pid: 2 };
    assert.strictEqual(t.describe(o), o);
  });
});

describe('TaskProcesses.describeSoon', () => {
  it('waits for a task process reported just after its shell asked', async () => {
    const t = new TaskProcesses();
    setTimeout(() => t.started(77, 'deploy'), 100);
    const o = await t.describeSoon({ door: 'terminal', agent: 'bash (script or bash -c)', pid: 77 });
    assert.strictEqual(o.task, 'deploy');
  });
  it('does not wait for interactive terminals', async () => {
    const t = new TaskProcesses();
    const t0 = Date.now();
    await t.describeSoon({ door: 'terminal', agent: 'bash terminal', pid: 5 });
    assert.ok(Date.now() - t0 < 40);
  });
});
