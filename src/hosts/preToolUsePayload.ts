// The `PreToolUse` payload shared by Claude Code, VS Code Copilot agent hooks and Codex, and the
// `hookSpecificOutput` answer all three read. The same `.claude/settings.json` entry fires in Claude
// Code and in VS Code Copilot with different payloads, so the sender is detected from the fields.
import type { HookAnswer, HookCall, HookOutcome } from './hostTypes';
import { PayloadError } from './hostTypes';
import { asRecord, optRecord, optString } from './payloadFields';
import type { Json } from './payloadFields';
import { hookCallForTool } from './toolCalls';

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
  // Routed to an event that comes after the call or has no call (PostToolUse, Stop …): nothing is about
  // to run. An event name we do not know is not that: the caller looks for a command in it.
  if (event !== undefined && AFTER_EVENTS.has(event.toLowerCase())) return { kind: 'pass', why: `event ${event}` };
  if (event !== undefined && event !== 'PreToolUse' && event !== 'preToolUse') return { kind: 'unknown', why: `event ${event}` };
  const name = optString(p.tool_name) ?? optString(p.toolName);
  if (!name) throw new PayloadError('The PreToolUse payload has no `tool_name`');
  const input = p.tool_input ?? p.toolInput ?? p.toolArgs;
  if (input !== undefined && typeof input !== 'string' && !optRecord(input)) {
    throw new PayloadError('The PreToolUse payload has a `tool_input` that is not an object');
  }
  return hookCallForTool(name, input, AGENT_NAMES[sender], optString(p.cwd) || fallbackCwd);
}

/** Events (lower-cased) that fire after a call or around a session: nothing runs because of them. */
const AFTER_EVENTS = new Set(['posttooluse', 'posttoolusefailure', 'stop', 'subagentstop', 'sessionstart', 'sessionend', 'userpromptsubmit', 'userpromptsubmitted', 'notification', 'precompact', 'postcompact', 'erroroccurred', 'agentstop']);

/** The Copilot CLI (not VS Code) sends `toolName`/`toolArgs` and reads `permissionDecision` at the top level. */
export function isCopilotCli(payload: unknown): boolean {
  const p = optRecord(payload);
  if (p === undefined) return false;
  if ('toolName' in p && 'toolArgs' in p && !('tool_name' in p)) return true;
  // Its Claude-compatible payload (for a hook file with the `PreToolUse` key, seen from Copilot CLI 1.0.102 by the
  // real-host suite): snake_case like Claude Code's, but with a `timestamp` and without `transcript_path`.
  return 'hook_event_name' in p && 'timestamp' in p && !('transcript_path' in p);
}

function permissionObject(decision: 'allow' | 'deny', reason: string): Json {
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason } };
}

function permissionJson(decision: 'allow' | 'deny', reason: string): string {
  return JSON.stringify(permissionObject(decision, reason));
}

/**
 * Deny: the JSON decision on stdout and, so the block never depends on the JSON being read, exit 2
 * with the reason on stderr (Claude Code, Copilot and Codex all block on exit 2 and show stderr to
 * the agent). A plain allow prints nothing, so the host's own permission rules still apply; after the
 * person approved in VS Code, `allow` spares them a second prompt (Claude still honours its deny rules).
 */
export function renderPreToolUse(outcome: HookOutcome, allowJson: boolean): HookAnswer {
  if (outcome.decision === 'deny' && isCopilotCli(outcome.payload)) {
    // The Copilot CLI gives the model only "hook exited with code 2" on exit 2; its JSON deny (exit 0)
    // carries the reason. Both spellings are sent: the CLI reads the top level, VS Code `hookSpecificOutput`.
    const body = { permissionDecision: 'deny', permissionDecisionReason: outcome.message, ...permissionObject('deny', outcome.message) };
    return { stdout: JSON.stringify(body) + '\n', stderr: '', exitCode: 0 };
  }
  if (outcome.decision === 'deny') {
    return { stdout: permissionJson('deny', outcome.message) + '\n', stderr: outcome.message + '\n', exitCode: 2 };
  }
  if (outcome.approvedByPerson && allowJson) {
    return { stdout: permissionJson('allow', outcome.message) + '\n', stderr: '', exitCode: 0 };
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}
