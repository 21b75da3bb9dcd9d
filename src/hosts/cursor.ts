// Cursor hooks (`.cursor/hooks.json`): `beforeShellExecution` (`command`, `cwd`),
// `beforeMCPExecution` (`tool_name`, `tool_input` — an object or a JSON string — and the server's
// `url` or `command`) and the generic `preToolUse` (its file-edit tools `Write`, `StrReplace`, `Edit`,
// `MultiEdit`, `Delete`). Answer: `permission` with `user_message`/`agent_message`; some sources spell
// them `userMessage`/`agentMessage`, so both are sent.
import type { HookAnswer, HookOutcome, HostDefinition } from './hostTypes';
import { HOOK_TIMEOUT_SECONDS, PayloadError } from './hostTypes';
import { asRecord, firstRoot, optString, reqString } from './payloadFields';
import { hookCallForTool } from './toolCalls';

/** Cursor's edit tools, for the `preToolUse` matcher (its shell and MCP calls have their own events). */
export const CURSOR_EDIT_MATCHER = 'Write|StrReplace|Edit|MultiEdit|Delete';

/** Events that come after a call or carry none: nothing is about to run. */
const AFTER_EVENTS = new Set(['afterShellExecution', 'afterMCPExecution', 'afterFileEdit', 'postToolUse', 'afterAgentResponse', 'afterAgentThought', 'stop', 'sessionStart', 'sessionEnd', 'beforeSubmitPrompt', 'beforeReadFile']);

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

export const cursorHost: HostDefinition = {
  id: 'cursor',
  label: 'Cursor',
  adapter: {
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
        return hookCallForTool(name, p.tool_input, 'Cursor', cwd, server);
      }
      if (AFTER_EVENTS.has(event)) return { kind: 'pass', why: `event ${event}` };
      return { kind: 'unknown', why: `event ${event}` };
    },
    render,
  },
  detect: { dirs: ['.cursor'], bins: ['cursor', 'cursor-agent'], extensions: [] },
  files: { user: ['.cursor', 'hooks.json'], workspace: ['.cursor', 'hooks.json'] },
  recommended: 'workspace',
  content(command) {
    // `failClosed`: a hook that crashes or times out blocks rather than lets the command through.
    const entry = { command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true };
    return {
      kind: 'json',
      rootDefaults: { version: 1 },
      insertions: [
        { path: ['hooks', 'beforeShellExecution'], entry },
        { path: ['hooks', 'beforeMCPExecution'], entry },
        { path: ['hooks', 'preToolUse'], entry: { ...entry, matcher: CURSOR_EDIT_MATCHER } },
      ],
    };
  },
  facts: { needs: 'Cursor 1.7+ (the `preToolUse` edit check needs a Cursor with that event); `failClosed` is set so a crash or timeout should block', onFailure: 'not measured' },
};
