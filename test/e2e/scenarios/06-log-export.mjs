// Scenario 6: the log panel lists every decision of this job (the earlier scenarios') with its
// environment and outcome, leading with what was destroyed; `ls` and `git status` (allowed, nothing
// found) are not logged; the filter in the view title narrows to Blocked and says so; Open Record
// shows a readable record; "Export Log as JSON…" writes the decisions to a file the person names.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openGuardContainer, openTerminal, pickQuickItem, readGuardLog, runCommand,
  typeInTerminal, waitForDialog, waitForGuardStatus, waitForInputBox, waitForPrompts, waitForTerminalText, widenSideBar,
} from '../lib/workbench.mjs';
import { DROP } from './02-seed-bash.mjs';

export const scenario = {
  id: 'log-export',
  title: 'the log panel lists the decisions with environment and outcome; Export writes them',
  timeoutMs: 180_000,
  screenshots: ['log-panel.png', 'log-filtered.png', 'record.png'],
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

    t.step('ls and git status in a terminal: allowed with nothing found, so not logged');
    const lsPrompt = await openTerminal(page, 'bash');
    await clearTerminal(page);
    await typeInTerminal(page, 'ls');
    await waitForPrompts(page, lsPrompt, 2);
    await clearTerminal(page);
    await typeInTerminal(page, 'git status');
    // Its output can push the first prompt off the screen: wait for the prompt after the output.
    await waitForTerminalText(page, (text) => /On branch|Changes|nothing to commit|no changes added|Untracked files|modified:/.test(text) && text.trimEnd().endsWith(lsPrompt), { what: 'git status to end' });
    // The CLI's spooled decisions are drained every 3 s: give a logged row time to appear.
    await page.waitForTimeout(4000);
    await killAllTerminals(page);

    t.step('open the Agent Guard view from the activity bar');
    await openGuardContainer(page);
    const rows = await readGuardLog(page);
    t.step(`log rows: ${rows.length}`);
    for (const d of t.shared.decisions) {
      // A long command's row shows it around its dangerous part; its host still leads the label.
      const needles = [d.command, d.command.split('/')[0]];
      const hit = rows.find((r) => needles.some((n) => r.text.includes(n)) && d.outcome.test(r.group));
      assert.ok(hit, `the panel lists "${d.command}" under an outcome matching ${d.outcome} (rows: ${JSON.stringify(rows)})`);
      if (/DROP TABLE/.test(d.command)) assert.match(hit.text, /^\[PRODUCTION\] drops table customers/, `the row leads with what it destroys and where: ${hit.text}`);
    }
    const noise = rows.filter((r) => /· (ls|git status)$/.test(r.text));
    assert.equal(noise.length, 0, `no row for ls or git status (rows: ${JSON.stringify(noise)})`);
    // For the README picture: no leftover toasts, and the side bar wide enough to read whole rows.
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await widenSideBar(page, 420);
    await page.screenshot({ path: `${t.resultsDir}/log-panel.png` });

    t.step('the filter in the view title narrows to Blocked, and the view says so');
    await runCommand(page, 'Agent Guard: Filter Log…');
    await pickQuickItem(page, 'Blocked');
    await page.waitForTimeout(800);
    const filtered = await readGuardLog(page);
    assert.ok(filtered.length > 0 && filtered.every((r) => /^Blocked/.test(r.group)), `only Blocked rows (got ${JSON.stringify(filtered)})`);
    assert.ok(rows.some((r) => !/^Blocked/.test(r.group)) ? filtered.length < rows.length : true, 'the filter removed the other rows');
    // The description sits in the view's header, or in the side bar's title when the view is the only one.
    const header = [...(await page.locator('.part.sidebar .pane-header').allInnerTexts()), ...(await page.locator('.part.sidebar .composite.title').allInnerTexts())].join(' ');
    assert.match(header, /Filter: Blocked/, `the view's description shows the filter: ${header}`);
    await page.screenshot({ path: `${t.resultsDir}/log-filtered.png` });

    t.step('Open Record (a click on a Blocked row): a readable record, the raw JSON behind a link');
    // A hover (the legend tooltip) may sit over the rows: move away and let it close first.
    await page.mouse.move(900, 450);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(700);
    await page.locator('.part.sidebar .monaco-list-row[aria-level="2"] .label-name').first().click();
    const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await editor.waitFor({ state: 'visible', timeout: 20_000 });
    // Word wrap splits lines on a narrow editor: read the text with its whitespace collapsed.
    const read = async () => (await editor.innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
    let doc = '';
    const until = Date.now() + 15_000;
    while (Date.now() < until && !/What it destroys/.test(doc)) {
      doc = await read();
      await page.waitForTimeout(250);
    }
    assert.match(doc, /^\s*# Blocked: /, `a readable title, not raw JSON: ${doc.slice(0, 300)}`);
    assert.match(doc, /## What it destroys/);
    await page.screenshot({ path: `${t.resultsDir}/record.png` });
    // The editor renders only the lines in view: go to the end and read those too.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(500);
    doc += ' ' + (await read());
    assert.match(doc, /Environment: /);
    assert.match(doc, /Raw JSON/);
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    await runCommand(page, 'Agent Guard: Clear Log Filter');

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
