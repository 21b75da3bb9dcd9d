// The guard-file list and the file-edit judge: one-line table rows.
import assert from 'node:assert/strict';
import { guardFileKind, guardFolderKind, segmentMatches } from '../../../src/engine/guardFiles';
import type { GuardFileKind } from '../../../src/engine/guardFiles';
import { applyReplacements, judgeFileEdit } from '../../../src/engine/guardFileEdit';
import type { CurrentText, FileEdit } from '../../../src/engine/guardFileEdit';

/** [path, kind as a file (undefined: no guard file)] */
const FILES: [string, GuardFileKind | undefined][] = [
  ['.vscode/settings.json', 'settings'],
  ['/work/app/.vscode/settings.json', 'settings'],
  ['C:\\work\\app\\.vscode\\settings.json', 'settings'],
  ['app.code-workspace', 'settings'],
  ['~/.config/Code/User/settings.json', 'settings'],
  ['/home/u/.config/Code - Insiders/User/settings.json', 'settings'],
  ['/Users/u/Library/Application Support/Code/User/settings.json', 'settings'],
  ['C:\\Users\\u\\AppData\\Roaming\\VSCodium\\User\\settings.json', 'settings'],
  ['~/.config/Cursor/User/settings.json', 'settings'],
  ['~/.config/Windsurf/User/settings.json', 'settings'],
  ['~/.local/share/code-server/User/settings.json', 'settings'],
  ['~/.config/Code/User/profiles/5a1b/settings.json', 'settings'],
  ['~/.vscode-server/data/Machine/settings.json', 'settings'],
  ['.VSCode/Settings.json', 'settings'],
  ['.vscode/x/../settings.json', 'settings'],
  ['.claude/settings.json', 'hooks'],
  ['.claude/settings.local.json', 'hooks'],
  ['~/.claude/settings.json', 'hooks'],
  ['.cursor/hooks.json', 'hooks'],
  ['.gemini/settings.json', 'hooks'],
  ['.codex/hooks.json', 'hooks'],
  ['~/.codex/config.toml', 'hooks'],
  ['.windsurf/hooks.json', 'hooks'],
  ['~/.codeium/windsurf/hooks.json', 'hooks'],
  ['.clinerules/hooks/PreToolUse', 'hooks'],
  ['~/Documents/Cline/Hooks/PreToolUse', 'hooks'],
  ['.github/hooks/agent-guard.json', 'hooks'],
  ['~/.copilot/hooks/agent-guard.json', 'hooks'],
  ['.claude/settings*', 'hooks'],
  ['~/.agent-guard/log.jsonl', 'state'],
  ['~/.agent-guard/acceptances/3f2a.json', 'state'],
  ['/tmp/agent-guard-1000/windows/w1.json', 'state'],
  ['/run/user/1000/agent-guard-1000', 'state'],
  ['~/.config/Code/User/globalStorage/agent-guard.agent-guard/bin/agent-guard', 'state'],
  ['~/.vscode/extensions/agent-guard.agent-guard-0.1.0/dist/cli.js', 'extension'],
  ['~/.vscode-server/extensions/agent-guard.agent-guard-0.1.0', 'extension'],
  ['~/.cursor/extensions/agent-guard.agent-guard-0.1.0/package.json', 'extension'],
  // Near misses.
  ['.vscode/launch.json', undefined],
  ['.vscode/tasks.json', undefined],
  ['.vscode/extensions.json', undefined],
  ['settings.json', undefined],
  ['config/settings.json', undefined],
  ['.claude/commands/review.md', undefined],
  ['.cursor/rules/style.mdc', undefined],
  ['.github/workflows/ci.yml', undefined],
  ['src/hooks.json', undefined],
  ['src/hooks/useThing.ts', undefined],
  ['docs/agent-guard.md', undefined],
  ['/tmp/agent-guard-test.log', undefined],
  ['~/.vscode/extensions/ms-python.python-2024.1.0/package.json', undefined],
  ['package.json', undefined],
];

/** [path, kind as a folder holding guard files] */
const FOLDERS: [string, GuardFileKind | undefined][] = [
  ['.vscode', 'settings'],
  ['.claude', 'hooks'],
  ['.github', 'hooks'],
  ['.clinerules/hooks', 'hooks'],
  ['~/.agent-guard', 'state'],
  ['~/.vscode/extensions', 'extension'],
  ['~/.config/Code/User', 'settings'],
  ['~/.config/Code', 'settings'],
  ['.c*', 'hooks'],
  ['src', undefined],
  ['node_modules', undefined],
  ['.git', undefined],
];

describe('guard files', () => {
  for (const [path, kind] of FILES) it(`${path} is ${kind ?? 'no guard file'}`, () => assert.equal(guardFileKind(path), kind));
  for (const [path, kind] of FOLDERS) it(`folder ${path} holds ${kind ?? 'no guard file'}`, () => assert.equal(guardFolderKind(path), kind));
  it('reads globs in a segment', () => {
    assert.ok(segmentMatches('settings*', 'settings.json'));
    assert.ok(segmentMatches('s?ttings.[jt]son', 'settings.json'));
    assert.ok(!segmentMatches('setup*', 'settings.json'));
  });
  it('stays linear on a long glob segment', () => {
    const start = process.hrtime.bigint();
    segmentMatches(`${'*a'.repeat(5000)}b`, 'a'.repeat(5000));
    assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 5000);
  });
});

const SETTINGS = '{\n  // formatting\n  "editor.tabSize": 2,\n  "agentGuard.decisions": { "high": "confirm", "critical": "deny" },\n}\n';
const read = (text: string) => (): CurrentText => ({ state: 'read', text });
const missing = (): CurrentText => ({ state: 'missing' });
const unreadable = (): CurrentText => ({ state: 'unreadable', reason: 'EACCES' });
const never = (): CurrentText => {
  throw new Error('an ordinary edit must read nothing');
};

/** [what, edit, current text, rule expected (undefined: the edit passes)] */
const EDITS: [string, FileEdit, (path: string) => CurrentText, string | undefined][] = [
  ['an ordinary file', { path: 'src/app.ts', change: { kind: 'write', content: 'export {}' } }, never, undefined],
  ['an ordinary delete', { path: 'src/old.ts', change: { kind: 'delete' } }, never, undefined],
  ['a formatter setting', { path: '.vscode/settings.json', change: { kind: 'replace', edits: [{ oldText: '"editor.tabSize": 2', newText: '"editor.tabSize": 4' }] } }, read(SETTINGS), undefined],
  ['a rewrite keeping the guard keys (reordered)', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard.decisions": {"critical": "deny", "high": "confirm"}, "editor.formatOnSave": true}' } }, read(SETTINGS), undefined],
  ['a decision loosened', { path: '.vscode/settings.json', change: { kind: 'replace', edits: [{ oldText: '"high": "confirm"', newText: '"high": "allow"' }] } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['the guard keys removed', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"editor.tabSize": 2}' } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['the guard switched off', { path: '.vscode/settings.json', change: { kind: 'replace', edits: [{ oldText: '"editor.tabSize": 2,', newText: '"editor.tabSize": 2, "agentGuard.enabled": false,' }] } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['a tightening is a change too', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard.decisions": {"high": "deny"}}' } }, read('{}'), 'guard.edit-guard-settings'],
  ['a key spelled with an escape', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"\\u0061gentGuard.enabled": false}' } }, read('{}'), 'guard.edit-guard-settings'],
  ['a key inside a language block', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"[python]": {"agentGuard.enabled": false}}' } }, read('{}'), 'guard.edit-guard-settings'],
  ['a nested agentGuard object', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard": {"enabled": false}}' } }, read('{}'), 'guard.edit-guard-settings'],
  ['a new settings file with a formatter', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"editor.formatOnSave": true}' } }, missing, undefined],
  ['a new settings file with a loosening', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard.enabled": false}' } }, missing, 'guard.edit-guard-settings'],
  ['a workspace file loosening', { path: 'app.code-workspace', change: { kind: 'write', content: '{"folders": [], "settings": {"agentGuard.disabledRules": ["fs.rm-recursive"]}}' } }, read('{"folders": []}'), 'guard.edit-guard-settings'],
  ['a workspace file adding a folder', { path: 'app.code-workspace', change: { kind: 'replace', edits: [{ oldText: '[]', newText: '[{"path": "api"}]' }] } }, read('{"folders": [], "settings": {"agentGuard.enabled": true}}'), undefined],
  ['user settings loosened', { path: '/home/u/.config/Code/User/settings.json', change: { kind: 'write', content: '{"agentGuard.allowForSession": true}' } }, read('{}'), 'guard.edit-guard-settings'],
  ['settings that cannot be read', { path: '.vscode/settings.json', change: { kind: 'write', content: '{}' } }, unreadable, 'guard.edit-guard-settings'],
  ['an edit that does not apply', { path: '.vscode/settings.json', change: { kind: 'replace', edits: [{ oldText: 'nothing like this', newText: 'x' }] } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['a broken result mentioning the guard', { path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard.enabled": false' } }, read('{}'), 'guard.edit-guard-settings'],
  ['an edit of unknown result', { path: '.vscode/settings.json', change: { kind: 'unknown' } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['deleting settings that hold the guard', { path: '.vscode/settings.json', change: { kind: 'delete' } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['deleting settings without guard keys', { path: '.vscode/settings.json', change: { kind: 'delete' } }, read('{"editor.tabSize": 2}'), undefined],
  ['moving settings away', { path: '.vscode/settings.json', change: { kind: 'move', to: '.vscode/old.json' } }, read(SETTINGS), 'guard.edit-guard-settings'],
  ['moving a loosening into place', { path: 'tmp.json', change: { kind: 'move', to: '.vscode/settings.json' } }, (p) => read(p === 'tmp.json' ? '{"agentGuard.enabled": false}' : '{}')(), 'guard.edit-guard-settings'],
  ['a hook file, by path', { path: '.claude/settings.json', change: { kind: 'write', content: '{}' } }, never, 'guard.edit-guard-file'],
  ['a user hook file, by path', { path: '/home/u/.claude/settings.json', change: { kind: 'replace', edits: [{ oldText: 'a', newText: 'b' }] } }, never, 'guard.edit-guard-file'],
  ['Cline hook script', { path: '.clinerules/hooks/PreToolUse', change: { kind: 'delete' } }, never, 'guard.edit-guard-file'],
  ['the state folder', { path: '/home/u/.agent-guard/acceptances.json', change: { kind: 'write', content: '{}' } }, never, 'guard.edit-guard-file'],
  ['the extension', { path: '/home/u/.vscode/extensions/agent-guard.agent-guard-0.1.0/dist/cli.js', change: { kind: 'write', content: '' } }, never, 'guard.edit-guard-file'],
  ['a move onto a hook file', { path: 'x.json', change: { kind: 'move', to: '.cursor/hooks.json' } }, never, 'guard.edit-guard-file'],
  ['a relative path resolved from cwd', { path: 'settings.json', change: { kind: 'write', content: '{"agentGuard.enabled": false}' } }, read('{}'), 'guard.edit-guard-settings'],
];

describe('judgeFileEdit', () => {
  for (const [what, edit, current, rule] of EDITS) {
    it(`${rule === undefined ? 'passes' : 'denies'} ${what}`, () => {
      const cwd = what.includes('relative') ? '/work/app/.vscode' : '/work/app';
      const f = judgeFileEdit(edit, current, { cwd });
      assert.equal(f?.rule, rule, f?.summary);
      if (f) {
        assert.equal(f.category, 'guard');
        assert.ok(f.agentMessage.includes('Only the person can change'), f.agentMessage);
        assert.ok(!f.summary.includes('undefined'), f.summary);
      }
    });
  }
  it('names the changed keys for the person', () => {
    const f = judgeFileEdit({ path: '.vscode/settings.json', change: { kind: 'write', content: '{"agentGuard.enabled": false}' } }, read(SETTINGS));
    assert.match(f?.summary ?? '', /adds `agentGuard\.enabled`, removes `agentGuard\.decisions`/);
  });
  it('applies replacements in order, all occurrences when asked', () => {
    assert.equal(applyReplacements('a a', [{ oldText: 'a', newText: 'b', replaceAll: true }, { oldText: 'b b', newText: 'c' }]), 'c');
    assert.equal(applyReplacements('a', [{ oldText: 'z', newText: 'b' }]), undefined);
  });
});
