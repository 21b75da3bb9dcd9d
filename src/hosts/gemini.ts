// Gemini CLI `BeforeTool` (`hooks.BeforeTool` in `.gemini/settings.json`): `tool_name`
// (`run_shell_command`, `write_file`, `replace`, MCP tools), `tool_input`, `mcp_context`. Gemini has no
// "ask" answer: the person is asked in VS Code, then the hook answers `decision: allow|deny`.
import type { HookAnswer, HookOutcome, HostDefinition } from './hostTypes';
import { HOOK_TIMEOUT_SECONDS, PayloadError } from './hostTypes';
import { asRecord, optRecord, optString } from './payloadFields';
import { hookCallForTool, optServer } from './toolCalls';

/** Gemini names MCP tools `server__tool` on a clash and matchers use `mcp_<server>_<tool>`: strip either prefix. */
function bareMcpName(name: string, server: string | undefined, contextTool: string | undefined): string {
  if (contextTool) return contextTool;
  if (!server) return name;
  for (const prefix of [`mcp__${server}__`, `mcp_${server}_`, `${server}__`]) {
    if (name.startsWith(prefix)) return name.slice(prefix.length);
  }
  return name;
}

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'deny') {
    // A JSON deny with exit 0 blocks cleanly; exit 2 also blocks but shows the person "Hook(s) failed".
    return { stdout: JSON.stringify({ decision: 'deny', reason: outcome.message }) + '\n', stderr: '', exitCode: 0 };
  }
  if (outcome.approvedByPerson) return { stdout: JSON.stringify({ decision: 'allow', reason: outcome.message }) + '\n', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

const AFTER_EVENTS = new Set(['AfterTool', 'AfterModel', 'AfterAgent', 'SessionStart', 'SessionEnd', 'Notification', 'PreCompress', 'BeforeAgent', 'BeforeModel', 'BeforeToolSelection']);

export const geminiHost: HostDefinition = {
  id: 'gemini',
  label: 'Gemini CLI',
  adapter: {
    id: 'gemini',
    agent: 'Gemini CLI',
    parse(payload, fallbackCwd) {
      const p = asRecord(payload, 'The Gemini hook payload');
      const event = optString(p.hook_event_name);
      if (event !== undefined && AFTER_EVENTS.has(event)) return { kind: 'pass', why: `event ${event}` };
      if (event !== undefined && event !== 'BeforeTool') return { kind: 'unknown', why: `event ${event}` };
      const name = optString(p.tool_name);
      if (!name) throw new PayloadError('The BeforeTool payload has no `tool_name`');
      const mcp = optRecord(p.mcp_context);
      const server = optServer(mcp?.server_name);
      const tool = bareMcpName(name, server, optServer(mcp?.tool_name));
      return hookCallForTool(tool, p.tool_input, 'Gemini CLI', optString(p.cwd) || fallbackCwd, server);
    },
    render,
  },
  detect: { dirs: ['.gemini'], bins: ['gemini'], extensions: ['google.geminicodeassist'] },
  files: { user: ['.gemini', 'settings.json'], workspace: ['.gemini', 'settings.json'] },
  // Workspace hooks load only in a trusted folder (`--skip-trust` drops them); user-level hooks always load.
  recommended: 'user',
  // Gemini's timeout is in milliseconds; every tool is matched because MCP tools keep their bare names.
  content: (command) => ({ kind: 'json', insertions: [{ path: ['hooks', 'BeforeTool'], entry: { matcher: '.*', hooks: [{ type: 'command', name: 'agent-guard', command, timeout: HOOK_TIMEOUT_SECONDS * 1000 }] } }] }),
  facts: { needs: 'workspace hooks load only in a trusted folder (user-level hooks always load)', onFailure: 'call blocked' }, // measured on Gemini CLI 0.61.0 (test/hosts): a hook that cannot start blocks
};
