// Windsurf Cascade hooks (`.windsurf/hooks.json`): `agent_action_name` `pre_run_command`
// (`tool_info.command_line`, `tool_info.cwd`) and `pre_mcp_tool_use` (`tool_info.mcp_server_name`,
// `mcp_tool_name`, `mcp_tool_arguments`). Only exit code 2 blocks; stderr is what Cascade shows.
import type { HookAnswer, HookOutcome, HostAdapter } from './hookTypes';
import { PayloadError } from './hookTypes';
import { asRecord, optString, reqString } from './payloadFields';
import { actionForToolCall, agentLabel, optServer } from './toolCalls';

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'deny') return { stdout: '', stderr: outcome.message + '\n', exitCode: 2 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

export const windsurfAdapter: HostAdapter = {
  id: 'windsurf',
  agent: 'Windsurf',
  parse(payload, fallbackCwd) {
    const p = asRecord(payload, 'The Windsurf hook payload');
    const event = reqString(p, 'agent_action_name', 'The Windsurf hook payload');
    if (event !== 'pre_run_command' && event !== 'pre_mcp_tool_use') return { kind: 'pass', why: `event ${event}` };
    const info = asRecord(p.tool_info, `The ${event} payload's \`tool_info\``);
    const cwd = optString(info.cwd) || optString(p.cwd) || fallbackCwd;
    if (event === 'pre_run_command') {
      const command = optString(info.command_line) ?? optString(info.command);
      if (command === undefined) throw new PayloadError('The pre_run_command payload has no `tool_info.command_line`');
      return { kind: 'judge', action: { kind: 'shell', command }, cwd, origin: { door: 'hook', agent: 'Windsurf', cwd } };
    }
    const name = reqString(info, 'mcp_tool_name', 'The pre_mcp_tool_use payload');
    const server = optServer(info.mcp_server_name);
    const { action, server: fromName } = actionForToolCall(name, info.mcp_tool_arguments, `The ${name} call`, server);
    return { kind: 'judge', action, cwd, origin: { door: 'hook', agent: agentLabel('Windsurf', fromName), cwd } };
  },
  render,
};
