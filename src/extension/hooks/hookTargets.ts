// Where each agent host reads its hooks and what Agent Guard writes there, as data.
// A JSON target lists insertions: an array at `path` that receives one `entry`. Cline instead runs an
// executable named `PreToolUse`, so its target is a script file.
import * as os from 'os';
import * as path from 'path';
import type { HostId } from '../../cli/hooks/hookTypes';

export type Scope = 'user' | 'workspace';

/**
 * Seconds a host waits for the hook. Longer than the confirmation's own timeout (300 s) plus the CLI's
 * margin, so the person's answer (or the CLI's own deny) always arrives before the host gives up: most
 * hosts run the call when a hook times out.
 */
export const HOOK_TIMEOUT_SECONDS = 600;

export interface JsonInsertion {
  path: string[];
  entry: Record<string, unknown>;
}

export type HookTarget =
  | { kind: 'json'; host: HostId; scope: Scope; file: string; command: string; insertions: JsonInsertion[]; rootDefaults?: Record<string, unknown> }
  | { kind: 'script'; host: HostId; scope: Scope; file: string; command: string; content: string };

export interface TargetPlaces {
  home: string;
  /** The workspace folder; required for `workspace` scope. */
  workspace?: string;
}

export const HOST_LABELS: Record<HostId, string> = {
  claude: 'Claude Code',
  copilot: 'GitHub Copilot (VS Code agent hooks)',
  cursor: 'Cursor',
  gemini: 'Gemini CLI',
  codex: 'Codex CLI',
  windsurf: 'Windsurf',
  cline: 'Cline',
};

function base(scope: Scope, places: TargetPlaces): string {
  if (scope === 'user') return places.home;
  if (!places.workspace) throw new Error('a workspace folder is needed for a workspace-level hook');
  return places.workspace;
}

/** The config file for `host` at `scope`. */
export function targetFile(host: HostId, scope: Scope, places: TargetPlaces): string {
  const b = base(scope, places);
  switch (host) {
    case 'claude':
      return path.join(b, '.claude', 'settings.json');
    case 'copilot':
      return scope === 'user' ? path.join(b, '.copilot', 'hooks', 'agent-guard.json') : path.join(b, '.github', 'hooks', 'agent-guard.json');
    case 'cursor':
      return path.join(b, '.cursor', 'hooks.json');
    case 'gemini':
      return path.join(b, '.gemini', 'settings.json');
    case 'codex':
      return path.join(b, '.codex', 'hooks.json');
    case 'windsurf':
      return scope === 'user' ? path.join(b, '.codeium', 'windsurf', 'hooks.json') : path.join(b, '.windsurf', 'hooks.json');
    case 'cline':
      return scope === 'user' ? path.join(b, 'Documents', 'Cline', 'Hooks', 'PreToolUse') : path.join(b, '.clinerules', 'hooks', 'PreToolUse');
  }
}

/** The exact hook entries for `host`, running `command`. */
export function hookTarget(host: HostId, scope: Scope, places: TargetPlaces, command: string): HookTarget {
  const file = targetFile(host, scope, places);
  const t = HOOK_TIMEOUT_SECONDS;
  switch (host) {
    case 'claude':
      // `onFailure: "block"` (Claude Code 2.1.295+): a hook that cannot start or times out blocks instead of allowing.
      return { kind: 'json', host, scope, file, command, insertions: [{ path: ['hooks', 'PreToolUse'], entry: { matcher: 'Bash|mcp__.*', hooks: [{ type: 'command', command, timeout: t, onFailure: 'block' }] } }] };
    case 'codex':
      return { kind: 'json', host, scope, file, command, insertions: [{ path: ['hooks', 'PreToolUse'], entry: { matcher: 'Bash|mcp__.*', hooks: [{ type: 'command', command, timeout: t }] } }] };
    case 'copilot':
      // VS Code ignores matchers and calls the hook for every tool; the CLI judges each call.
      return { kind: 'json', host, scope, file, command, insertions: [{ path: ['hooks', 'PreToolUse'], entry: { type: 'command', command, timeout: t } }] };
    case 'cursor': {
      // `failClosed`: a hook that crashes or times out blocks rather than lets the command through.
      const entry = { command, timeout: t, failClosed: true };
      return { kind: 'json', host, scope, file, command, rootDefaults: { version: 1 }, insertions: [{ path: ['hooks', 'beforeShellExecution'], entry }, { path: ['hooks', 'beforeMCPExecution'], entry }] };
    }
    case 'gemini':
      // Gemini's timeout is in milliseconds; every tool is matched because MCP tools keep their bare names.
      return { kind: 'json', host, scope, file, command, insertions: [{ path: ['hooks', 'BeforeTool'], entry: { matcher: '.*', hooks: [{ type: 'command', name: 'agent-guard', command, timeout: t * 1000 }] } }] };
    case 'windsurf': {
      const entry = { command, show_output: true };
      return { kind: 'json', host, scope, file, command, insertions: [{ path: ['hooks', 'pre_run_command'], entry }, { path: ['hooks', 'pre_mcp_tool_use'], entry }] };
    }
    case 'cline':
      return {
        kind: 'script',
        host,
        scope,
        file,
        command,
        content: `#!/bin/sh\n# Agent Guard: judges each Cline tool call before it runs. Written by the Agent Guard extension;\n# "Agent Guard: Remove Agent Hooks" deletes it.\n${command}\n`,
      };
  }
}

export function defaultPlaces(workspace?: string): TargetPlaces {
  return { home: os.homedir(), workspace };
}
