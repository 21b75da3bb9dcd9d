// Scenario 4: "Agent Guard: Set Up Agent Hooks…" with the recommended choice writes the Claude Code hook
// into the personal `.claude/settings.local.json` and Cursor's into `.cursor/hooks.json`; both entries run
// the stable launcher `~/.agent-guard/bin/agent-guard-hook`, never the extension's folder. The command it
// wrote is executed exactly as the host does (`sh -c`, the host's JSON on stdin). A Claude Code `Bash` call
// for `railway volume delete …` and a Cursor `beforeShellExecution` call for Railway's GraphQL
// `volumeDelete` with a bearer token raise the modal in the page, naming the environment and the masked
// token (and the workspace file holding it); Block → the host's own deny format. A benign call answers at
// once, without a dialog; a Claude `Write` that loosens `.vscode/settings.json` is denied without a dialog.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clickDialogButton, dialogVisible, pickManyQuickItems, pickQuickItem, runCommand, waitForDialog, waitForGuardStatus,
} from '../lib/workbench.mjs';

const TOKEN = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b'; // the fake token in demo/.env
export const RAILWAY = 'railway volume delete --volume pg-data --environment production';
export const CURL =
  `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer ${TOKEN}" ` +
  `-H "Content-Type: application/json" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'`;

/** Runs a hook command line the way its host does: through sh, the payload on stdin, in the project. */
export function runHook(command, payload, { cwd, env, timeoutMs = 120_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hook did not answer in ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

/** The environment a host gives its hooks: the person's environment, not the test runner's npm variables. */
export function hostEnv(t) {
  return { ...t.profile.env };
}

export function claudePayload(cwd, command) {
  return {
    session_id: 'e2e-session', transcript_path: path.join(cwd, '.e2e-transcript.jsonl'), cwd,
    permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash',
    tool_input: { command, description: 'e2e' }, tool_use_id: 'toolu_e2e_1',
  };
}

export function cursorPayload(cwd, command) {
  return {
    conversation_id: 'e2e-conv', generation_id: 'e2e-gen', hook_event_name: 'beforeShellExecution',
    command, cwd, workspace_roots: [cwd],
  };
}

/** Reads the hook command Set Up wrote for a host (the first entry that runs the launcher, or an older `hook <host>`). */
export function writtenCommand(file, host) {
  const text = fs.readFileSync(file, 'utf8');
  const found = [];
  const walk = (v) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'command' && typeof x === 'string' ? found.push(x) : walk(x));
  };
  walk(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')));
  const cmd = found.find((c) => new RegExp(`(agent-guard-hook"? |\\bhook )${host}\\b`).test(c));
  assert.ok(cmd, `${file} holds an Agent Guard hook command for ${host} (commands found: ${found.join(' | ') || 'none'})`);
  return cmd;
}

export async function setUpWorkspaceHooks(t, hosts, scope = 'Recommended (just for you)') {
  await runCommand(t.page, 'Agent Guard: Set Up Agent Hooks…');
  await pickManyQuickItems(t.page, hosts);
  await pickQuickItem(t.page, scope);
  // The person is told what was written.
  await t.page.locator('.notifications-toasts .notification-toast', { hasText: /Agent Guard hooks/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

export const scenario = {
  id: 'agent-hooks',
  title: 'Set Up Agent Hooks for the workspace; the written Claude Code and Cursor commands raise the modal; Block → each host\'s deny',
  timeoutMs: 300_000,
  screenshots: ['hook-status.png'],
  async run(t) {
    const { page, workspace: ws } = t;
    await waitForGuardStatus(page);
    const claudeFile = path.join(ws, '.claude/settings.local.json');
    const cursorFile = path.join(ws, '.cursor/hooks.json');

    t.step('palette: Set Up Agent Hooks… → Claude Code + Cursor → Recommended (just for you)');
    await setUpWorkspaceHooks(t, ['Claude Code', 'Cursor']);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(fs.existsSync(claudeFile) && fs.existsSync(cursorFile))) await page.waitForTimeout(250);
    assert.ok(fs.existsSync(claudeFile), '.claude/settings.local.json (personal) was written');
    assert.ok(!fs.existsSync(path.join(ws, '.claude/settings.json')), 'the shared .claude/settings.json was not touched');
    assert.ok(fs.existsSync(cursorFile), '.cursor/hooks.json was written');
    const claudeCmd = writtenCommand(claudeFile, 'claude');
    const cursorCmd = writtenCommand(cursorFile, 'cursor');
    t.step(`written: ${claudeCmd}`);
    for (const cmd of [claudeCmd, cursorCmd]) {
      assert.match(cmd, /\.agent-guard\/bin\/agent-guard-hook" (claude|cursor)$/, `the entry runs the launcher (${cmd})`);
      assert.ok(!cmd.includes('extensions'), 'the entry does not name the extension folder (updates change nothing here)');
    }
    const launcher = /^"([^"]+)"/.exec(claudeCmd)[1];
    assert.ok(fs.statSync(launcher).mode & 0o100, 'the launcher exists and is executable');

    t.step('Claude Code: a benign Bash call answers at once with no dialog');
    const benign = await runHook(claudeCmd, claudePayload(ws, 'git status'), { cwd: ws, env: hostEnv(t), timeoutMs: 30_000 });
    assert.equal(benign.code, 0, `benign call: exit 0 (stderr: ${benign.stderr})`);
    assert.ok(!/"deny"/.test(benign.stdout), `benign call is not denied (stdout: ${benign.stdout})`);
    assert.ok(!(await dialogVisible(page)), 'no dialog for a benign call');

    t.step('Claude Code: a Write that loosens .vscode/settings.json is denied, with no dialog');
    const loosen = {
      ...claudePayload(ws, 'unused'), tool_name: 'Write',
      tool_input: { file_path: path.join(ws, '.vscode', 'settings.json'), content: '{\n  "agentGuard.enabled": false\n}\n' },
    };
    const edit = await runHook(claudeCmd, loosen, { cwd: ws, env: hostEnv(t), timeoutMs: 30_000 });
    assert.equal(edit.code, 2, `guard-file edit denied with exit 2 (stderr: ${edit.stderr})`);
    assert.match(JSON.parse(edit.stdout).hookSpecificOutput?.permissionDecisionReason ?? '', /Only the person|only the person/);
    assert.ok(!(await dialogVisible(page)), 'no dialog for a guard-file edit: it is refused outright');

    t.step('Claude Code: railway volume delete → modal → Block');
    const claudeRun = runHook(claudeCmd, claudePayload(ws, RAILWAY), { cwd: ws, env: hostEnv(t) });
    let dialog = await waitForDialog(page);
    t.step(`modal: ${dialog.text.split('\n').slice(0, 2).join(' / ')}`);
    assert.match(dialog.text, /railway volume delete/, 'the modal shows the command');
    assert.match(dialog.text, /PRODUCTION/, 'the modal names PRODUCTION (from --environment production)');
    assert.match(dialog.text, /Claude Code/, 'the modal says Claude Code asked');
    await clickDialogButton(page, 'Block');
    const claude = await claudeRun;
    assert.equal(claude.code, 2, `Claude Code deny: exit 2 (got ${claude.code}; stderr: ${claude.stderr})`);
    const claudeOut = JSON.parse(claude.stdout);
    assert.equal(claudeOut.hookSpecificOutput?.hookEventName, 'PreToolUse');
    assert.equal(claudeOut.hookSpecificOutput?.permissionDecision, 'deny', `Claude Code deny JSON (got ${claude.stdout})`);
    assert.match(claudeOut.hookSpecificOutput?.permissionDecisionReason ?? '', /ask/i, 'the reason tells the agent to ask the person');
    t.shared.decisions.push({ command: 'railway volume delete', outcome: /block/i, door: 'hook' });

    t.step('Cursor: GraphQL volumeDelete with a bearer token → modal (masked token, .env) → Block');
    const cursorRun = runHook(cursorCmd, cursorPayload(ws, CURL), { cwd: ws, env: hostEnv(t) });
    dialog = await waitForDialog(page);
    t.step(`modal: ${dialog.text.split('\n').slice(0, 2).join(' / ')}`);
    assert.match(dialog.text, /volumeDelete/, 'the modal shows the mutation');
    assert.match(dialog.text, /Cursor/, 'the modal says Cursor asked');
    assert.match(dialog.text, /(Target )?environment/i, 'the modal names the environment (or says it is unknown)');
    assert.ok(!dialog.text.includes(TOKEN), 'the token is not shown in full');
    assert.match(dialog.text, /6f1e|…|\*\*\*/, 'the token is shown masked');
    assert.match(dialog.text, /\.env\b/, 'the modal names the workspace file that holds the same token (.env)');
    await clickDialogButton(page, 'Block');
    const cursor = await cursorRun;
    const cursorOut = JSON.parse(cursor.stdout);
    assert.equal(cursorOut.permission, 'deny', `Cursor deny JSON (got ${cursor.stdout})`);
    assert.ok(cursorOut.agentMessage || cursorOut.agent_message, 'Cursor deny carries a message for the agent');
    // The panel shows the first 100 characters of a command: the URL is what a person sees of this one.
    t.shared.decisions.push({ command: 'backboard.railway.app/graphql/v2', outcome: /block/i, door: 'hook' });

    t.step('Hook Status: one row per agent, with its state and row actions');
    await runCommand(page, 'Agent Guard: Hook Status');
    const rows = page.locator('.quick-input-widget .monaco-list-row').filter({ visible: true });
    await rows.filter({ hasText: 'Claude Code — hook installed' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const texts = (await rows.locator('.label-name').allInnerTexts()).map((x) => x.trim());
    t.step(`rows: ${texts.join(' | ')}`);
    assert.ok(texts.some((x) => /Cursor — hook installed/.test(x)), 'Cursor row says hook installed');
    assert.equal(texts.filter((x) => /^Claude Code — /.test(x)).length, 1, 'one row for Claude Code (not one per level)');
    assert.ok(texts.some((x) => /Gemini CLI — (agent not found|not installed)/.test(x)), 'an agent without a hook says so');
    await page.screenshot({ path: `${t.resultsDir}/hook-status.png` });

    t.step('Hook Status: the Claude Code row → Open file opens the hook file it wrote');
    await rows.filter({ hasText: 'Claude Code — hook installed' }).first().click();
    await pickQuickItem(page, 'Open file');
    await page.locator('.tabs-container .tab', { hasText: 'settings.local.json' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  },
};
