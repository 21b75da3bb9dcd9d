// Cursor hooks (`.cursor/hooks.json`): `beforeShellExecution` (`command`, `cwd`) and
// `beforeMCPExecution` (`tool_name`, `tool_input` — an object or a JSON string — and the server's
// `url` or `command`); the generic `preToolUse` event is read too. Answer: `permission` with
// `user_message`/`agent_message`; some sources spell them `userMessage`/`agentMessage`, so both are sent.
import type { HookAnswer, HookOutcome, HostAdapter } from './hookTypes';
import { PayloadError } from './hookTypes';
import { asRecord, firstRoot, optString, reqString } from './payloadFields';
import { actionForToolCall, agentLabel } from './toolCalls';

function render(outcome: HookOutcome): HookAnswer {
  if (outcome.decision === 'allow') {
    const body: Record<string, string> = { permission: 'allow' };
    if (outcome.approvedByPerson && outcome.message) {
      body.user_message = outcome.message;
      body.userMessage = outcome.message;
    }
    return { stdout: JSON.stringify(body) + '\n', stderr: '', exitCode: 0 };
  }
  const m = outcome.message;
  const body = { permission: 'deny', user_message: m, agent_message: m, userMessage: m, agentMessage: m };
  // Exit 2 denies in Cursor whatever it makes of stdout; with `failClosed` set by the installer a crash blocks too.
  return { stdout: JSON.stringify(body) + '\n', stderr: m + '\n', exitCode: 2 };
}

export const cursorAdapter: HostAdapter = {
  id: 'cursor',
  agent: 'Cursor',
  parse(payload, fallbackCwd) {
    const p = asRecord(payload, 'The Cursor hook payload');
    const event = reqString(p, 'hook_event_name', 'The Cursor hook payload');
    const cwd = optString(p.cwd) || firstRoot(p.workspace_roots) || fallbackCwd;
    if (event === 'beforeShellExecution') {
      const command = optString(p.command);
      if (command === undefined) throw new PayloadError('The beforeShellExecution payload has no `command`');
      return { kind: 'judge', action: { kind: 'shell', command }, cwd, origin: { door: 'hook', agent: 'Cursor', cwd } };
    }
    if (event === 'beforeMCPExecution' || event === 'preToolUse') {
      const name = reqString(p, 'tool_name', `The ${event} payload`);
      const server = event === 'beforeMCPExecution' ? optString(p.url) ?? optString(p.command) : undefined;
      const { action, server: fromName } = actionForToolCall(name, p.tool_input, `The ${name} call`);
      return { kind: 'judge', action, cwd, origin: { door: 'hook', agent: agentLabel('Cursor', fromName ?? server), cwd } };
    }
    return { kind: 'pass', why: `event ${event}` };
  },
  render,
};
