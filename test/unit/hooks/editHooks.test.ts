// Each host's file-edit tool through the hook, in process with the real engine and a real workspace on
// disk: an edit of a guard file (hook files by path; settings files when an `agentGuard.*` key changes)
// is denied in the host's format; an edit of `src/app.ts` or a formatter setting passes on the allow path,
// without loading a policy or asking anyone.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { answerHook } from '../../../src/cli/hooks/answerHook';
import type { HookDeps } from '../../../src/cli/hooks/answerHook';
import type { HookAnswer, HostId } from '../../../src/hosts/hostTypes';
import type { LogEntry } from '../../../src/log/logEntry';
import { fixtureText } from './fixtures';

const SETTINGS = '{\n  "editor.tabSize": 2,\n  "agentGuard.enabled": true\n}\n';

/** Edits never reach the decision path: a call to it fails the test. */
const editOnly = (cwd: string): HookDeps => ({
  cwd,
  decide: () => Promise.reject(new Error('an edit must not reach the decision path')),
});

function denied(host: HostId, a: HookAnswer): string {
  switch (host) {
    case 'claude':
    case 'codex':
      assert.equal(a.exitCode, 2);
      return JSON.parse(a.stdout).hookSpecificOutput.permissionDecisionReason;
    case 'copilot':
      assert.equal(a.exitCode, 2);
      return JSON.parse(a.stdout).hookSpecificOutput.permissionDecisionReason;
    case 'cursor':
      assert.equal(a.exitCode, 2);
      assert.equal(JSON.parse(a.stdout).permission, 'deny');
      return JSON.parse(a.stdout).agent_message;
    case 'gemini':
      assert.equal(JSON.parse(a.stdout).decision, 'deny');
      return JSON.parse(a.stdout).reason;
    case 'windsurf':
      assert.equal(a.exitCode, 2);
      return a.stderr;
    case 'cline':
      assert.equal(JSON.parse(a.stdout).cancel, true);
      return JSON.parse(a.stdout).errorMessage;
  }
}

function allowed(host: HostId, a: HookAnswer): void {
  const quiet: Partial<Record<HostId, string>> = { cursor: '{"permission":"allow"}\n', cline: '{"cancel":false}\n' };
  assert.deepEqual(a, { stdout: quiet[host] ?? '', stderr: '', exitCode: 0 });
}

describe('file-edit tools through the hooks (guard files denied, ordinary edits allowed)', () => {
  let ws: string;
  beforeEach(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-edit-'));
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), SETTINGS);
    fs.mkdirSync(path.join(ws, 'src'));
    fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'const port = 3000;\n');
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  const payload = (name: string): string => fixtureText(name).split('/home/dev/shop').join(ws);
  const answer = (host: HostId, name: string): Promise<HookAnswer> => answerHook(host, payload(name), editOnly(ws));

  const guardEdits: Array<[HostId, string, string]> = [
    ['claude', 'claude-write-vscode-settings-loosen.json', 'Write adding agentGuard.decisions to .vscode/settings.json'],
    ['claude', 'claude-multiedit-claude-settings.json', 'MultiEdit of .claude/settings.json (a hook file)'],
    ['copilot', 'copilot-replace-string-settings-guard.json', 'replace_string_in_file turning agentGuard.enabled off'],
    ['claude', 'copilot-replace-string-settings-guard.json', 'the same Copilot payload through the shared Claude file'],
    ['cursor', 'cursor-pretooluse-write-hooks.json', 'preToolUse Write of .cursor/hooks.json'],
    ['gemini', 'gemini-write-file-settings.json', 'write_file of .gemini/settings.json'],
    ['windsurf', 'windsurf-pre-write-code-guard.json', 'pre_write_code of .windsurf/hooks.json'],
    ['cline', 'cline-write-to-file-hook.json', 'write_to_file of .clinerules/hooks/PreToolUse'],
    ['cline', 'cline-replace-in-file-settings.json', 'replace_in_file SEARCH/REPLACE turning agentGuard.enabled off'],
    ['codex', 'codex-apply-patch-settings.json', 'apply_patch turning agentGuard.enabled off'],
  ];
  for (const [host, file, what] of guardEdits) {
    it(`${host}: ${what} → denied, only the person can change it`, async () => {
      const reason = denied(host, await answer(host, file));
      assert.match(reason, /only the person|Only the person/);
    });
  }

  const ordinaryEdits: Array<[HostId, string]> = [
    ['claude', 'claude-edit-app-ts.json'],
    ['claude', 'claude-edit-vscode-settings-formatter.json'],
    ['copilot', 'copilot-create-file-app.json'],
    ['cursor', 'cursor-pretooluse-strreplace-app.json'],
    ['gemini', 'gemini-replace-app.json'],
    ['windsurf', 'windsurf-pre-write-code-app.json'],
    ['cline', 'cline-replace-in-file-app.json'],
    ['codex', 'codex-apply-patch-app.json'],
  ];
  for (const [host, file] of ordinaryEdits) {
    it(`${host}: ${file} → allowed on the allow path`, async () => {
      allowed(host, await answer(host, file));
    });
  }

  it('Copilot CLI `edit` (toolArgs as JSON text) turning agentGuard.enabled off → a top-level deny with exit 0, so the model reads why', async () => {
    const args = JSON.stringify({ path: path.join(ws, '.vscode', 'settings.json'), old_str: '"agentGuard.enabled": true', new_str: '"agentGuard.enabled": false' });
    const a = await answerHook('copilot', JSON.stringify({ timestamp: 1764666000123, cwd: ws, toolName: 'edit', toolArgs: args }), editOnly(ws));
    assert.equal(a.exitCode, 0);
    const out = JSON.parse(a.stdout);
    assert.equal(out.permissionDecision, 'deny');
    assert.match(out.permissionDecisionReason, /Only the person|only the person/);
    const ok = await answerHook('copilot', JSON.stringify({ timestamp: 1764666000124, cwd: ws, toolName: 'create', toolArgs: JSON.stringify({ path: 'src/new.ts', file_text: 'x' }) }), editOnly(ws));
    assert.deepEqual(ok, { stdout: '', stderr: '', exitCode: 0 });
  });

  it('a refused guard-file edit is logged (through the spool, like every decision no window saw)', async () => {
    const logged: LogEntry[] = [];
    await answerHook('claude', payload('claude-write-vscode-settings-loosen.json'), { ...editOnly(ws), record: (e) => logged.push(e) });
    assert.equal(logged.length, 1);
    const e = logged[0] as LogEntry & { decision?: string; findings?: Array<{ rule: string }>; command?: string };
    assert.equal(e.decision, 'block');
    assert.equal(e.findings?.[0]?.rule, 'guard.edit-guard-settings');
    assert.match(JSON.stringify(e), /settings\.json/);
    const quiet: LogEntry[] = [];
    await answerHook('claude', payload('claude-edit-app-ts.json'), { ...editOnly(ws), record: (x) => quiet.push(x) });
    assert.equal(quiet.length, 0, 'an ordinary edit is not a decision worth a log line');
  });

  it('a link to a guard file is judged where it leads (Write notes.json → .vscode/settings.json; a file in a linked folder)', async () => {
    fs.symlinkSync(path.join(ws, '.vscode', 'settings.json'), path.join(ws, 'notes.json'));
    fs.symlinkSync(path.join(ws, '.vscode'), path.join(ws, 'cfg'));
    for (const file of ['notes.json', 'cfg/settings.json']) {
      const p = JSON.parse(payload('claude-write-vscode-settings-loosen.json'));
      p.tool_input.file_path = path.join(ws, file);
      assert.match(denied('claude', await answerHook('claude', JSON.stringify(p), editOnly(ws))), /Only the person|only the person/, file);
    }
    fs.symlinkSync(path.join(ws, 'src', 'app.ts'), path.join(ws, 'app-link.ts'));
    const ok = JSON.parse(payload('claude-edit-app-ts.json'));
    ok.tool_input.file_path = path.join(ws, 'app-link.ts');
    allowed('claude', await answerHook('claude', JSON.stringify(ok), editOnly(ws)));
  });

  it('a settings file that cannot be read counts as a guard file', async () => {
    const settings = path.join(ws, '.vscode', 'settings.json');
    fs.rmSync(settings);
    fs.mkdirSync(settings);
    denied('claude', await answer('claude', 'claude-edit-vscode-settings-formatter.json'));
  });

  it('an edit tool that names no file is refused', async () => {
    const p = JSON.parse(payload('claude-edit-app-ts.json'));
    delete p.tool_input.file_path;
    assert.match(denied('claude', await answerHook('claude', JSON.stringify(p), editOnly(ws))), /could not tell which file/);
  });
});
