// Turns a host's tool call (name + arguments) into the engine's Action. Shell tools become `shell`
// actions; everything else (MCP tools, built-in tools) becomes a `tool` action the engine judges by
// name and arguments (`delete_project`, `run_sql` with a destructive statement …).
// Only the quoting half of shell-quote: its parser (index.js loads both) is not needed to write a command.
import quote from 'shell-quote/quote';
import { splitToolName } from '../engine/toolCall';
import type { Action } from '../engine/types';
import { findCommands } from './commandSearch';
import { editsForToolCall } from './editTools';
import { PayloadError } from './hostTypes';
import type { HookCall } from './hostTypes';
import { argsObject, optString } from './payloadFields';
import type { Json } from './payloadFields';

/**
 * Terminal tools become `shell` actions here (rather than `tool` actions the engine would also read as a
 * command) so the modal and the log show the command line itself, and a Codex argv array is quoted
 * back into one line. Terminal tools across hosts, lower-cased: Claude/Codex `Bash`, Gemini `run_shell_command`, Copilot `run_in_terminal`/`runTerminalCommand`, Cline `execute_command`, Cursor `Shell`, Codex `shell`/`exec_command`. */
const SHELL_TOOLS = new Set([
  'bash',
  'shell',
  'run_shell_command',
  'run_in_terminal',
  'runterminalcommand',
  'execute_command',
  'exec_command',
  'local_shell',
  'powershell',
  'terminal',
  'run_commands',
]);

export function isShellTool(name: string): boolean {
  return SHELL_TOOLS.has(name.toLowerCase());
}

/**
 * The command text of a shell tool's input; an argv array (Codex) is quoted back into one line, and a
 * list of command lines (Cline's `run_commands` `commands`, often a JSON string) becomes one line each.
 * A shell tool whose command sits under a field no host documents is still found (bounded search).
 */
export function shellCommandFrom(input: Json, what: string): string {
  for (const key of ['command', 'cmd', 'commandLine', 'command_line']) {
    const v = input[key];
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string')) return quote(v as string[]);
  }
  const found = findCommands(input);
  if (found.commands.length > 0 && !found.incomplete) return found.commands.join('\n');
  throw new PayloadError(`${what} is a shell tool call without a command`);
}

export interface ToolCallAction {
  action: Action;
  /** MCP server the tool belongs to, when the host says. */
  server?: string;
}

/** Top-level argument names that mean "this is a command line" whatever the tool is called. */
const COMMAND_FIELDS = ['command', 'cmd', 'commandLine', 'command_line', 'commands', 'script'];

/** A server name that can stand in `server/tool` (the engine reads that form back); URLs and command lines cannot. */
const PLAIN_SERVER = /^[\w.@-]+$/;

/**
 * The tool is named without the `mcp__server__` prefix, as `server/tool` when the server has a plain
 * name (`neon/delete_project`): readable in the modal and the log, and split again by the engine.
 */
export function actionForToolCall(name: string, rawInput: unknown, what: string, server?: string): ToolCallAction {
  const input = argsObject(rawInput);
  if (isShellTool(name)) return { action: { kind: 'shell', command: shellCommandFrom(input, what) } };
  // A tool no host documents as a terminal that still carries a command line (an MCP server's
  // `execute_command`, a renamed shell tool) is judged by that command.
  const carried = COMMAND_FIELDS.some((k) => input[k] !== undefined) ? findCommands(input) : undefined;
  if (carried && carried.commands.length > 0 && !carried.incomplete) return { action: { kind: 'shell', command: carried.commands.join('\n') }, server: server ?? splitToolName(name).server };
  const split = splitToolName(name);
  const srv = server ?? split.server;
  const tool = srv && PLAIN_SERVER.test(srv) ? `${srv}/${split.tool}` : split.tool;
  return { action: { kind: 'tool', tool, args: input }, server: srv };
}

/**
 * Any tool call as a HookCall: a built-in file-edit tool is an `edit` (checked against the guard's own
 * files, nothing else); every other call is judged, and a tool that writes a file it names (an MCP
 * filesystem server's `write_file`) is checked against the guard's files first as well.
 */
export function hookCallForTool(name: string, rawInput: unknown, agent: string, cwd: string, server?: string): HookCall {
  const edits = isShellTool(name) ? undefined : editsForToolCall(splitToolName(name).tool, rawInput);
  const mcp = server !== undefined || splitToolName(name).server !== undefined;
  if (edits?.known && !mcp) return { kind: 'edit', edits: edits.edits, cwd, origin: { door: 'hook', agent, cwd } };
  const { action, server: srv } = actionForToolCall(name, rawInput, `The ${name} call`, server);
  const reason = statedReason(argsObject(rawInput));
  const origin = { door: 'hook' as const, agent: agentLabel(agent, srv), cwd, ...(reason ? { reason } : {}) };
  return { kind: 'judge', action, cwd, origin, ...(edits ? { edits: edits.edits } : {}) };
}

/** Why the agent says it makes the call: Claude's and Gemini's `description`, Copilot's `explanation`. */
function statedReason(input: Json): string | undefined {
  for (const key of ['description', 'explanation']) {
    const v = input[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** "Claude Code" or "Claude Code (MCP server neon)": the modal says which server's tool it is. */
export function agentLabel(agent: string, server?: string): string {
  return server ? `${agent} (MCP server ${server})` : agent;
}

export function optServer(v: unknown): string | undefined {
  const s = optString(v);
  return s && s.length > 0 ? s : undefined;
}
