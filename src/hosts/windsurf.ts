// Windsurf Cascade hooks (`.windsurf/hooks.json`): `agent_action_name` `pre_run_command`
// (`tool_info.command_line`, `tool_info.cwd`), `pre_mcp_tool_use` (`tool_info.mcp_server_name`,
// `mcp_tool_name`, `mcp_tool_arguments`) and `pre_write_code` (`tool_info.file_path`, `tool_info.edits`
// of `old_string`/`new_string`). Only exit code 2 blocks; stderr is what Cascade shows.
import { editsForToolCall } from './editTools';
import type { HookAnswer, HookOutcome, HostDefinition } from './hostTypes';
import { PayloadError } from './hostTypes';
import { asRecord, optString, reqString } from './payloadFields';
import { hookCallForTool, optServer } from './toolCalls';

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'deny') return { stdout: '', stderr: outcome.message + '\n', exitCode: 2 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

const PRE_EVENTS = new Set(['pre_run_command', 'pre_mcp_tool_use', 'pre_write_code']);

export const windsurfHost: HostDefinition = {
  id: 'windsurf',
  label: 'Windsurf',
  adapter: {
    id: 'windsurf',
    agent: 'Windsurf',
    parse(payload, fallbackCwd) {
      const p = asRecord(payload, 'The Windsurf hook payload');
      const event = reqString(p, 'agent_action_name', 'The Windsurf hook payload');
      if (event.startsWith('post_') || event === 'pre_user_prompt' || event === 'pre_read_code') return { kind: 'pass', why: `event ${event}` };
      if (!PRE_EVENTS.has(event)) return { kind: 'unknown', why: `event ${event}` };
      const info = asRecord(p.tool_info, `The ${event} payload's \`tool_info\``);
      const cwd = optString(info.cwd) || optString(p.cwd) || fallbackCwd;
      const origin = { door: 'hook' as const, agent: 'Windsurf', cwd };
      if (event === 'pre_run_command') {
        const command = optString(info.command_line) ?? optString(info.command);
        if (command === undefined) throw new PayloadError('The pre_run_command payload has no `tool_info.command_line`');
        return { kind: 'judge', action: { kind: 'shell', command }, cwd, origin };
      }
      if (event === 'pre_write_code') {
        // Windsurf sends the edits as old/new pairs (an empty old string on a new file); read like a multi-edit.
        const reading = editsForToolCall('multiedit', info);
        return { kind: 'edit', edits: reading?.edits ?? [], cwd, origin };
      }
      const name = reqString(info, 'mcp_tool_name', 'The pre_mcp_tool_use payload');
      return hookCallForTool(name, info.mcp_tool_arguments, 'Windsurf', cwd, optServer(info.mcp_server_name));
    },
    render,
  },
  detect: { dirs: ['.codeium/windsurf'], bins: ['windsurf'], extensions: ['codeium.windsurf'] },
  files: { user: ['.codeium', 'windsurf', 'hooks.json'], workspace: ['.windsurf', 'hooks.json'] },
  recommended: 'workspace',
  content(command) {
    const entry = { command, show_output: true };
    return {
      kind: 'json',
      insertions: [
        { path: ['hooks', 'pre_run_command'], entry },
        { path: ['hooks', 'pre_mcp_tool_use'], entry },
        { path: ['hooks', 'pre_write_code'], entry },
      ],
    };
  },
  facts: { needs: 'Windsurf with Cascade hooks; only exit code 2 blocks', onFailure: 'call runs' },
};
