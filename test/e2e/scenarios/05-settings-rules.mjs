// Scenario 5: a workspace rule added to .vscode/settings.json (`make nuke` is destructive) takes effect
// without a reload; a malformed rule shows one error naming it, and the built-in rules keep working.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, notifications, openTerminal, typeInTerminal,
  waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';
import { DROP, assertSeedModal } from './02-seed-bash.mjs';

const NUKE_RULE = { id: 'user.make-nuke', command: 'make', args: ['nuke'], severity: 'high', message: 'wipes the dev database' };
// Malformed the way a person's typo is: a regular expression that does not compile.
const BROKEN_RULE = { id: 'user.broken-regex', command: 'psql', args: ['/([unclosed/'] };

function writeSettings(ws, rules) {
  const file = path.join(ws, '.vscode/settings.json');
  // The demo's settings file has comments: keep its mappings, replace the rules.
  const current = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  current['agentGuard.rules'] = rules;
  fs.writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
}

export const scenario = {
  id: 'settings-rules',
  title: 'a workspace rule (make nuke) applies without reload; a malformed rule shows one error naming it; built-ins still work',
  timeoutMs: 240_000,
  async run(t) {
    const { page, pg, workspace: ws } = t;
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'bash');
    const nuked = path.join(ws, '.nuked');
    fs.rmSync(nuked, { force: true });

    t.step('write agentGuard.rules with user.make-nuke into .vscode/settings.json (no reload)');
    writeSettings(ws, [NUKE_RULE]);
    await page.waitForTimeout(2500);
    await clearTerminal(page);
    await typeInTerminal(page, 'make nuke');
    let dialog = await waitForDialog(page);
    assert.match(dialog.text, /make nuke/, 'the modal shows `make nuke`');
    assert.match(dialog.text, /user\.make-nuke|wipes the dev database/, 'the modal names the workspace rule');
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(!fs.existsSync(nuked), 'Block: `make nuke` did not run (no .nuked marker)');
    t.shared.decisions.push({ command: 'make nuke', outcome: /block/i, door: 'terminal' });

    t.step('add a malformed rule: one error naming it');
    writeSettings(ws, [NUKE_RULE, BROKEN_RULE]);
    const deadline = Date.now() + 20_000;
    let named = [];
    while (Date.now() < deadline) {
      // Named by its id, or by its place in the setting (`agentGuard.rules[1]`): both point the person at it.
      named = (await notifications(page)).filter((n) => n.includes('user.broken-regex') || n.includes('agentGuard.rules[1]'));
      if (named.length) break;
      await page.waitForTimeout(250);
    }
    assert.equal(named.length, 1, `exactly one error naming the broken rule (notifications: ${JSON.stringify(await notifications(page))})`);
    await page.waitForTimeout(1500);
    const again = (await notifications(page)).filter((n) => n.includes('user.broken-regex') || n.includes('agentGuard.rules[1]'));
    assert.equal(again.length, 1, 'still one error, not one per evaluation');

    t.step('the built-in rules still apply: the seed DROP still asks');
    pg.seedCustomers();
    await clearTerminal(page);
    await typeInTerminal(page, DROP);
    dialog = await waitForDialog(page);
    assertSeedModal(dialog);
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.ok(pg.tableExists('customers'), 'the table still exists');
  },
  async cleanup(t) {
    writeSettings(t.workspace, []);
    await killAllTerminals(t.page);
  },
};
