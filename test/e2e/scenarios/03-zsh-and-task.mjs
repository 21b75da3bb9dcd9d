// Scenario 3: the seed in a zsh terminal, and as a task from tasks.json. A blocked task does not run at
// all: the marker file its command would write first stays absent, and the table stays.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openTerminal, pickQuickItem, runCommand, typeInTerminal,
  waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP, assertSeedModal } from './02-seed-bash.mjs';

export const scenario = {
  id: 'zsh-and-task',
  title: 'the seed DROP in zsh, and as the task "db: drop customers": Block keeps the table, the task does not run',
  timeoutMs: 240_000,
  async run(t) {
    const { page, pg } = t;
    pg.seedCustomers();
    await waitForGuardStatus(page);

    t.step('zsh: type the DROP, expect the modal, press Block');
    const prompt = await openTerminal(page, 'zsh');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    const dialog = await waitForDialog(page);
    assertSeedModal(dialog, /zsh|terminal/i);
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'zsh: after Block the table still exists');
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'terminal' });
    t.step('zsh: blocked, table kept');

    t.step('task: run "db: drop customers", expect the modal, press Block');
    const marker = path.join(t.workspace, '.task-ran-marker');
    fs.rmSync(marker, { force: true });
    await runCommand(page, 'Tasks: Run Task');
    await pickQuickItem(page, 'db: drop customers');
    const taskDialog = await waitForDialog(page);
    assertSeedModal(taskDialog);
    assert.match(taskDialog.text, /db: drop customers/, 'the modal names the task');
    await clickDialogButton(page, 'Block');
    // Give a task that wrongly ran time to write its marker.
    await page.waitForTimeout(4000);
    assert.ok(!fs.existsSync(marker), 'the blocked task did not run (its marker file is absent)');
    assert.ok(pg.tableExists('customers'), 'task: after Block the table still exists');
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'task' });
    t.step('task: blocked, marker absent, table kept');
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
