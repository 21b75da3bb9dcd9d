// Scenario 15, undo: a git repository in the workspace holds an afternoon of uncommitted work. Typing
// `git reset --hard` in a bash terminal raises the modal, which says what the restore point will keep;
// Allow once runs it and the work is gone; the Restore action on its record in the log panel shows what
// comes back, and after Restore the work is back on disk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clearTerminal, clickDialogButton, killAllTerminals, openGuardContainer, openTerminal, readGuardLog, runCommand,
  typeInTerminal, waitForDialog, waitForGuardStatus, waitForPrompts, waitForTerminalText, widenSideBar,
} from '../lib/workbench.mjs';

const WORK = 'committed line\nan afternoon of uncommitted work\n';

function makeRepo(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'e2e@example.com');
  git('config', 'user.name', 'E2E');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'committed line\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  fs.writeFileSync(path.join(dir, 'notes.txt'), WORK);
}

async function waitForFile(file, want, ms = 20_000) {
  const until = Date.now() + ms;
  let got = '';
  while (Date.now() < until) {
    got = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (got === want) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
  return got;
}

export const scenario = {
  id: 'restore',
  title: 'git reset --hard typed in a terminal, Allow once: the work is gone; Restore in the log panel brings it back',
  timeoutMs: 240_000,
  screenshots: ['restore-modal.png', 'restore-preview.png'],
  async run(t) {
    const { page } = t;
    const repo = path.join(t.workspace, 'restore-demo');
    const notes = path.join(repo, 'notes.txt');
    makeRepo(repo);
    await waitForGuardStatus(page);
    const prompt = await openTerminal(page, 'bash');

    t.step('1: cd into the repository, type git reset --hard');
    await clearTerminal(page);
    await typeInTerminal(page, 'cd restore-demo');
    await waitForPrompts(page, prompt, 2);
    await clearTerminal(page);
    await typeInTerminal(page, 'git reset --hard');
    const dialog = await waitForDialog(page);
    t.step(`modal: ${dialog.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    assert.match(dialog.text, /git reset --hard/, 'the modal shows the command');
    assert.match(dialog.text, /Restore point: will keep 1 uncommitted file/, 'the modal says what the restore point keeps');
    await page.screenshot({ path: `${t.resultsDir}/restore-modal.png` });

    t.step('2: Allow once — the command runs and the work is gone');
    await clickDialogButton(page, 'Allow once');
    await waitForTerminalText(page, (s) => /HEAD is now at/.test(s), { what: 'git printing "HEAD is now at"' });
    assert.equal(await waitForFile(notes, 'committed line\n'), 'committed line\n', 'after the reset the uncommitted work is gone');

    t.step('3: the log panel lists the record; its Restore action shows what comes back');
    await killAllTerminals(page);
    await openGuardContainer(page);
    const rows = await readGuardLog(page);
    assert.ok(rows.some((r) => r.text.includes('git reset --hard')), `the panel lists git reset --hard (rows: ${JSON.stringify(rows)})`);
    await widenSideBar(page, 420).catch(() => {});
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: 'git reset --hard' }).first();
    // The context menu's click is sometimes lost on the older workbench when the log view refreshes under the
    // open menu (seen in full runs, where earlier scenarios' decisions are still being drained): the menu then
    // stays open and nothing runs. Try again from a closed menu, a few times; the Restore command itself is
    // what is under test, not the menu.
    let preview;
    for (let attempt = 1; !preview; attempt++) {
      await row.click({ button: 'right' });
      const item = page.locator('.context-view .action-label', { hasText: /^Restore$/ }).first();
      await item.waitFor({ state: 'visible', timeout: 10_000 });
      // A menu ignores a click that comes as it is still being laid out: let it settle first.
      await page.waitForTimeout(400);
      if (attempt === 1) await item.click();
      else {
        // Later tries use the keyboard: the opened menu's item is focused, Enter runs it.
        await item.hover();
        await page.keyboard.press('Enter');
      }
      try {
        preview = await waitForDialog(page, { timeout: attempt < 3 ? 15_000 : 60_000 });
      } catch (err) {
        if (attempt >= 3) throw err;
        t.step(`the Restore menu click was lost (attempt ${attempt}); the menu is closed and opened again`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(500);
      }
    }
    t.step(`preview: ${preview.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    assert.match(preview.text, /What comes back/, 'the preview says what comes back');
    assert.match(preview.text, /git reset --hard/, 'the preview names the command it undoes');
    assert.match(preview.text, /notes\.txt/, 'the preview names the file that comes back');
    await page.screenshot({ path: `${t.resultsDir}/restore-preview.png` });

    t.step('4: Restore — the work is back');
    await clickDialogButton(page, 'Restore');
    assert.equal(await waitForFile(notes, WORK), WORK, 'after Restore the uncommitted work is back on disk');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${t.resultsDir}/restored.png` });
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  },
  async cleanup(t) {
    await killAllTerminals(t.page);
    fs.rmSync(path.join(t.workspace, 'restore-demo'), { recursive: true, force: true });
  },
};
