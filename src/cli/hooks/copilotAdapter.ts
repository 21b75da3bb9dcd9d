// VS Code Copilot agent hooks (`.github/hooks/*.json`, `PreToolUse`): Claude's answer format with
// camelCase envelope keys. The terminal tool is `run_in_terminal` (the docs' example says
// `runTerminalCommand`; both are shell tools in toolCalls.ts).
import type { HostAdapter } from './hookTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

export const copilotAdapter: HostAdapter = {
  id: 'copilot',
  agent: 'Copilot',
  parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'copilot'),
  render: (outcome) => renderPreToolUse(outcome, true),
};
