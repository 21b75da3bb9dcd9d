// Scenario 8, the seed's own API call, written for a person: a GraphQL `volumeDelete` to Railway with the
// bearer token the demo's .env holds, typed into a bash terminal. The modal names the "Railway API" and
// "UNKNOWN — may be production", shows the token masked and once (with .env, the file that holds it),
// plain text with rule ids only under Details. Allowing needs the provider's name typed: the typed step
// shows the command, a typo is said and may be retried, Escape blocks; the terminal says so in one line.
import assert from 'node:assert/strict';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openTerminal, terminalText, typeInTerminal, typeIntoInputBox,
  waitForDialog, waitForGuardStatus, waitForInputBox, waitForInputBoxText, waitForPrompts,
} from '../lib/workbench.mjs';
import { assertPlainModal } from './02-seed-bash.mjs';

const TOKEN = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b'; // the fake token in demo/.env
const CURL =
  `curl -sS -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer ${TOKEN}" ` +
  `-H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-7f3a\\") }"}'`;

export const scenario = {
  id: 'railway-modal',
  title: "the seed's Railway GraphQL call: Railway API, UNKNOWN — may be production, the token masked once with .env; typed step with retry",
  timeoutMs: 180_000,
  screenshots: ['modal-railway.png'],
  async run(t) {
    const { page } = t;
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'bash');
    await clearTerminal(page);
    await typeInTerminal(page, CURL);
    const dialog = await waitForDialog(page);
    t.step(`modal: ${dialog.text.split('\n').slice(0, 2).join(' / ')}`);
    assertPlainModal(dialog);
    assert.match(dialog.text, /bash terminal wants to [^\n]*volumeDelete[^\n]* on Railway API \(UNKNOWN — may be production\)/, 'the title names the provider and that it may be production');
    assert.match(dialog.text, /Environment: UNKNOWN — may be production \(Railway API\)/);
    assert.ok(!dialog.text.includes(TOKEN), 'the token is never shown in full');
    const credentialLines = dialog.text.split('\n').filter((l) => /Credential it carries/.test(l));
    assert.equal(credentialLines.length, 1, `the credential is said once: ${JSON.stringify(credentialLines)}`);
    assert.match(credentialLines[0], /6f1e…0b/, 'masked');
    assert.match(credentialLines[0], /\.env\b/, 'with the workspace file that holds the same secret');
    const destroys = dialog.text.slice(dialog.text.indexOf('What it destroys'), dialog.text.indexOf('Environment:'));
    assert.ok(!/bearer|token/i.test(destroys), `the credential is not listed under what it destroys:\n${destroys}`);
    assert.match(dialog.text, /type "Railway API"/, 'allowing needs the provider name typed');
    await page.screenshot({ path: `${t.resultsDir}/modal-railway.png` });

    t.step('Allow once: the typed step shows the command; a typo is said; Escape blocks');
    await clickDialogButton(page, 'Allow once');
    let ask = await waitForInputBox(page);
    assert.match(ask, /backboard\.railway\.app/, `the typed step shows the command: ${ask}`);
    assert.match(ask, /Type Railway API to allow it once/, `it says what to type: ${ask}`);
    assert.ok(!ask.includes(TOKEN), 'no full token in the typed step');
    await typeIntoInputBox(page, 'Railway');
    ask = await waitForInputBoxText(page, /"Railway" is not Railway API/);
    assert.match(ask, /2 tries left/);
    await page.keyboard.press('Escape');
    await waitForPrompts(page, prompt, 2);
    const screen = (await terminalText(page)).replace(/\n/g, '');
    assert.equal(screen.split('Agent Guard blocked').length - 1, 1, `one line in the terminal:\n${screen}`);
    // (The line the person typed is on screen, token and all; what Agent Guard printed after it is not.)
    const said = screen.slice(screen.indexOf('Agent Guard blocked'));
    assert.ok(!said.includes(TOKEN), `what Agent Guard printed never shows the token: ${said}`);
    assert.match(said, /Agent Guard blocked: run.*volumeDelete.* on Railway API/);
    t.shared.decisions.push({ command: 'backboard.railway.app', outcome: /block/i, door: 'terminal' });
  },
  async cleanup(t) {
    await killAllTerminals(t.page);
  },
};
