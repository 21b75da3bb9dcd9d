// Cline `PreToolUse` hook (an executable named `PreToolUse` in `.clinerules/hooks/`): `hookName`,
// `workspaceRoots`, `preToolUse.toolName` (`execute_command`, `use_mcp_tool` …), `preToolUse.parameters`.
// Answer: `{"cancel": true, "errorMessage": …}` to stop, `{"cancel": false}` to go on (exit 0, as documented).
import type { HookAnswer, HookOutcome, HostAdapter } from './hookTypes';
import { asRecord, firstRoot, optRecord, optString, reqString } from './payloadFields';
import { actionForToolCall, agentLabel, optServer } from './toolCalls';

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'deny') {
    return { stdout: JSON.stringify({ cancel: true, errorMessage: outcome.message }) + '\n', stderr: outcome.message + '\n', exitCode: 0 };
  }
  return { stdout: JSON.stringify({ cancel: false }) + '\n', stderr: '', exitCode: 0 };
}

export const clineAdapter: HostAdapter = {
  id: 'cline',
  agent: 'Cline',
  parse(payload, fallbackCwd) {
    const p = asRecord(payload, 'The Cline hook payload');
    const event = optString(p.hookName);
    if (event !== undefined && event !== 'PreToolUse') return { kind: 'pass', why: `event ${event}` };
    const call = asRecord(p.preToolUse, 'The Cline payload\'s `preToolUse`');
    const name = reqString(call, 'toolName', 'The Cline `preToolUse`');
    const params = optRecord(call.parameters) ?? {};
    const cwd = firstRoot(p.workspaceRoots) || fallbackCwd;
    // `use_mcp_tool` carries the real tool inside: judge that one, by its own name and arguments.
    const isMcp = name === 'use_mcp_tool' && typeof params.tool_name === 'string';
    const server = isMcp ? optServer(params.server_name) : undefined;
    const { action } = isMcp
      ? actionForToolCall(params.tool_name as string, params.arguments, `The ${String(params.tool_name)} call`, server)
      : actionForToolCall(name, params, `The ${name} call`);
    return { kind: 'judge', action, cwd, origin: { door: 'hook', agent: agentLabel('Cline', server), cwd } };
  },
  render,
};
