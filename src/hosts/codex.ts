// Codex CLI: `PreToolUse` in `.codex/hooks.json` — Claude's payload plus `turn_id`. Codex treats
// `permissionDecision: "allow"` (without `updatedInput`) and `"ask"` as invalid output, so this adapter
// only ever denies, and says nothing when the call may run (codex-rs/hooks output_parser.rs). Codex runs
// a non-managed hook only after the person trusts that exact entry (`/hooks`); see codexTrust.ts.
import type { HostDefinition } from './hostTypes';
import { HOOK_TIMEOUT_SECONDS } from './hostTypes';
import { parsePreToolUse, renderPreToolUse } from './preToolUsePayload';

export const CODEX_MATCHER = 'Bash|apply_patch|mcp__.*';

export const codexHost: HostDefinition = {
  id: 'codex',
  label: 'Codex CLI',
  adapter: {
    id: 'codex',
    agent: 'Codex CLI',
    parse: (payload, fallbackCwd) => parsePreToolUse(payload, fallbackCwd, 'codex'),
    render: (outcome) => renderPreToolUse(outcome, false),
  },
  detect: { dirs: ['.codex'], bins: ['codex'], extensions: ['openai.chatgpt'] },
  files: { user: ['.codex', 'hooks.json'], workspace: ['.codex', 'hooks.json'] },
  recommended: 'workspace',
  content: (command) => ({ kind: 'json', insertions: [{ path: ['hooks', 'PreToolUse'], entry: { matcher: CODEX_MATCHER, hooks: [{ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS }] } }] }),
  facts: {
    needs: 'the person trusts the entry in Codex (`/hooks`, or Set Up records it with your confirmation); an edited entry is skipped silently until trusted again; `codex exec` skips untrusted hooks',
    // Measured on Codex 0.171.0 (test/hosts): a hook that cannot start lets the call run.
    onFailure: 'call runs',
  },
};
