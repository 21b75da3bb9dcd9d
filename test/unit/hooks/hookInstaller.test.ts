import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { CLAUDE_MATCHER } from '../../../src/hosts/claude';
import { HOST_IDS } from '../../../src/hosts/hostTypes';
import type { HostId } from '../../../src/hosts/hostTypes';
import { hookCommandLine } from '../../../src/extension/hooks/hookLauncher';
import { hookTarget } from '../../../src/extension/hooks/hookTargets';
import type { HookTarget, Scope, TargetPlaces } from '../../../src/extension/hooks/hookTargets';
import { hookStatus, installHook, removeHook } from '../../../src/extension/hooks/hookInstaller';
import { HookFileError } from '../../../src/extension/hooks/jsonEdit';

const RT = { home: '/home/dev', platform: 'linux' as const };
/** What an entry looked like before the launcher: it named a versioned extension folder. */
const OLD_COMMAND = (host: HostId): string => `"/usr/bin/node" "/opt/vscode/extensions/agent-guard.agent-guard-0.1.0/dist/cli.js" hook ${host}`;

// Files that already hold other people's hooks and settings, in their own formatting.
const CLAUDE_EXISTING = `{
    "permissions": {
        "allow": ["Bash(npm test:*)"]
    },
    "hooks": {
        "PreToolUse": [
            {
                "matcher": "Write|Edit",
                "hooks": [{ "type": "command", "command": "./scripts/check-paths.sh", "timeout": 5 }]
            }
        ],
        "PostToolUse": [
            { "matcher": "Edit", "hooks": [{ "type": "command", "command": "npx prettier --write ." }] }
        ]
    }
}
`;
const GEMINI_EXISTING = `{
  // my theme, keep it
  "theme": "GitHub",
  "hooks": {
    "BeforeTool": [
      { "matcher": "write_file", "hooks": [{ "type": "command", "command": "./lint.sh", "timeout": 3000 }] }
    ]
  }
}
`;
const CURSOR_EXISTING = `{
\t"version": 1,
\t"hooks": {
\t\t"afterFileEdit": [{ "command": "./format.sh" }],
\t\t"beforeShellExecution": [{ "command": "./audit.sh" }]
\t}
}
`;
const WINDSURF_EXISTING = `{"hooks":{"pre_run_command":[{"command":"python3 /opt/log.py","show_output":false}]}}`;
const CODEX_EXISTING = `{\n  "hooks": {\n    "Stop": [{ "hooks": [{ "type": "command", "command": "notify-send done" }] }]\n  }\n}\n`;
const COPILOT_EXISTING = `{\n  "hooks": {\n    "PostToolUse": [{ "type": "command", "command": "./after.sh" }]\n  }\n}\n`;

describe('hook installers (plain node, real files)', () => {
  let dir: string;
  let places: TargetPlaces;
  let backups: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-hooks-'));
    places = { home: path.join(dir, 'home'), workspace: path.join(dir, 'ws') };
    backups = path.join(dir, 'backups');
    fs.mkdirSync(places.home);
    fs.mkdirSync(places.workspace!);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function target(host: HostId, scope: Scope, command = hookCommandLine(host, RT)): HookTarget {
    return hookTarget(host, scope, places, command);
  }
  function seed(t: HookTarget, text: string): void {
    fs.mkdirSync(path.dirname(t.file), { recursive: true });
    fs.writeFileSync(t.file, text);
  }

  const seeded: Array<[HostId, Scope, string]> = [
    ['claude', 'workspace', CLAUDE_EXISTING],
    ['claude', 'user', CLAUDE_EXISTING],
    ['gemini', 'user', GEMINI_EXISTING],
    ['cursor', 'workspace', CURSOR_EXISTING],
    ['windsurf', 'workspace', WINDSURF_EXISTING],
    ['codex', 'user', CODEX_EXISTING],
    ['copilot', 'workspace', COPILOT_EXISTING],
  ];
  for (const [host, scope, existing] of seeded) {
    it(`${host} (${scope}): installing twice on a file with other hooks changes nothing the second time and keeps them; remove restores them`, () => {
      const t = target(host, scope);
      seed(t, existing);
      const first = installHook(t, undefined, backups);
      assert.equal(first.changed, true);
      const afterFirst = fs.readFileSync(t.file, 'utf8');
      // Every other hook and setting is still there, and ours is added next to them.
      for (const needle of ['check-paths.sh', 'prettier', 'theme', 'my theme, keep it', 'lint.sh', 'format.sh', 'audit.sh', '/opt/log.py', 'notify-send', 'after.sh']) {
        if (existing.includes(needle)) assert.ok(afterFirst.includes(needle), `${needle} was kept`);
      }
      assert.ok(afterFirst.includes(`agent-guard-hook\\" ${host}`) || afterFirst.includes(`agent-guard-hook" ${host}`));
      assert.equal(hookStatus(t, first.record).state, 'protected');
      // Backup of the original.
      assert.ok(first.record.backup && fs.readFileSync(first.record.backup, 'utf8') === existing);

      const second = installHook(t, first.record, backups);
      assert.equal(second.changed, false);
      assert.equal(fs.readFileSync(t.file, 'utf8'), afterFirst, 'second install leaves the file byte-identical');
      assert.equal(fs.readdirSync(backups).length, 1, 'no second backup when nothing changed');

      const removed = removeHook(second.record, backups);
      assert.equal(removed.changed, true);
      const afterRemove = fs.readFileSync(t.file, 'utf8');
      assert.ok(!afterRemove.includes('agent-guard-hook'));
      assert.deepEqual(parse(afterRemove), parse(existing), 'only what Agent Guard wrote was removed');
      assert.equal(hookStatus(t, undefined).state, 'not-installed');
    });
  }

  it('the Claude entry has a generous timeout and fails closed', () => {
    const t = target('claude', 'workspace');
    installHook(t, undefined, backups);
    const v = JSON.parse(fs.readFileSync(t.file, 'utf8'));
    assert.deepEqual(v.hooks.PreToolUse[0], {
      matcher: CLAUDE_MATCHER,
      hooks: [{ type: 'command', command: '"/home/dev/.agent-guard/bin/agent-guard-hook" claude', timeout: 600, onFailure: 'block' }],
    });
    assert.equal(CLAUDE_MATCHER, 'Bash|mcp__.*|Write|Edit|MultiEdit|NotebookEdit');
  });

  it('a Cursor file created by Agent Guard gets version 1 and failClosed, and removal deletes the file', () => {
    const t = target('cursor', 'user');
    const r = installHook(t, undefined, backups);
    const v = JSON.parse(fs.readFileSync(t.file, 'utf8'));
    assert.equal(v.version, 1);
    assert.equal(v.hooks.beforeShellExecution[0].failClosed, true);
    assert.equal(v.hooks.preToolUse[0].matcher, 'Write|StrReplace|Edit|MultiEdit|Delete', 'the edit tools go through preToolUse');
    assert.equal(v.hooks.beforeMCPExecution[0].timeout, 600);
    assert.equal(installHook(t, r.record, backups).changed, false);
    removeHook(r.record, backups);
    assert.equal(fs.existsSync(t.file), false);
  });

  it('Copilot: VS Code reads `timeout`, the Copilot CLI `timeoutSec` (default 30 s): both are 600', () => {
    const t = target('copilot', 'user');
    installHook(t, undefined, backups);
    const e = JSON.parse(fs.readFileSync(t.file, 'utf8')).hooks.PreToolUse[0];
    assert.deepEqual([e.timeout, e.timeoutSec], [600, 600]);
    assert.equal(t.file, path.join(places.home, '.copilot', 'hooks', 'agent-guard.json'));
  });

  it('Gemini timeout is in milliseconds', () => {
    const t = target('gemini', 'workspace');
    installHook(t, undefined, backups);
    assert.equal(JSON.parse(fs.readFileSync(t.file, 'utf8')).hooks.BeforeTool[0].hooks[0].timeout, 600_000);
  });

  it('status: an edited entry and a removed entry are reported as tampered', () => {
    const t = target('claude', 'workspace');
    seed(t, CLAUDE_EXISTING);
    const r = installHook(t, undefined, backups).record;
    const v = JSON.parse(fs.readFileSync(t.file, 'utf8'));
    v.hooks.PreToolUse[1].hooks[0].timeout = 1;
    fs.writeFileSync(t.file, JSON.stringify(v));
    const edited = hookStatus(t, r);
    assert.deepEqual([edited.state, edited.tampered], ['out-of-date', true]);
    assert.match(edited.detail, /edited/);
    v.hooks.PreToolUse.pop();
    fs.writeFileSync(t.file, JSON.stringify(v));
    const removed = hookStatus(t, r);
    assert.deepEqual([removed.state, removed.tampered], ['out-of-date', true]);
    assert.match(removed.detail, /removed/);
    fs.unlinkSync(t.file);
    assert.deepEqual([hookStatus(t, r).state, hookStatus(t, r).tampered], ['out-of-date', true]);
  });

  it('status: an entry written before the launcher (it names an extension folder) is out of date, not tampering, and is replaced in place', () => {
    const old = target('claude', 'workspace', OLD_COMMAND('claude'));
    seed(old, CLAUDE_EXISTING);
    const r = installHook(old, undefined, backups).record;
    const now = target('claude', 'workspace');
    const s = hookStatus(now, r);
    assert.deepEqual([s.state, s.tampered], ['out-of-date', false]);
    const again = installHook(now, r, backups);
    assert.equal(again.changed, true);
    const v = JSON.parse(fs.readFileSync(now.file, 'utf8'));
    assert.equal(v.hooks.PreToolUse.length, 2, 'one entry of ours, one of theirs');
    assert.ok(!JSON.stringify(v).includes('cli.js'));
    assert.equal(hookStatus(now, again.record).state, 'protected');
  });

  it('the entries never name the extension\'s folder: an update changes nothing in the agents\' files', () => {
    for (const host of HOST_IDS) {
      const t = target(host, 'user');
      assert.ok(!t.command.includes('extensions'), t.command);
      assert.equal(t.command, `"/home/dev/.agent-guard/bin/agent-guard-hook" ${host}`);
    }
  });

  it('a file that is not valid JSON is refused and left unchanged', () => {
    const t = target('codex', 'workspace');
    seed(t, '{ "hooks": [ oops');
    assert.throws(() => installHook(t, undefined, backups), HookFileError);
    assert.equal(fs.readFileSync(t.file, 'utf8'), '{ "hooks": [ oops');
  });

  it('a list that is not a list is refused', () => {
    const t = target('claude', 'workspace');
    seed(t, '{"hooks":{"PreToolUse":{"matcher":"x"}}}');
    assert.throws(() => installHook(t, undefined, backups), /not a list/);
  });

  it('Cline: writes an executable PreToolUse script, idempotently, and never replaces someone else\'s', () => {
    const t = target('cline', 'workspace');
    const r = installHook(t, undefined, backups);
    assert.equal(r.changed, true);
    assert.equal(fs.statSync(t.file).mode & 0o111, 0o111);
    assert.ok(fs.readFileSync(t.file, 'utf8').includes('exec "/home/dev/.agent-guard/bin/agent-guard-hook" cline'));
    assert.equal(installHook(t, r.record, backups).changed, false);
    assert.equal(hookStatus(t, r.record).state, 'protected');
    removeHook(r.record, backups);
    assert.equal(fs.existsSync(t.file), false);
    seed(t, '#!/bin/sh\necho \'{"cancel":false}\'\n');
    assert.throws(() => installHook(t, undefined, backups), /another PreToolUse hook/);
    assert.equal(hookStatus(t, undefined).state, 'not-installed');
  });

  it('every host has a target at every scope; personal is Claude\'s settings.local.json and the workspace file elsewhere', () => {
    for (const host of HOST_IDS) for (const scope of ['user', 'workspace', 'personal'] as const) assert.ok(target(host, scope).file.length > 0);
    assert.equal(target('claude', 'personal').file, path.join(places.workspace!, '.claude', 'settings.local.json'));
    assert.equal(target('cursor', 'personal').file, path.join(places.workspace!, '.cursor', 'hooks.json'));
    assert.equal(target('cursor', 'personal').scope, 'workspace');
  });
});
