// Gemini CLI `BeforeTool` (`hooks.BeforeTool` in `.gemini/settings.json`): `tool_name`
// (`run_shell_command`, MCP tools), `tool_input`, `mcp_context`. Gemini has no "ask" answer: the person
// is asked in VS Code, then the hook answers `decision: allow|deny`.
import type { HookAnswer, HookOutcome, HostAdapter } from './hookTypes';
import { PayloadError } from './hookTypes';
import { asRecord, optRecord, optString } from './payloadFields';
import { actionForToolCall, agentLabel, optServer } from './toolCalls';

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
    const m = outcome.message;
    // Exit 2 is Gemini's "system block" (stderr is the reason); the JSON carries the same words.
    return { stdout: JSON.stringify({ decision: 'deny', reason: m }) + '\n', stderr: m + '\n', exitCode: 2 };
  }
  if (outcome.approvedByPerson) return { stdout: JSON.stringify({ decision: 'allow', reason: outcome.message }) + '\n', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

export const geminiAdapter: HostAdapter = {
  id: 'gemini',
  agent: 'Gemini CLI',
  parse(payload, fallbackCwd) {
    const p = asRecord(payload, 'The Gemini hook payload');
    const event = optString(p.hook_event_name);
    if (event !== undefined && event !== 'BeforeTool') return { kind: 'pass', why: `event ${event}` };
    const name = optString(p.tool_name);
    if (!name) throw new PayloadError('The BeforeTool payload has no `tool_name`');
    const mcp = optRecord(p.mcp_context);
    const server = optServer(mcp?.server_name);
    const tool = bareMcpName(name, server, optServer(mcp?.tool_name));
    const { action, server: fromName } = actionForToolCall(tool, p.tool_input, `The ${name} call`, server);
    const cwd = optString(p.cwd) || fallbackCwd;
    return { kind: 'judge', action, cwd, origin: { door: 'hook', agent: agentLabel('Gemini CLI', fromName), cwd } };
  },
  render,
};
