import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BLOCKED_EXIT_CODE, TaskBlockTracker } from '../../../src/extension/terminal/taskBlockTracker';
import { TerminalOffFlags } from '../../../src/extension/terminal/terminalOffFlags';

describe('task block tracker', () => {
  it('names the task whose shell exited 20 after a block logged while it ran', () => {
    const t = new TaskBlockTracker();
    t.taskStarted(100, 'db: reset', 1_000, '/work/app');
    t.blockLogged({ time: 1_500, command: "psql -c 'DROP TABLE users'", cwd: '/work/app' });
    assert.deepEqual(t.taskEnded(100, BLOCKED_EXIT_CODE, 2_000), { name: 'db: reset', commands: ["psql -c 'DROP TABLE users'"] });
  });

  it('says nothing for a task that exited 20 on its own, or ended normally, or a block in another folder', () => {
    const t = new TaskBlockTracker();
    t.taskStarted(1, 'own 20', 1_000);
    assert.equal(t.taskEnded(1, 20, 2_000), undefined);
    t.taskStarted(2, 'ok', 3_000, '/a');
    t.blockLogged({ time: 3_500, command: 'railway volume delete v', cwd: '/a' });
    assert.equal(t.taskEnded(2, 0, 4_000), undefined);
    t.taskStarted(3, 'elsewhere', 5_000, '/a');
    t.blockLogged({ time: 5_500, command: 'railway volume delete v', cwd: '/b' });
    assert.equal(t.taskEnded(3, 20, 6_000), undefined);
  });

  it('does not match a block logged before the task started', () => {
    const t = new TaskBlockTracker();
    t.blockLogged({ time: 1_000, command: 'rm -rf ~' });
    t.taskStarted(9, 'later', 60_000);
    assert.equal(t.taskEnded(9, 20, 61_000), undefined);
  });
});

describe('terminal off flags', () => {
  it('sets, reports and clears the flag of one terminal only; removes the session folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-flags-'));
    const dir = path.join(root, 'session');
    const f = new TerminalOffFlags(dir);
    await f.set(42, 'off by the person');
    assert.equal(f.isOff(42), true);
    assert.equal(f.isOff(43), false);
    assert.equal((fs.statSync(path.join(dir, 'off-42')).mode & 0o777).toString(8), '600');
    await f.clear(42);
    assert.equal(f.isOff(42), false);
    await f.set(7, 'x');
    f.removeAllSync();
    assert.equal(fs.existsSync(dir), false);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
