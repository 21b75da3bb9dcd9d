// Claude Code `PreToolUse` (`hooks.PreToolUse` in `.claude/settings*.json`). VS Code Copilot reads the
// same files, so a Copilot payload arriving here is recognised and labelled as Copilot.
import type { HostAdapter } from './hookTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

export const claudeAdapter: HostAdapter = {
  id: 'claude',
  agent: 'Claude Code',
  parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'claude'),
  render: (outcome) => renderPreToolUse(outcome, true),
};
