// Scenario 7: fail closed. With the extension disabled (palette: Disable All Installed Extensions, reload),
// the installed Claude Code hook denies a destructive command, with a message telling the agent to ask
// the person; it answers promptly instead of hanging. Runs last: it leaves the extension disabled.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATUS_ITEM, runCommand, waitForWorkbench } from '../lib/workbench.mjs';
import { RAILWAY, claudePayload, hostEnv, runHook, writtenCommand } from './04-agent-hooks.mjs';

export const scenario = {
  id: 'fail-closed',
  title: 'with the extension disabled, the installed hook denies a destructive command and tells the agent to ask the person',
  timeoutMs: 240_000,
  async run(t) {
    const { page, workspace: ws } = t;
    // Set Up writes the personal file first where the host has one (.claude/settings.local.json).
    const claudeFile = ['.claude/settings.local.json', '.claude/settings.json'].map((f) => path.join(ws, f)).find((f) => fs.existsSync(f));
    // The command Set Up wrote (scenario agent-hooks); on its own, the same line the installer writes.
    const hook = claudeFile ? writtenCommand(claudeFile, 'claude') : `"${process.execPath}" "${t.cliPath}" hook claude`;

    // The profile holds only Agent Guard: the palette's "Disable All Installed Extensions" disables exactly
    // it (built-in extensions are not affected), and works the same on every workbench version.
    t.step('palette: Extensions: Disable All Installed Extensions');
    await runCommand(page, 'Extensions: Disable All Installed Extensions');
    await page.waitForTimeout(1500);
    // Some versions confirm in a modal first.
    if (await page.locator('.monaco-dialog-box').isVisible().catch(() => false)) {
      const text = await page.locator('.monaco-dialog-box').innerText();
      assert.doesNotMatch(text, /^Details: /m, 'no Agent Guard modal is open here');
      await page.locator('.monaco-dialog-box .dialog-buttons .monaco-button').first().click();
    }
    t.step('reload the window so the extension host runs without Agent Guard');
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(2000);
    await waitForWorkbench(page);
    // The extension host is up once the git extension shows the branch ("main") in the status bar;
    // Agent Guard (onStartupFinished) would have shown its item by a few seconds later.
    await page.locator('.statusbar-item', { hasText: /\bmain\b/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
    await page.waitForTimeout(5000);
    assert.equal(await page.locator(STATUS_ITEM).count(), 0, 'after disabling, the Agent Guard status item is gone');

    t.step('run the installed hook for railway volume delete');
    const t0 = Date.now();
    const r = await runHook(hook, claudePayload(ws, RAILWAY), { cwd: ws, env: hostEnv(t), timeoutMs: 60_000 });
    const secs = (Date.now() - t0) / 1000;
    t.step(`hook answered in ${secs.toFixed(1)} s, exit ${r.code}`);
    assert.equal(r.code, 2, `denied with exit 2 (got ${r.code}; stdout ${r.stdout}; stderr ${r.stderr})`);
    const out = JSON.parse(r.stdout);
    assert.equal(out.hookSpecificOutput?.permissionDecision, 'deny', `deny JSON (got ${r.stdout})`);
    assert.match(out.hookSpecificOutput.permissionDecisionReason, /ask/i, 'the message tells the agent to ask the person');
    assert.ok(secs < 30, `the hook answers promptly when no VS Code answers (${secs.toFixed(1)} s)`);
  },
};
