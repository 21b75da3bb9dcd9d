// Scenario 3b: the seed as a task from tasks.json ("db: drop customers"). The modal names the task; a
// blocked task does not run at all: the marker file its command writes first stays absent, and the table stays.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clickDialogButton, killAllTerminals, pickQuickItem, runCommand, waitForDialog, waitForGuardStatus } from '../lib/workbench.mjs';
import { assertSeedModal } from './02-seed-bash.mjs';

export const scenario = {
  id: 'task',
  title: 'the seed DROP as the task "db: drop customers": stopped before it runs, the modal names the task, Block keeps the table',
  timeoutMs: 240_000,
  async run(t) {
    const { page, pg } = t;
    pg.seedCustomers();
    await waitForGuardStatus(page);

    t.step('task: run "db: drop customers", expect the modal, press Block');
    const marker = path.join(t.workspace, '.task-ran-marker');
    fs.rmSync(marker, { force: true });
    await runCommand(page, 'Tasks: Run Task');
    await pickQuickItem(page, 'db: drop customers');
    const taskDialog = await waitForDialog(page);
    t.step(`task modal: ${taskDialog.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    // Stopped before it runs: nothing of the task's command line may have run while the modal is up.
    const ranBeforeAnswer = fs.existsSync(marker);
    await clickDialogButton(page, 'Block');
    // Give a task that wrongly ran time to write its marker.
    await page.waitForTimeout(4000);
    assert.ok(!ranBeforeAnswer, 'the task was stopped before it ran: its first command (touch .task-ran-marker) had already run while the modal was up');
    assert.ok(!fs.existsSync(marker), 'the blocked task did not run (its marker file is absent)');
    assert.ok(pg.tableExists('customers'), 'task: after Block the table still exists');
    assertSeedModal(taskDialog);
    assert.match(taskDialog.text, /db: drop customers/, `the modal names the task "db: drop customers" (it says: ${taskDialog.text.split('\n').find((l) => /Asked by/.test(l)) ?? taskDialog.text.split('\n')[0]})`);
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'task' });
    t.step('task: blocked, marker absent, table kept');
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
