// What a hook does with a payload its adapter does not recognise (a new event name, a renamed envelope,
// a tool moved to another field): it is never allowed on that alone. A tool call found under the field
// names hosts use is judged like any call; otherwise command text found anywhere in it (bounded search)
// is judged as a shell line; a payload too large or deep to search, or a malformed one with no command,
// is denied. Files it names count as edits of unknown result (an edit of a guard file is refused). Only an
// unknown event that carries neither a call, a command nor a guard file passes: nothing runs.
import { findCommands } from './commandSearch';
import type { HookCall } from './hostTypes';
import { firstRoot, optRecord, optString } from './payloadFields';
import type { Json } from './payloadFields';
import { hookCallForTool } from './toolCalls';

const CALL_KEYS = ['preToolUse', 'toolCall', 'tool_call', 'tool_info', 'tool'];
const NAME_KEYS = ['tool_name', 'toolName', 'mcp_tool_name', 'name', 'tool'];
const ARG_KEYS = ['tool_input', 'toolInput', 'toolArgs', 'parameters', 'params', 'arguments', 'args', 'input', 'mcp_tool_arguments'];

function first(obj: Json, keys: readonly string[]): unknown {
  for (const k of keys) if (obj[k] !== undefined) return obj[k];
  return undefined;
}

/** A tool call under one of the envelope keys hosts use, else at the top of the payload. */
export function findToolCall(p: Json): { name: string; args: unknown } | undefined {
  for (const holder of [...CALL_KEYS.map((k) => optRecord(p[k])), p]) {
    if (!holder) continue;
    const name = optString(first(holder, NAME_KEYS));
    if (name) return { name, args: first(holder, ARG_KEYS) };
  }
  return undefined;
}

export function payloadCwd(p: Json | undefined, fallback: string): string {
  return optString(p?.cwd) || firstRoot(p?.workspace_roots) || firstRoot(p?.workspaceRoots) || fallback;
}

export type UnknownOutcome = HookCall | { kind: 'deny'; reason: string };

/** `why`: what the adapter did not recognise; `malformed`: the adapter found the payload broken, not just new. */
export function readUnknownPayload(payload: unknown, agent: string, fallbackCwd: string, why: string, malformed: boolean): UnknownOutcome {
  const p = optRecord(payload);
  const cwd = payloadCwd(p, fallbackCwd);
  const call = p && findToolCall(p);
  if (call) {
    try {
      return hookCallForTool(call.name, call.args, agent, cwd);
    } catch {
      // A tool call we still cannot read: look for command text instead.
    }
  }
  const found = findCommands(payload);
  if (found.incomplete) return { kind: 'deny', reason: `${why}; the payload is too large or too deeply nested to search for a command` };
  const origin = { door: 'hook' as const, agent, cwd };
  // Files it names are checked against the guard's own files as an edit whose result is unknown.
  const edits = found.paths.map((path) => ({ path, change: { kind: 'unknown' as const } }));
  if (found.commands.length > 0) {
    return { kind: 'judge', action: { kind: 'shell', command: found.commands.join('\n') }, cwd, origin, ...(edits.length ? { edits } : {}) };
  }
  if (malformed) return { kind: 'deny', reason: why };
  return edits.length > 0 ? { kind: 'edit', edits, cwd, origin } : { kind: 'pass', why };
}
