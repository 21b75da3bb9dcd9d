// Looks at and drives the VS Code workbench in the page the way a person does: the command palette,
// the activity bar, the status bar, terminals (their text is read from the DOM renderer), modal
// dialogs (`.monaco-dialog-box`) and input boxes. No private API of the product is used.

export const STATUS_ITEM = '[id$=".agentGuard.status"]';
export const GUARD_ACTIVITY = '.activitybar a.action-label[class*="activity-workbench-view-extension-agentGuard-"]';
const DIALOG = '.monaco-dialog-box';
const QUICK_INPUT = '.quick-input-widget';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for the workbench to be laid out (not for extensions: the host starts after the page connects). */
export async function waitForWorkbench(page, timeout = 90_000) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout });
}

/** Agent Guard has activated when its status bar item is shown (only activate() creates it). */
export async function waitForGuardStatus(page, timeout = 90_000) {
  const item = page.locator(STATUS_ITEM);
  await item.waitFor({ state: 'visible', timeout });
  return (await item.innerText()).trim();
}

export async function statusText(page) {
  return (await page.locator(STATUS_ITEM).innerText()).trim();
}

/** Closes whatever quick input is open, then runs a palette command by its exact title. */
export async function runCommand(page, title, { timeout = 20_000 } = {}) {
  await closeQuickInput(page);
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  const row = page
    .locator(`${QUICK_INPUT} .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(title)}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

/** The titles the palette offers for a query (what a person sees when typing "Agent Guard"). */
export async function paletteTitles(page, query) {
  await closeQuickInput(page);
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${query}`);
  await page.locator(`${QUICK_INPUT} .monaco-list-row`).first().waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  const titles = await page.locator(`${QUICK_INPUT} .monaco-list-row .label-name`).allInnerTexts();
  await page.keyboard.press('Escape');
  return titles.map((t) => t.trim());
}

export async function closeQuickInput(page) {
  if (await page.locator(QUICK_INPUT).isVisible().catch(() => false)) await page.keyboard.press('Escape');
}

// ------------------------------------------------------------------ terminals

function activeTerminal(page) {
  return page.locator('.terminal-wrapper.active');
}

/** Text on screen in the active terminal (the DOM renderer puts each row in the page). */
export async function terminalText(page) {
  const wrapper = activeTerminal(page);
  if (!(await wrapper.count())) return '';
  // Newer workbenches draw a second xterm inside the terminal (sticky scroll: the last command pinned on
  // top): read the main one only.
  const text = await wrapper.first().evaluate((el) => {
    const rows = [...el.querySelectorAll('.xterm-rows')].filter((r) => !r.closest('.terminal-sticky-scroll'));
    return rows.length ? rows[0].innerText : '';
  });
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Opens a new terminal (optionally with a named profile: `bash`, `zsh`) and waits for its prompt.
 * Prompts are set in the profile's rc files: `e2e-bash$ ` and `e2e-zsh% `.
 */
export async function openTerminal(page, profile = 'bash', { timeout = 60_000 } = {}) {
  const before = await page.locator('.terminal-wrapper').count();
  if (profile === 'bash') {
    await runCommand(page, 'Terminal: Create New Terminal');
  } else {
    // Its palette title lost the "Terminal:" category in some versions (1.100 shows it without).
    await runCommand(page, 'Create New Terminal (With Profile)', { timeout: 5000 }).catch(() => runCommand(page, 'Terminal: Create New Terminal (With Profile)'));
    const row = page.locator(`${QUICK_INPUT} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(profile)}\\s*$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await row.click();
  }
  await page.waitForFunction((n) => document.querySelectorAll('.terminal-wrapper').length > n, before, { timeout });
  const prompt = profile === 'zsh' ? 'e2e-zsh%' : 'e2e-bash$';
  await waitForTerminalText(page, (t) => t.includes(prompt), { timeout, what: `the ${profile} prompt "${prompt}"` });
  return prompt;
}

export async function waitForTerminalText(page, predicate, { timeout = 30_000, what = 'terminal text' } = {}) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(page);
    if (predicate(text)) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}; the terminal shows:\n${text.trimEnd().split('\n').slice(-15).join('\n')}`);
}

/** Types a command line into the active terminal like a person and presses Enter. */
export async function typeInTerminal(page, line) {
  const textarea = activeTerminal(page).locator('.xterm-helper-textarea');
  await textarea.focus();
  await page.keyboard.type(line, { delay: 2 });
  await page.keyboard.press('Enter');
}

export async function killAllTerminals(page) {
  if (await page.locator('.terminal-wrapper').count()) await runCommand(page, 'Terminal: Kill All Terminals').catch(() => {});
}

// ------------------------------------------------------------------ dialogs and input boxes

export async function dialogVisible(page) {
  return page.locator(DIALOG).isVisible().catch(() => false);
}

/** Waits for the modal and returns what a person reads in it, plus its button labels. */
export async function waitForDialog(page, { timeout = 60_000 } = {}) {
  const box = page.locator(DIALOG);
  await box.waitFor({ state: 'visible', timeout });
  await page.waitForTimeout(200);
  const text = (await box.innerText()).replace(/\u00a0/g, ' ');
  const buttons = (await box.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
  return { text, buttons };
}

export async function clickDialogButton(page, label) {
  const button = page.locator(`${DIALOG} .dialog-buttons .monaco-button`).filter({ hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }).first();
  await button.click();
  await page.locator(DIALOG).waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Asserts that no modal appears for `ms` (a benign command must run without one). */
export async function expectNoDialog(page, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await dialogVisible(page)) {
      const { text } = await waitForDialog(page, { timeout: 1000 });
      throw new Error(`a dialog appeared for ${what}:\n${text}`);
    }
    await page.waitForTimeout(150);
  }
}

/** An open input box (quick input with a text field): its title/prompt text. */
export async function waitForInputBox(page, { timeout = 20_000 } = {}) {
  const widget = page.locator(QUICK_INPUT);
  await widget.waitFor({ state: 'visible', timeout });
  await widget.locator('.quick-input-box input').waitFor({ state: 'visible', timeout });
  return (await widget.innerText()).replace(/\u00a0/g, ' ');
}

/** The text in the open input box's field. */
export async function inputValue(page) {
  return page.locator(`${QUICK_INPUT} .quick-input-box input`).inputValue();
}

/** Types into the open input box and presses Enter, leaving the box open if the product keeps it open. */
export async function typeIntoInputBox(page, text) {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
}

/** Waits until the open input box says something matching `re` (a retry prompt); returns its text. */
export async function waitForInputBoxText(page, re, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    if (await page.locator(QUICK_INPUT).isVisible().catch(() => false)) {
      text = (await page.locator(QUICK_INPUT).innerText()).replace(/\u00a0/g, ' ');
      if (re.test(text)) return text;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for the input box to say ${re}; it says: ${text}`);
}

export async function answerInputBox(page, text) {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
}

// ------------------------------------------------------------------ views

/** Opens the Agent Guard container from the activity bar; returns the side bar's title and view headers. */
export async function openGuardContainer(page) {
  const icon = page.locator(GUARD_ACTIVITY);
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  const checked = await icon.locator('xpath=..').getAttribute('class');
  if (!/\bchecked\b/.test(checked ?? '')) await icon.click();
  const sidebar = page.locator('.part.sidebar');
  await sidebar.waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  const title = (await sidebar.locator('.composite.title').innerText()).trim();
  const headers = (await sidebar.locator('.pane-header .title').allInnerTexts()).map((h) => h.trim());
  return { title, headers };
}

/** Rows of the log tree in the side bar (each row's text as a person reads it). */
export async function guardLogRows(page) {
  const rows = page.locator('.part.sidebar .monaco-list-row');
  return (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Notifications toasts currently shown (errors from settings validation and the like). */
export async function notifications(page) {
  return (await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

// ------------------------------------------------------------------ command-line helpers

/** Clears the active terminal's screen (the workbench command, not a shell command) so prompts can be counted. */
export async function clearTerminal(page) {
  await runCommand(page, 'Terminal: Clear');
  await page.waitForTimeout(300);
}

export function countOf(text, needle) {
  return text.split(needle).length - 1;
}

/** Waits until the prompt has been drawn `n` times on the (cleared) screen: the last command has ended. */
export async function waitForPrompts(page, prompt, n, opts = {}) {
  return waitForTerminalText(page, (t) => countOf(t, prompt) >= n, { what: `${n} prompts "${prompt}" (the command to end)`, ...opts });
}

/** Picks a row of the open quick pick by its exact label. */
export async function pickQuickItem(page, label, { timeout = 20_000 } = {}) {
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

/** In a multi-select quick pick: ticks exactly the given labels, then OK. */
export async function pickManyQuickItems(page, labels, { timeout = 20_000 } = {}) {
  const widget = page.locator('.quick-input-widget');
  // Only the rows on screen: an earlier quick pick can leave hidden rows in the DOM.
  const rows = widget.locator('.monaco-list-row').filter({ visible: true });
  // The palette's own list stays on screen for a moment after a command is picked: wait for check boxes.
  await rows.first().getByRole('checkbox').first().waitFor({ state: 'visible', timeout });
  const rowOf = (label) => rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) }).first();
  // Newer workbenches put aria-checked on the row; older ones only on the <input type=checkbox> inside.
  const isTicked = async (row) => {
    const aria = await row.getAttribute('aria-checked');
    return aria !== null ? aria === 'true' : row.getByRole('checkbox').first().isChecked();
  };
  const all = (await rows.locator('.label-name').allInnerTexts()).map((l) => l.trim());
  for (const label of all) {
    const row = rowOf(label);
    const want = labels.includes(label);
    // Clicking a row's label toggles its box; a hover tooltip can swallow a click, so check and retry.
    for (let tries = 0; (await isTicked(row)) !== want; tries++) {
      if (tries === 3) throw new Error(`could not ${want ? 'tick' : 'untick'} "${label}" in the quick pick`);
      await row.locator('.label-name').click();
      await page.waitForTimeout(250);
    }
  }
  // The OK button, as a person would (Enter with the focus in the list toggles a row in newer versions).
  const ok = widget.locator('.quick-input-action .monaco-button', { hasText: /^\s*OK\s*$/ }).first();
  if (await ok.isVisible().catch(() => false)) await ok.click();
  else await page.keyboard.press('Enter');
}

/**
 * The log view as a person reads it: groups ("Blocked (3)") expanded, and each entry row with the group
 * it sits in. Returns [{ group, text }].
 */
export async function readGuardLog(page) {
  const list = page.locator('.part.sidebar .monaco-list');
  await list.first().waitFor({ state: 'visible', timeout: 20_000 });
  // Expand every collapsed group (one at a time: rows move when a group opens).
  for (let i = 0; i < 10; i++) {
    const collapsed = page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-expanded="false"]');
    if (!(await collapsed.count())) break;
    await collapsed.first().click();
    await page.waitForTimeout(300);
  }
  const rows = page.locator('.part.sidebar .monaco-list-row');
  const out = [];
  let group = '';
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const level = await row.getAttribute('aria-level');
    const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
    if (level === '1') group = text;
    else out.push({ group, text });
  }
  return out;
}

/**
 * Puts the workbench back as a person would leave it between scenarios: answers any open modal with
 * Block (Escape), closes input boxes, kills the terminals. Bounded, so a dialog that keeps coming back
 * cannot hang the suite.
 */
export async function resetWorkbench(page) {
  for (let i = 0; i < 12; i++) {
    if (await dialogVisible(page)) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
      continue;
    }
    await closeQuickInput(page);
    if (await page.locator('.terminal-wrapper').count()) {
      await runCommand(page, 'Terminal: Kill All Terminals', { timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(800);
      continue;
    }
    if (!(await dialogVisible(page))) return;
  }
}

/** Drags the side bar's edge (its sash) to make it `by` pixels wider, as a person does. */
export async function widenSideBar(page, by) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  const edge = bar.x + bar.width;
  // The sash nearest the side bar's right edge (newer layouts leave a gap between side bar and editor).
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.height > 200).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
  );
  const sash = sashes.sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
  if (!sash || Math.abs(sash.x - edge) > 20) return;
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + by / 2, sash.y, { steps: 5 });
  await page.mouse.move(sash.x + by, sash.y, { steps: 5 });
  await page.mouse.up();
  // Move off the sash so it is not drawn highlighted.
  await page.mouse.move(sash.x + by + 300, sash.y);
  await page.waitForTimeout(400);
}
