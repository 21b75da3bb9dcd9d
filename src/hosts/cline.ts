// Cline: an executable named `PreToolUse` in `.clinerules/hooks/` (workspace) or `~/Documents/Cline/Hooks/`.
// Payload: `hookName` (`PreToolUse` in the VS Code extension; `tool_call` in the Cline CLI 3.x),
// `workspaceRoots`, and the call under `preToolUse` — `toolName` (`execute_command`, `run_commands` whose
// `parameters.commands` is a JSON string array, `write_to_file`, `replace_in_file`, `use_mcp_tool` …) and
// `parameters`. The call is also looked for under the other envelope keys hosts use (unknownPayload.ts),
// so a renamed envelope is still judged. Answer: `{"cancel": true, "errorMessage": …}` to stop, `{"cancel": false}` to go on (exit 0).
import type { HookAnswer, HookCall, HookOutcome, HostDefinition } from './hostTypes';
import { PayloadError } from './hostTypes';
import { asRecord, optRecord, optString } from './payloadFields';
import { hookCallForTool, optServer } from './toolCalls';
import { findToolCall, payloadCwd } from './unknownPayload';

/** The Cline CLI's `run_commands` call (`hookName: "tool_call"`). */
function isCliRunCommands(payload: unknown): boolean {
  const p = optRecord(payload);
  const call = optRecord(p?.tool_call);
  return p?.hookName === 'tool_call' && call?.name === 'run_commands';
}

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'deny' && isCliRunCommands(outcome.payload)) {
    // `cancel: true` stops the CLI's whole run and the reason only reaches Cline's log: the agent never learns why
    // (measured on Cline CLI 3.0.65). Replacing the call's input with no command blocks just this call, and
    // `context` puts the reason in front of the model.
    return { stdout: JSON.stringify({ cancel: false, context: outcome.message, overrideInput: { commands: [] } }) + '\n', stderr: '', exitCode: 0 };
  }
  if (outcome.decision === 'deny') {
    return { stdout: JSON.stringify({ cancel: true, errorMessage: outcome.message }) + '\n', stderr: outcome.message + '\n', exitCode: 0 };
  }
  return { stdout: JSON.stringify({ cancel: false }) + '\n', stderr: '', exitCode: 0 };
}

/** Hook names of events with no call about to run. */
const PRE_EVENTS = new Set(['PreToolUse', 'tool_call']);
const AFTER_EVENTS = new Set(['PostToolUse', 'TaskStart', 'TaskResume', 'TaskCancel', 'TaskComplete', 'UserPromptSubmit', 'PreCompact', 'tool_result']);
function parse(payload: unknown, fallbackCwd: string): HookCall {
  const p = asRecord(payload, 'The Cline hook payload');
  const event = optString(p.hookName);
  if (event !== undefined && AFTER_EVENTS.has(event)) return { kind: 'pass', why: `event ${event}` };
  const call = findToolCall(p);
  if (!call && (event === undefined || PRE_EVENTS.has(event))) throw new PayloadError(`The Cline ${event ?? 'hook'} payload names no tool`);
  if (!call) return { kind: 'unknown', why: `event ${event}` };
  const cwd = payloadCwd(p, fallbackCwd);
  const params = optRecord(call.args) ?? (typeof call.args === 'string' ? call.args : {});
  // `use_mcp_tool` carries the real tool inside: judge that one, by its own name and arguments.
  const rec = optRecord(params);
  if (call.name === 'use_mcp_tool' && rec && typeof rec.tool_name === 'string') {
    return hookCallForTool(rec.tool_name, rec.arguments, 'Cline', cwd, optServer(rec.server_name));
  }
  return hookCallForTool(call.name, params, 'Cline', cwd);
}

export const clineHost: HostDefinition = {
  id: 'cline',
  label: 'Cline',
  adapter: { id: 'cline', agent: 'Cline', parse, render },
  detect: { dirs: ['Documents/Cline'], bins: ['cline'], extensions: ['saoudrizwan.claude-dev'] },
  files: { user: ['Documents', 'Cline', 'Hooks', 'PreToolUse'], workspace: ['.clinerules', 'hooks', 'PreToolUse'] },
  recommended: 'workspace',
  content: (command) => ({
    kind: 'script',
    content: `#!/bin/sh\n# Agent Guard: judges each Cline tool call before it runs. Written by the Agent Guard extension;\n# "Agent Guard: Remove Agent Hooks" deletes it.\nexec ${command}\n`,
  }),
  facts: { needs: 'hooks enabled in Cline\'s settings (Feature Settings → Enable Hooks)', onFailure: 'call runs' }, // measured on Cline CLI 3.0.65 (test/hosts): output that is not JSON lets the call run
};
