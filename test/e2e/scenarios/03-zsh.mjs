// Scenario 3a: the seed in a zsh terminal: the modal names PRODUCTION; Block keeps the table.
import assert from 'node:assert/strict';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openTerminal, typeInTerminal, waitForDialog,
  waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP, assertSeedModal } from './02-seed-bash.mjs';

export const scenario = {
  id: 'zsh',
  title: 'the seed DROP typed in a zsh terminal: the modal names PRODUCTION, Block keeps the table',
  timeoutMs: 180_000,
  async run(t) {
    const { page, pg } = t;
    pg.seedCustomers();
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'zsh');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    const dialog = await waitForDialog(page);
    assertSeedModal(dialog, /zsh|terminal/i);
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'zsh: after Block the table still exists');
    assert.equal(pg.psql('SELECT count(*) FROM customers'), '3', 'zsh: after Block the rows are all there');
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'terminal' });
    t.step('zsh: blocked, table kept');
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
