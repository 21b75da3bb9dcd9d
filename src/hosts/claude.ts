// Claude Code: `hooks.PreToolUse` in `.claude/settings*.json`. VS Code Copilot and the Copilot CLI read
// the same files, so a Copilot payload arriving here is recognised and labelled as Copilot.
import type { HostDefinition } from './hostTypes';
import { HOOK_TIMEOUT_SECONDS } from './hostTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

/** Shell, MCP tools, and the file-edit tools (an edit of the guard's own files is denied). */
export const CLAUDE_MATCHER = 'Bash|mcp__.*|Write|Edit|MultiEdit|NotebookEdit';

/** The first Claude Code version that honours `onFailure: "block"` (2.1.197 accepts the key and ignores it). */
export const CLAUDE_ON_FAILURE_VERSION = '2.1.295';

export const claudeHost: HostDefinition = {
  id: 'claude',
  label: 'Claude Code',
  adapter: {
    id: 'claude',
    agent: 'Claude Code',
    parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'claude'),
    render: (outcome) => renderPreToolUse(outcome, true),
  },
  detect: { dirs: ['.claude'], bins: ['claude'], extensions: ['anthropic.claude-code'] },
  files: { user: ['.claude', 'settings.json'], workspace: ['.claude', 'settings.json'], personal: ['.claude', 'settings.local.json'] },
  recommended: 'personal',
  content: (command) => ({
    kind: 'json',
    // `onFailure: "block"`: a hook that cannot start or times out blocks instead of allowing.
    insertions: [{ path: ['hooks', 'PreToolUse'], entry: { matcher: CLAUDE_MATCHER, hooks: [{ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: 'block' }] } }],
  }),
  facts: {
    needs: `Claude Code ${CLAUDE_ON_FAILURE_VERSION} or later for \`onFailure: block\` (older versions run the call when the hook fails); \`claude --bare\` skips settings hooks`,
    onFailure: 'call blocked',
  },
};
