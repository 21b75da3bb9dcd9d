// Scenario 6: the log panel lists every decision of this job (the earlier scenarios') with its
// environment and outcome; "Export Log as JSON…" writes them to a file the person names.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openGuardContainer, openTerminal, readGuardLog, runCommand,
  typeInTerminal, waitForDialog, waitForGuardStatus, waitForInputBox, waitForPrompts, widenSideBar,
} from '../lib/workbench.mjs';
import { DROP } from './02-seed-bash.mjs';

export const scenario = {
  id: 'log-export',
  title: 'the log panel lists the decisions with environment and outcome; Export writes them',
  timeoutMs: 180_000,
  screenshots: ['log-panel.png'],
  async run(t) {
    const { page, pg } = t;
    await waitForGuardStatus(page);
    if (!t.shared.decisions.length) {
      // Run on its own: make one decision first, so there is something to list.
      t.step('no earlier decisions in this job: block the seed DROP once');
      pg.seedCustomers();
      const prompt = await openTerminal(page, 'bash');
      await clearTerminal(page);
      await typeInTerminal(page, DROP);
      await waitForDialog(page);
      await clickDialogButton(page, 'Block');
      await waitForPrompts(page, prompt, 2);
      t.shared.decisions.push({ command: 'DROP TABLE customers', outcome: /block/i, door: 'terminal' });
      await killAllTerminals(page);
    }

    t.step('open the Agent Guard view from the activity bar');
    await openGuardContainer(page);
    const rows = await readGuardLog(page);
    t.step(`log rows: ${rows.length}`);
    for (const d of t.shared.decisions) {
      const hit = rows.find((r) => r.text.includes(d.command) && d.outcome.test(r.group));
      assert.ok(hit, `the panel lists "${d.command}" under an outcome matching ${d.outcome} (rows: ${JSON.stringify(rows)})`);
      if (/DROP TABLE/.test(d.command)) assert.match(hit.text, /PRODUCTION/, `the row names its environment: ${hit.text}`);
    }
    // For the README picture: no leftover toasts, and the side bar wide enough to read whole rows.
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await widenSideBar(page, 420);
    await page.screenshot({ path: `${t.resultsDir}/log-panel.png` });

    t.step('Export Log as JSON… to a file in the workspace');
    const target = path.join(t.workspace, 'exported-decisions.json');
    fs.rmSync(target, { force: true });
    fs.mkdirSync(t.resultsDir, { recursive: true });
    await runCommand(page, 'Agent Guard: Export Log as JSON…');
    await waitForInputBox(page);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // The save dialog fills in its proposed path a moment after it opens: wait for it, then type ours.
    await page.waitForFunction(() => /\.json$/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? ''), null, { timeout: 10_000 }).catch(() => {});
    for (let tries = 0; tries < 3 && (await input.inputValue()) !== target; tries++) {
      await input.fill(target);
      await page.waitForTimeout(300);
    }
    assert.equal(await input.inputValue(), target, 'the save dialog holds the typed path');
    // Let the simple file dialog resolve the typed path before accepting it (newer versions filter the
    // folder listing as you type, and an early Enter picks the highlighted row instead).
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${t.resultsDir}/export-dialog.png` });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    if (await page.locator('.quick-input-widget').isVisible()) {
      await page.screenshot({ path: `${t.resultsDir}/export-dialog-after-enter.png` });
      t.step(`the save dialog is still open: ${(await page.locator('.quick-input-widget').innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    // The file appears before its content is flushed: wait until it holds complete JSON.
    const deadline = Date.now() + 20_000;
    let exported;
    while (Date.now() < deadline && exported === undefined) {
      try {
        exported = JSON.parse(fs.readFileSync(target, 'utf8'));
      } catch {
        await page.waitForTimeout(250);
      }
    }
    assert.ok(fs.existsSync(target), `the export wrote ${target}`);
    assert.ok(exported !== undefined, `the export is complete JSON: ${fs.readFileSync(target, 'utf8').slice(0, 200)}`);
    assert.ok(Array.isArray(exported), 'the export is a JSON array');
    for (const d of t.shared.decisions) {
      assert.ok(exported.some((e) => JSON.stringify(e).includes(d.command)), `the export holds "${d.command}"`);
    }
    assert.ok(exported.every((e) => e.decision && e.time), 'each exported entry has its decision and time');
  },
  async cleanup(t) {
    await killAllTerminals(t.page);
  },
};
