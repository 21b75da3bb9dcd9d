// What the tamper watcher reports for a guard file: agentGuard.* keys in settings, Agent Guard's own
// entries in hook files, a hook script made non-executable, state files as a whole.
import * as assert from 'assert';
import { ABSENT, describeChange, viewOf } from '../../../src/extension/tamper/guardFileView';

const CLAUDE_HOOKS = {
  hooks: {
    PreToolUse: [
      { matcher: 'Bash|mcp__.*', hooks: [{ type: 'command', command: '/home/dev/.agent-guard/bin/agent-guard hook claude', timeout: 600 }] },
      { matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --check' }] },
    ],
  },
};

describe('guard file views (tamper evidence)', () => {
  it('settings: names each agentGuard.* key added, changed or removed, and ignores other settings', () => {
    const before = viewOf('settings', '{ "editor.tabSize": 2, "agentGuard.enabled": true, "agentGuard.decisions": {"critical": "deny"} }', false);
    const after = viewOf('settings', '{ "editor.tabSize": 4, // agent\n "agentGuard.decisions": {"critical": "allow"}, "agentGuard.allowForSession": true }', false);
    assert.deepStrictEqual(describeChange('settings', before, after).sort(), [
      'agentGuard.allowForSession added',
      'agentGuard.decisions changed',
      'agentGuard.enabled removed',
    ]);
    const formatterOnly = viewOf('settings', '{ "editor.tabSize": 8, "agentGuard.enabled": true, "agentGuard.decisions": {"critical": "deny"} }', false);
    assert.deepStrictEqual(describeChange('settings', before, formatterOnly), [], 'a formatter setting is not the guard’s business');
  });

  it('settings: a .code-workspace file keeps them under "settings"', () => {
    const before = viewOf('settings', JSON.stringify({ folders: [], settings: { 'agentGuard.enabled': true } }), false);
    const after = viewOf('settings', JSON.stringify({ folders: [], settings: { 'agentGuard.enabled': false } }), false);
    assert.deepStrictEqual(describeChange('settings', before, after), ['agentGuard.enabled changed']);
  });

  it('settings: a file broken into non-JSON is a change; a settings file without agentGuard keys deleted is not', () => {
    const before = viewOf('settings', '{ "agentGuard.enabled": true }', false);
    assert.deepStrictEqual(describeChange('settings', before, viewOf('settings', '{ "agentGuard.enabled": ', false))[0], 'can no longer be read as JSON');
    assert.deepStrictEqual(describeChange('settings', viewOf('settings', '{ "a": 1 }', false), ABSENT), []);
    assert.deepStrictEqual(describeChange('settings', before, ABSENT), ['file deleted']);
  });

  it('hooks: Agent Guard’s entry gone is named; another hook changing is not', () => {
    const before = viewOf('hooks', JSON.stringify(CLAUDE_HOOKS), false);
    const gone = { hooks: { PreToolUse: [CLAUDE_HOOKS.hooks.PreToolUse[1]] } };
    assert.deepStrictEqual(describeChange('hooks', before, viewOf('hooks', JSON.stringify(gone), false)), ["Agent Guard's hook entry hooks.PreToolUse[0] gone"]);
    const otherChanged = JSON.parse(JSON.stringify(CLAUDE_HOOKS));
    otherChanged.hooks.PreToolUse[1].hooks[0].command = 'eslint';
    assert.deepStrictEqual(describeChange('hooks', before, viewOf('hooks', JSON.stringify(otherChanged), false)), []);
    const neutered = JSON.parse(JSON.stringify(CLAUDE_HOOKS));
    neutered.hooks.PreToolUse[0].matcher = 'NothingMatches';
    assert.deepStrictEqual(describeChange('hooks', before, viewOf('hooks', JSON.stringify(neutered), false)), ["Agent Guard's hook entry hooks.PreToolUse[0] changed"]);
  });

  it('hooks: a hook script (Cline) that loses its line or its executable bit', () => {
    const script = '#!/bin/sh\n# Agent Guard: judges each Cline tool call\n/home/dev/.agent-guard/bin/agent-guard hook cline\n';
    const before = viewOf('hooks', script, true);
    assert.deepStrictEqual(describeChange('hooks', before, viewOf('hooks', script, false)), ['the hook script is no longer executable']);
    assert.deepStrictEqual(describeChange('hooks', before, viewOf('hooks', '#!/bin/sh\nexit 0\n', true)), ["Agent Guard's hook line 3 gone"]);
    assert.deepStrictEqual(describeChange('hooks', before, ABSENT), ['file deleted']);
  });

  it('state: any change to the content, creation or deletion', () => {
    const a = viewOf('state', '{"v":1}', false);
    assert.deepStrictEqual(describeChange('state', a, viewOf('state', '{"v":1,"x":2}', false)), ['content changed']);
    assert.deepStrictEqual(describeChange('state', ABSENT, a), ['file created']);
    assert.deepStrictEqual(describeChange('state', a, ABSENT), ['file deleted']);
    const launcher = viewOf('state', '#!/bin/sh\nexec node cli.js hook "$@"\n', true);
    assert.deepStrictEqual(describeChange('state', launcher, viewOf('state', '#!/bin/sh\nexec node cli.js hook "$@"\n', false)), ['no longer executable'], 'chmod -x on the hook launcher');
  });
});
