// GitHub Copilot: VS Code agent hooks and the Copilot CLI read `.github/hooks/*.json` (workspace) and
// `~/.copilot/hooks` (user), and also the Claude Code files. VS Code sends camelCase envelope keys and
// `tool_name`; the CLI sends `toolName`/`toolArgs` and reads a top-level `permissionDecision`. VS Code
// ignores matchers and calls the hook for every tool; the CLI judges each call.
import type { HostDefinition } from './hostTypes';
import { HOOK_TIMEOUT_SECONDS } from './hostTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

export const copilotHost: HostDefinition = {
  id: 'copilot',
  label: 'GitHub Copilot',
  adapter: {
    id: 'copilot',
    agent: 'Copilot',
    parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'copilot'),
    render: (outcome) => renderPreToolUse(outcome, true),
  },
  detect: { dirs: ['.copilot'], bins: ['copilot'], extensions: ['github.copilot-chat', 'github.copilot'] },
  files: { user: ['.copilot', 'hooks', 'agent-guard.json'], workspace: ['.github', 'hooks', 'agent-guard.json'] },
  // The Copilot CLI loads repository hooks only in a trusted folder (`--trust-folder`); user-level hooks always.
  recommended: 'user',
  // VS Code reads `timeout`, the Copilot CLI `timeoutSec` (its default is 30 s, shorter than a person's answer).
  content: (command) => ({ kind: 'json', insertions: [{ path: ['hooks', 'PreToolUse'], entry: { type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, timeoutSec: HOOK_TIMEOUT_SECONDS } }] }),
  facts: {
    needs: 'VS Code 1.109+ agent hooks, or the Copilot CLI; the CLI loads repository hooks only in a trusted folder (user-level hooks always)',
    // Measured on Copilot CLI 1.0.102 (test/hosts): a hook that cannot start blocks the call ("hook errored").
    onFailure: 'call blocked',
  },
};
