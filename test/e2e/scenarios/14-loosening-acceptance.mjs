// Scenario 14 (issue 14): a loosening typed by the person into the workspace settings waits for them.
// A workspace rule (tightening) applies at once; then the person opens the workspace settings in the
// editor and lets high findings through (`"agentGuard.decisions": { "high": "allow" }`): the acceptance
// modal names exactly that item; until Accept the stricter settings stand (the CLI still asks), after
// Accept the loosening applies in the window (the marked command runs without a modal) and in the CLI.
// Along the way: the outside write of the rule shows tamper evidence, and Verify Log finds the log intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, expectNoDialog, killAllTerminals, notifications, openTerminal, runCommand, statusText,
  typeInTerminal, waitForDialog, waitForGuardStatus, waitForPrompts,
} from '../lib/workbench.mjs';

// A rule of the person's own that flags only this harmless command, so nothing but the rule and the decision for
// its severity decides the outcome.
const MARKER = '.loosened-ran';
const MARK_RULE = { id: 'user.touch-marker', command: 'touch', args: [MARKER], severity: 'high', message: 'marks the loosening scenario' };
const MARK_COMMAND = `touch ${MARKER}`;
const SETTINGS = '.vscode/settings.json';

function readSettings(ws) {
  return JSON.parse(fs.readFileSync(path.join(ws, SETTINGS), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
}

function cliCheck(t, command) {
  const r = spawnSync(process.execPath, [t.cliPath, 'check', '--', command], { cwd: t.workspace, env: t.profile.env, encoding: 'utf8' });
  t.step(`agent-guard check -- ${command} → exit ${r.status}${r.stderr ? ` (stderr: ${r.stderr.trim()})` : ''}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const scenario = {
  id: 'loosening-acceptance',
  title: 'a loosening the person types into workspace settings raises the acceptance modal; after Accept it applies (window and CLI)',
  timeoutMs: 240_000,
  screenshots: ['loosening-acceptance.png'],
  async run(t) {
    const { page, workspace: ws } = t;
    await waitForGuardStatus(page);
    // An editor left open by an earlier scenario (settings.json with a selection) must not take the typing.
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    const marker = path.join(ws, MARKER);
    fs.rmSync(marker, { force: true });
    const original = fs.readFileSync(path.join(ws, SETTINGS), 'utf8');
    t.shared.loosenOriginal = original;

    t.step('a workspace rule (only tightens) applies at once: the CLI asks for the marked command');
    const withRule = { ...readSettings(ws), 'agentGuard.rules': [MARK_RULE] };
    fs.writeFileSync(path.join(ws, SETTINGS), JSON.stringify(withRule, null, 2) + '\n');
    await page.waitForTimeout(2500);
    assert.equal(cliCheck(t, MARK_COMMAND).status, 10, 'check confirms the marked command');

    t.step('tamper evidence: that write came from outside Agent Guard, so the status bar warns and a notice names the key');
    const warned = Date.now() + 15_000;
    let toasts = [];
    while (Date.now() < warned) {
      toasts = (await notifications(page)).filter((n) => /guard file was changed outside Agent Guard/.test(n));
      if (toasts.length && /Guard files changed/.test(await statusText(page))) break;
      await page.waitForTimeout(250);
    }
    assert.match(await statusText(page), /Guard files changed/, 'the status bar warns');
    assert.ok(toasts.some((n) => n.includes('.vscode/settings.json') && /agentGuard\.rules (added|changed)/.test(n)), `the notice names file and key: ${JSON.stringify(toasts)}`);

    t.step('the person opens the workspace settings in the editor and types a loosening');
    await runCommand(page, 'Preferences: Open Workspace Settings (JSON)');
    // The JSON editor opens focused (in an editor group, or as a modal editor on newer VS Code).
    await page.locator('.monaco-editor.focused').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const loosened = { ...withRule, 'agentGuard.decisions': { high: 'allow' } };
    // Typed key by key like a person (the editor closes brackets and quotes, and types over them).
    await page.keyboard.type(JSON.stringify(loosened), { delay: 5 });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    assert.deepEqual(readSettings(ws), loosened, 'the saved file holds what the person typed');

    t.step('the acceptance modal names exactly the loosened item');
    const dialog = await waitForDialog(page, { timeout: 30_000 });
    assert.match(dialog.text, /loosening of Agent Guard/, `the modal asks about the loosening:\n${dialog.text}`);
    assert.match(dialog.text, /agentGuard\.decisions: high findings: allow \(instead of confirm\)/, 'the modal names the item');
    assert.doesNotMatch(dialog.text, /agentGuard\.rules/, 'the tightening is not put to the person');
    assert.ok(dialog.buttons.includes('Accept') && dialog.buttons.some((b) => /Ignore/.test(b)), `Accept / Ignore: ${dialog.buttons}`);
    await page.screenshot({ path: path.join(t.resultsDir, 'loosening-acceptance.png') });
    assert.equal(cliCheck(t, MARK_COMMAND).status, 10, 'before Accept the CLI still asks');

    t.step('Accept: stored outside the workspace, owner-only');
    await clickDialogButton(page, 'Accept');
    const store = path.join(t.profile.home, '.agent-guard', 'acceptances.json');
    const deadline = Date.now() + 10_000;
    while (!fs.existsSync(store) && Date.now() < deadline) await page.waitForTimeout(200);
    assert.ok(fs.existsSync(store), 'the acceptance is stored in ~/.agent-guard/acceptances.json');
    assert.equal(fs.statSync(store).mode & 0o777, 0o600);
    assert.ok(!fs.existsSync(path.join(ws, '.agent-guard')), 'nothing stored in the workspace');

    t.step('after Accept the loosening applies: the CLI allows and the marked command runs in the terminal without a modal');
    assert.equal(cliCheck(t, MARK_COMMAND).status, 0, 'check allows the marked command now');
    // Newer VS Code opens the settings JSON as a modal editor, which keeps the palette hidden: close it.
    await page.locator('.monaco-editor.focused').first().click().catch(() => {});
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const prompt = await openTerminal(page, 'bash');
    await clearTerminal(page);
    await typeInTerminal(page, MARK_COMMAND);
    await expectNoDialog(page, 3000, 'the marked command after the person accepted high: allow');
    await waitForPrompts(page, prompt, 2);
    const until = Date.now() + 10_000;
    while (!fs.existsSync(marker) && Date.now() < until) await page.waitForTimeout(200);
    assert.ok(fs.existsSync(marker), `\`${MARK_COMMAND}\` ran`);

    t.step('an agent-style shell write onto the settings file (bash -c "sed -i …") raises the modal even now; Block keeps the file');
    const before = fs.readFileSync(path.join(ws, SETTINGS), 'utf8');
    await clearTerminal(page);
    await typeInTerminal(page, `bash -c "sed -i 's/allow/confirm/' ${SETTINGS}"`);
    const sedDialog = await waitForDialog(page, { timeout: 30_000 });
    assert.match(sedDialog.text, /settings/i, `the modal is about the settings file:\n${sedDialog.text}`);
    await page.screenshot({ path: path.join(t.resultsDir, 'settings-sed-modal.png') });
    await clickDialogButton(page, 'Block');
    await waitForPrompts(page, prompt, 2);
    assert.equal(fs.readFileSync(path.join(ws, SETTINGS), 'utf8'), before, 'after Block the settings file is unchanged');

    t.step('Agent Guard: Verify Log finds the hash chain intact');
    await runCommand(page, 'Agent Guard: Verify Log');
    const verified = Date.now() + 15_000;
    let said = [];
    while (Date.now() < verified) {
      said = (await notifications(page)).filter((n) => /Agent Guard: (Log OK|The decision log is empty)/.test(n));
      if (said.length) break;
      await page.waitForTimeout(250);
    }
    assert.ok(said.length > 0, `Verify Log says the log is intact: ${JSON.stringify(await notifications(page))}`);
  },
  async cleanup(t) {
    if (t.shared.loosenOriginal) fs.writeFileSync(path.join(t.workspace, SETTINGS), t.shared.loosenOriginal);
    fs.rmSync(path.join(t.workspace, MARKER), { force: true });
    await runCommand(t.page, 'View: Close All Editors').catch(() => {});
    await killAllTerminals(t.page);
  },
};
