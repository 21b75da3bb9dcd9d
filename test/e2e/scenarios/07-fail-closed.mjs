// Scenario 7: fail closed. With the extension disabled (Extensions view → Disable, window reloaded),
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
    const claudeFile = path.join(ws, '.claude/settings.json');
    // The command Set Up wrote (scenario agent-hooks); on its own, the same line the installer writes.
    const hook = fs.existsSync(claudeFile) ? writtenCommand(claudeFile, 'claude') : `"${process.execPath}" "${t.cliPath}" hook claude`;

    t.step('Extensions view: disable Agent Guard');
    await page.locator('.activitybar a.action-label[aria-label^="Extensions"]').click();
    const search = page.locator('.extensions-viewlet .suggest-input-container').first();
    await search.waitFor({ state: 'visible', timeout: 20_000 });
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('@installed Agent Guard');
    const item = page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: 'Agent Guard' }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    // Newer layouts show Disable on the row; older ones put it behind the gear (manage) menu.
    const direct = item.locator('.action-label', { hasText: /^Disable$/ }).first();
    if (await direct.isVisible().catch(() => false)) {
      await direct.click();
    } else {
      await item.hover();
      await item.locator('.action-label.manage, .action-label[class*="extensions-manage"]').first().click({ timeout: 10_000 });
      await page.locator('.monaco-menu .action-label', { hasText: /^Disable$/ }).first().click({ timeout: 10_000 });
    }
    await page.waitForTimeout(1000);
    t.step('reload the window so the extension host runs without Agent Guard');
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(2000);
    await waitForWorkbench(page);
    await page.waitForTimeout(8000);
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
