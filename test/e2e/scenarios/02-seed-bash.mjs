// Scenario 2, the seed: the workspace maps the loopback PostgreSQL to `production`. Typing
// `psql "$DATABASE_URL" -c 'DROP TABLE customers'` into a bash terminal raises the modal naming PRODUCTION
// and how that was determined; Block keeps the table (checked with a query). Allow once asks for the
// typed name: a wrong name blocks, the right one lets it run and the table is gone.
import assert from 'node:assert/strict';
import {
  answerInputBox, clearTerminal, clickDialogButton, killAllTerminals, openTerminal, typeInTerminal,
  waitForDialog, waitForGuardStatus, waitForInputBox, waitForPrompts, waitForTerminalText,
} from '../lib/workbench.mjs';

export const DROP = `psql "$DATABASE_URL" -c 'DROP TABLE customers'`;

/** What every destructive-command modal must say for the seed. */
export function assertSeedModal(dialog, asker) {
  assert.match(dialog.text, /PRODUCTION/, 'the modal names PRODUCTION');
  assert.match(dialog.text, /DROP TABLE customers/, 'the modal shows the command');
  assert.match(dialog.text, /determined[^\n]*127\.0\.0\.1/i, 'the modal says how the environment was determined (the host 127.0.0.1)');
  if (asker) assert.match(dialog.text, asker, `the modal says who asked (${asker})`);
  assert.ok(dialog.buttons.includes('Block') && dialog.buttons.includes('Allow once'), `buttons Block and Allow once (got: ${dialog.buttons.join(', ')})`);
}

export const scenario = {
  id: 'seed-bash',
  title: 'DROP TABLE customers on the production PostgreSQL typed in bash: Block keeps it, wrong name blocks, right name drops',
  timeoutMs: 300_000,
  screenshots: ['modal.png'],
  async run(t) {
    const { page, pg } = t;
    pg.seedCustomers();
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'bash');

    t.step('1: type the DROP, expect the modal, press Block');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    let dialog = await waitForDialog(page);
    t.step(`modal: ${dialog.text.split('\n').slice(0, 3).join(' / ')}`);
    assertSeedModal(dialog, /terminal|bash/i);
    await page.screenshot({ path: `${t.resultsDir}/modal.png` });
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'after Block the customers table still exists');
    assert.equal(pg.psql('SELECT count(*) FROM customers'), '3', 'after Block the rows are all there');
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'terminal' });
    t.step('Block kept the table (3 rows)');

    t.step('2: Allow once, then a wrong name');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Allow once');
    const ask = await waitForInputBox(page);
    assert.match(ask, /production/i, `the typed-name prompt names the environment (it says: ${ask.trim()})`);
    await answerInputBox(page, 'prod');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'a wrong name blocks: the table still exists');
    t.step('a wrong name blocked');

    t.step('3: Allow once, the right name');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Allow once');
    await waitForInputBox(page);
    await answerInputBox(page, 'production');
    await waitForTerminalText(page, (s) => /^DROP TABLE$/m.test(s), { what: 'psql printing "DROP TABLE"' });
    assert.ok(!pg.tableExists('customers'), 'with the right name the command ran: the table is gone');
    t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /allow/i, door: 'terminal' });
    t.step('the right name let it run: table dropped');
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
