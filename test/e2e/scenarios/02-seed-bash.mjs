// Scenario 2, the seed: the workspace maps the loopback PostgreSQL to `production`. Typing
// `psql "$DATABASE_URL" -c 'DROP TABLE customers'` into a bash terminal raises the modal naming PRODUCTION
// and how that was determined, in plain text (rule ids only on the last Details line); Block keeps the
// table (checked with a query) and the terminal says so in one line. Allow once asks for the typed
// name with the command in view: a typo is said and may be retried, Escape blocks, the right name
// (after one typo) lets it run and the table is gone.
import assert from 'node:assert/strict';
import {
  answerInputBox, clearTerminal, clickDialogButton, inputValue, killAllTerminals, openTerminal, terminalText, typeInTerminal,
  typeIntoInputBox, waitForDialog, waitForGuardStatus, waitForInputBox, waitForInputBoxText, waitForPrompts, waitForTerminalText,
} from '../lib/workbench.mjs';

export const DROP = `psql "$DATABASE_URL" -c 'DROP TABLE customers'`;

/** What every modal must be: plain text, rule ids and severities only on the last line ("Details: …"). */
export function assertPlainModal(dialog) {
  assert.ok(!dialog.text.includes('`'), `no markdown backticks in the modal:\n${dialog.text}`);
  const lines = dialog.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const details = lines.findIndex((l) => l.startsWith('Details:'));
  assert.ok(details >= 0, `the modal ends with a Details line:\n${dialog.text}`);
  const above = lines.slice(0, details).join('\n');
  assert.ok(!/\b[a-z]+\.[a-z-]+ \((low|medium|high|critical)/.test(above), `no rule id or severity above Details:\n${above}`);
}

/** What every destructive-command modal must say for the seed. */
export function assertSeedModal(dialog, asker) {
  assertPlainModal(dialog);
  assert.match(dialog.text, /wants to drop table customers[^\n]* on PRODUCTION/, 'the title says who wants to destroy what, on PRODUCTION');
  assert.match(dialog.text, /DROP TABLE customers/, 'the modal shows the command');
  assert.match(dialog.text, /determined[^\n]*127\.0\.0\.1/i, 'the modal says how the environment was determined (the host 127.0.0.1)');
  if (asker) assert.match(dialog.text, asker, `the modal says who asked (${asker})`);
  assert.ok(dialog.buttons.includes('Block') && dialog.buttons.includes('Allow once'), `buttons Block and Allow once (got: ${dialog.buttons.join(', ')})`);
}

export const scenario = {
  id: 'seed-bash',
  title: 'DROP TABLE customers on the production PostgreSQL typed in bash: Block keeps it, wrong name blocks, right name drops',
  timeoutMs: 300_000,
  screenshots: ['modal.png', 'typed-step.png'],
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

    t.step('2: Allow once, a typo is said and may be retried, then Escape blocks');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Allow once');
    let ask = await waitForInputBox(page);
    assert.match(ask, /Type production to allow/i, `the typed-name prompt says what to type (it says: ${ask.trim()})`);
    assert.match(ask, /DROP TABLE customers/, `the typed step shows the command (it says: ${ask.trim()})`);
    assert.match(ask, /drops table customers/, `and what it destroys (it says: ${ask.trim()})`);
    assert.equal(await inputValue(page), '', 'the box starts empty');
    await page.screenshot({ path: `${t.resultsDir}/typed-step.png` });
    await typeIntoInputBox(page, 'prod');
    ask = await waitForInputBoxText(page, /"prod" is not production/);
    assert.match(ask, /2 tries left/, `a typo is said and the person may retry (it says: ${ask.trim()})`);
    assert.ok(pg.tableExists('customers'), 'a typo does not run the command');
    await page.keyboard.press('Escape');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'Escape blocks: the table still exists');
    // (A long line wraps over terminal rows: read the screen as one text.)
    const screen = (await terminalText(page)).replace(/\n/g, '');
    assert.equal(screen.split('Agent Guard blocked').length - 1, 1, `one short line in the terminal:\n${screen}`);
    assert.match(screen, /Agent Guard blocked: drops table customers.* on PRODUCTION — see the Agent Guard log/);
    assert.ok(!/another credential|Stop and ask/.test(screen), `the agent's message is not printed to a person:\n${screen}`);
    t.step('a typo was said, Escape blocked, one line in the terminal');

    t.step('3: Allow once, the right name');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Allow once');
    await waitForInputBox(page);
    await typeIntoInputBox(page, 'prodution');
    await waitForInputBoxText(page, /is not production/);
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
