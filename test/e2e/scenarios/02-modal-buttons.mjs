// Scenario 2b: the modal's answers are Block (the default: focused, so Enter blocks; Escape blocks) and
// Allow once. VS Code also shows its own "Cancel", which blocks too: it appears because Block is not the
// dialog's close affordance, and it cannot be — VS Code makes the first non-close item the default
// button, so marking Block as the close affordance would make Enter mean "Allow once". A dialog whose
// default is Block is worth the third button (decided by the lead; E2E finding F3).
import assert from 'node:assert/strict';
import {
  clearTerminal, killAllTerminals, openTerminal, typeInTerminal, waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP } from './02-seed-bash.mjs';

export const scenario = {
  id: 'modal-buttons',
  title: 'the modal offers Block (focused; Escape blocks), Allow once, and a Cancel that blocks',
  timeoutMs: 180_000,
  async run(t) {
    const { page, pg } = t;
    pg.seedCustomers();
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'bash');
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    const dialog = await waitForDialog(page);
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    t.step(`buttons: ${dialog.buttons.join(' | ')}; focused: "${focused}"`);
    // Escape is Block whatever the buttons are: answer first, so the terminal is not left waiting.
    await page.keyboard.press('Escape');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'Escape blocked: the table still exists');
    assert.equal(focused, 'Block', 'Block is the default (focused) button');
    assert.deepEqual([...dialog.buttons].sort(), ['Allow once', 'Block', 'Cancel'], `Block, Allow once and VS Code's Cancel (got: ${dialog.buttons.join(', ')})`);
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
