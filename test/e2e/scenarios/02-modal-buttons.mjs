// Scenario 2b: the modal's buttons are exactly Block (the default: focused, and Escape means Block) and
// Allow once, as the spec says. Not in the default list while the modal also shows VS Code's own
// "Cancel" (/work/E2E-FINDINGS.md F3).
import assert from 'node:assert/strict';
import {
  clearTerminal, killAllTerminals, openTerminal, typeInTerminal, waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP } from './02-seed-bash.mjs';

export const scenario = {
  id: 'modal-buttons',
  title: 'the modal offers exactly Block (focused; Escape blocks) and Allow once',
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
    assert.deepEqual([...dialog.buttons].sort(), ['Allow once', 'Block'], `exactly Block and Allow once (got: ${dialog.buttons.join(', ')})`);
  },
  async cleanup(t) {
    t.pg.seedCustomers();
    await killAllTerminals(t.page);
  },
};
