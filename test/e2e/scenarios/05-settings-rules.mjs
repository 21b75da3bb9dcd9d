// Scenario 5: a workspace rule added to .vscode/settings.json while a bash terminal is open applies in
// that same terminal at its next line (no reload, no new terminal): `make reset-cache` runs before the
// rule and is asked about after it. The demo's own rule (`make nuke`) asks too. A malformed rule shows
// one error naming it AND a diagnostic on its line in settings.json (Problems); the built-ins still work.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, notifications, openTerminal, runCommand, typeInTerminal,
  waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP, assertPlainModal, assertSeedModal } from './02-seed-bash.mjs';

/** The demo's own rule (demo/.vscode/settings.json). */
const NUKE_RULE = { id: 'user.make-nuke', command: 'make', args: ['nuke'], severity: 'high', message: 'wipes the dev database' };
const RESET_RULE = { id: 'user.reset-cache', command: 'make', args: ['reset-cache'], severity: 'medium', message: 'resets the shared cache' };
// Malformed the way a person's typo is: a regular expression that does not compile.
const BROKEN_RULE = { id: 'user.broken-regex', command: 'psql', args: ['/([unclosed/'] };

function writeSettings(ws, rules) {
  const file = path.join(ws, '.vscode/settings.json');
  // The demo's settings file has comments: keep its mappings, replace the rules (one entry per line,
  // so a diagnostic's line says which entry it is).
  const current = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  current['agentGuard.rules'] = rules;
  const body = Object.entries(current).map(([k, v]) => {
    const value = Array.isArray(v) ? `[\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : JSON.stringify(v);
    return `  ${JSON.stringify(k)}: ${value}`;
  });
  fs.writeFileSync(file, `{\n${body.join(',\n')}\n}\n`);
  return file;
}

export const scenario = {
  id: 'settings-rules',
  title: 'a rule added while a terminal is open applies there; the demo rule asks; a malformed rule is one error and a diagnostic on its line',
  timeoutMs: 240_000,
  screenshots: ['settings-diagnostic.png'],
  async run(t) {
    const { page, pg, workspace: ws } = t;
    await waitForGuardStatus(page);
    writeSettings(ws, [NUKE_RULE]);
    await page.waitForTimeout(1500);
    const prompt = await openTerminal(page, 'bash');
    const marker = path.join(ws, '.cache-reset');
    const nuked = path.join(ws, '.nuked');
    fs.rmSync(marker, { force: true });
    fs.rmSync(nuked, { force: true });

    t.step('before the rule: make reset-cache runs in the open terminal');
    await clearTerminal(page);
    await typeInTerminal(page, 'make reset-cache');
    await waitForPrompts(page, prompt, 2);
    assert.ok(fs.existsSync(marker), 'make reset-cache ran (no rule yet)');
    fs.rmSync(marker, { force: true });

    t.step('add user.reset-cache to .vscode/settings.json with the same terminal open (no reload, no new terminal)');
    writeSettings(ws, [NUKE_RULE, RESET_RULE]);
    await page.waitForTimeout(2000);
    await clearTerminal(page);
    await typeInTerminal(page, 'make reset-cache');
    let dialog = await waitForDialog(page);
    assertPlainModal(dialog);
    assert.match(dialog.text, /make reset-cache/, 'the modal shows the command');
    assert.match(dialog.text, /resets the shared cache/, 'the modal says what the workspace rule says it destroys');
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(!fs.existsSync(marker), 'Block: make reset-cache did not run in the terminal that was open before the rule');
    t.shared.decisions.push({ command: 'make reset-cache', outcome: /block/i, door: 'terminal' });

    t.step("the demo's own rule: make nuke asks");
    await clearTerminal(page);
    await typeInTerminal(page, 'make nuke');
    dialog = await waitForDialog(page);
    assert.match(dialog.text, /wipes the dev database/, 'the modal names what the demo rule destroys');
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(!fs.existsSync(nuked), 'Block: make nuke did not run');
    t.shared.decisions.push({ command: 'make nuke', outcome: /block/i, door: 'terminal' });

    t.step('add a malformed rule: one error naming it, and a diagnostic on its line');
    const file = writeSettings(ws, [NUKE_RULE, RESET_RULE, BROKEN_RULE]);
    const brokenLine = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('user.broken-regex')) + 1;
    const named = (n) => n.includes('user.broken-regex') || n.includes('agentGuard.rules[2]');
    const deadline = Date.now() + 20_000;
    let found = [];
    while (Date.now() < deadline) {
      found = (await notifications(page)).filter(named);
      if (found.length) break;
      await page.waitForTimeout(250);
    }
    assert.equal(found.length, 1, `exactly one error naming the broken rule (notifications: ${JSON.stringify(await notifications(page))})`);
    await page.waitForTimeout(1500);
    assert.equal((await notifications(page)).filter(named).length, 1, 'still one error, not one per evaluation');

    t.step(`the Problems view lists it in .vscode/settings.json, line ${brokenLine}`);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)').catch(() => runCommand(page, 'Problems: Focus on Problems View'));
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ state: 'visible', timeout: 20_000 });
    let text = '';
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      text = (await problems.innerText().catch(() => '')).replace(/\s+/g, ' ');
      if (/agentGuard\.rules\[2\]/.test(text)) break;
      await page.waitForTimeout(300);
    }
    assert.match(text, /settings\.json/, `the Problems view names settings.json: ${text.slice(0, 400)}`);
    assert.match(text, /agentGuard\.rules\[2\][^]*Agent Guard/, `the diagnostic names the bad entry: ${text.slice(0, 400)}`);
    assert.match(text, new RegExp(`\\[(Ln )?${brokenLine}, (Col )?\\d+\\]`), `the diagnostic is on line ${brokenLine}: ${text.slice(0, 400)}`);

    t.step("the error's action opens settings.json at that line");
    const action = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'user.broken-regex' }).locator('.monaco-button').first();
    const tab = page.locator('.tabs-container .tab.active');
    const opened = (ms) => tab.filter({ hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: ms }).then(() => true, () => false);
    await action.click();
    // A toast that arrives meanwhile (the tamper warning for the same write) can move this one under the
    // pointer and the click is lost (seen once under load on 4.100.3): press the button again, by keyboard.
    if (!(await opened(5_000))) {
      await action.focus().catch(() => {});
      await page.keyboard.press('Enter');
      await tab.filter({ hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await page.waitForTimeout(800);
    assert.match(await cursor.innerText(), new RegExp(`Ln ${brokenLine},`), 'the cursor is on the bad entry\'s line');
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${t.resultsDir}/settings-diagnostic.png` });

    t.step('the built-in rules still apply: the seed DROP still asks');
    pg.seedCustomers();
    // The Problems view took the panel: bring the terminal back.
    await runCommand(page, 'Terminal: Focus Terminal');
    await page.waitForTimeout(500);
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'the table still exists');
  },
  async cleanup(t) {
    writeSettings(t.workspace, [NUKE_RULE]);
    // The error's action left settings.json open with the bad value selected: close it, so a later
    // scenario that types into that file starts from a fresh editor.
    await runCommand(t.page, 'View: Close All Editors').catch(() => {});
    await killAllTerminals(t.page);
  },
};
