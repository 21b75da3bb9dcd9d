// The `PreToolUse` payload shared by Claude Code, VS Code Copilot agent hooks and Codex, and the
// `hookSpecificOutput` answer all three read. The same `.claude/settings.json` entry fires in Claude
// Code and in VS Code Copilot with different payloads, so the sender is detected from the fields.
import type { HookAnswer, HookCall, HookOutcome } from './hookTypes';
import { PayloadError } from './hookTypes';
import { asRecord, optRecord, optString } from './payloadFields';
import type { Json } from './payloadFields';
import { actionForToolCall, agentLabel } from './toolCalls';

export type PreToolUseSender = 'claude' | 'copilot' | 'codex';

export const AGENT_NAMES: Record<PreToolUseSender, string> = {
  claude: 'Claude Code',
  copilot: 'Copilot',
  codex: 'Codex CLI',
};

/**
 * VS Code Copilot sends camelCase envelope keys (`hookEventName`, `sessionId`, `timestamp`); the
 * Copilot CLI sends `toolName`/`toolArgs`; Codex adds `turn_id`; Claude Code sends `session_id`,
 * `transcript_path`, `hook_event_name`.
 */
export function detectSender(p: Json, fallback: PreToolUseSender): PreToolUseSender {
  if ('hookEventName' in p || 'toolName' in p || ('sessionId' in p && !('session_id' in p))) return 'copilot';
  if ('turn_id' in p) return 'codex';
  return fallback;
}

export function parsePreToolUse(payload: unknown, fallbackCwd: string, fallbackSender: PreToolUseSender): HookCall {
  const p = asRecord(payload, 'The hook payload');
  const sender = detectSender(p, fallbackSender);
  const event = optString(p.hook_event_name) ?? optString(p.hookEventName);
  // Routed to another event (PostToolUse, Stop …): nothing is about to run, so nothing to judge.
  if (event !== undefined && event !== 'PreToolUse' && event !== 'preToolUse') return { kind: 'pass', why: `event ${event}` };
  const name = optString(p.tool_name) ?? optString(p.toolName);
  if (!name) throw new PayloadError('The PreToolUse payload has no `tool_name`');
  const input = p.tool_input ?? p.toolInput ?? p.toolArgs;
  if (input !== undefined && typeof input !== 'string' && !optRecord(input)) {
    throw new PayloadError('The PreToolUse payload has a `tool_input` that is not an object');
  }
  const { action, server } = actionForToolCall(name, input, `The ${name} call`);
  const cwd = optString(p.cwd) || fallbackCwd;
  return { kind: 'judge', action, cwd, origin: { door: 'hook', agent: agentLabel(AGENT_NAMES[sender], server), cwd } };
}

function permissionJson(decision: 'allow' | 'deny', reason: string): string {
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason },
  });
}

/**
 * Deny: the JSON decision on stdout and, so the block never depends on the JSON being read, exit 2
 * with the reason on stderr (Claude Code, Copilot and Codex all block on exit 2 and show stderr to
 * the agent). A plain allow prints nothing, so the host's own permission rules still apply; after the
 * person approved in VS Code, `allow` spares them a second prompt (Claude still honours its deny rules).
 */
export function renderPreToolUse(outcome: HookOutcome, allowJson: boolean): HookAnswer {
  if (outcome.decision === 'deny') {
    return { stdout: permissionJson('deny', outcome.message) + '\n', stderr: outcome.message + '\n', exitCode: 2 };
  }
  if (outcome.approvedByPerson && allowJson) {
    return { stdout: permissionJson('allow', outcome.message) + '\n', stderr: '', exitCode: 0 };
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}
