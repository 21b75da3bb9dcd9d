// Codex CLI `PreToolUse` (`.codex/hooks.json`): Claude's payload plus `turn_id`. Codex treats
// `permissionDecision: "allow"` (without `updatedInput`) and `"ask"` as invalid output, so this adapter
// only ever denies, and says nothing when the call may run (checked in codex-rs/hooks output_parser.rs).
import type { HostAdapter } from './hookTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

export const codexAdapter: HostAdapter = {
  id: 'codex',
  agent: 'Codex CLI',
  parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'codex'),
  render: (outcome) => renderPreToolUse(outcome, false),
};
