// Scenario 1: installed from the VSIX into a fresh profile, Agent Guard activates; its view container
// (activity bar), its log view and its status bar item are there; its palette commands are offered;
// benign commands typed into a terminal run with no dialog.
import assert from 'node:assert/strict';
import {
  expectNoDialog, killAllTerminals, openGuardContainer, openTerminal, paletteTitles, typeInTerminal,
  waitForGuardStatus, waitForTerminalText,
} from '../lib/workbench.mjs';

export const scenario = {
  id: 'install-activate',
  title: 'install from VSIX, activation, view container, log view, status bar; benign commands run with no dialog',
  timeoutMs: 240_000,
  async run(t) {
    const { page } = t;
    t.step('waiting for the Agent Guard status bar item (created by activate())');
    let status;
    try {
      status = await waitForGuardStatus(page, 120_000);
    } catch (e) {
      const failed = /Activating extension agent-guard\.agent-guard failed[^\n]*\n[^\n]*/.exec(t.extHostLog());
      throw new Error(failed ? `the extension did not activate: ${failed[0]}` : `no Agent Guard status bar item: ${e.message}`);
    }
    t.step(`status bar: "${status}"`);
    assert.match(status, /Guard on/, 'the status bar says the guard is on');

    t.step('activity bar: the Agent Guard container and its log view');
    const { title, headers } = await openGuardContainer(page);
    t.step(`side bar title "${title}", views [${headers.join(', ')}]`);
    assert.match(title, /AGENT GUARD/i, 'the side bar shows the Agent Guard container');
    // One view in the container: VS Code merges its name into the title; several: one header each.
    assert.ok(/DECISIONS/i.test(title) || headers.some((h) => /Decisions/i.test(h)), 'the log view (agentGuard.log, "Decisions") is shown');

    t.step('palette: the "Agent Guard:" commands');
    const titles = await paletteTitles(page, 'Agent Guard:');
    for (const expected of ['Agent Guard: Show Log', 'Agent Guard: Check a Command…', 'Agent Guard: Enable', 'Agent Guard: Disable…']) {
      assert.ok(titles.includes(expected), `palette offers "${expected}" (it offers: ${titles.join(' | ')})`);
    }

    t.step('terminal: benign commands run with no dialog');
    await openTerminal(page, 'bash');
    const benign = [
      ['ls', (s) => /package\.json/.test(s) && /README\.md/.test(s), 'the listing (package.json, README.md)'],
      ['git status', (s) => /On branch main/.test(s), '"On branch main"'],
      ['npm test', (s) => /acme-shop tests: 2 passed/.test(s), 'the demo tests passing'],
    ];
    for (const [line, seen, what] of benign) {
      await typeInTerminal(page, line);
      await waitForTerminalText(page, seen, { timeout: 60_000, what: `${what} after \`${line}\`` });
      await expectNoDialog(page, 1500, `\`${line}\``);
      t.step(`\`${line}\` ran, no dialog`);
    }
  },
  async cleanup(t) {
    await killAllTerminals(t.page);
  },
};
