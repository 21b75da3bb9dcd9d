// What every agent host is, as data: its adapter (payload → what to judge; outcome → the host's exact
// answer) and where and how its hook is installed. The CLI (`agent-guard hook <host>`) and the VS Code
// extension (Set Up, Hook Status) both read these; neither keeps a list of hosts of its own.
import type { FileEdit } from '../engine/guardFileEdit';
import type { Action } from '../engine/types';
import type { Origin } from '../protocol/protocol';

/** The host names `agent-guard hook <host>` accepts. */
export const HOST_IDS = ['claude', 'copilot', 'cursor', 'gemini', 'codex', 'windsurf', 'cline'] as const;
export type HostId = (typeof HOST_IDS)[number];

export function isHostId(s: string): s is HostId {
  return (HOST_IDS as readonly string[]).includes(s);
}

/**
 * A payload is a call to judge (a command or tool), a file edit to check against the guard's own
 * files, an event with nothing about to run (a `PostToolUse` routed here: it passes), or a shape the
 * adapter does not know — never allowed on that alone: the caller looks for a command in it.
 */
export type HookCall =
  | { kind: 'judge'; action: Action; origin: Origin; cwd: string; edits?: FileEdit[] }
  | { kind: 'edit'; edits: FileEdit[]; origin: Origin; cwd: string }
  | { kind: 'pass'; why: string }
  | { kind: 'unknown'; why: string };

/** The outcome handed back to the adapter: `allow` after policy or the person, `deny` otherwise. */
export interface HookOutcome {
  decision: 'allow' | 'deny';
  /** For the agent (deny) or the transcript (allow after the person approved). Empty on a plain allow. */
  message: string;
  /** True when a person was asked and allowed: some hosts then skip their own second prompt. */
  approvedByPerson: boolean;
  /** The payload the outcome answers, when the host's answer depends on which client sent it (Copilot CLI). */
  payload?: unknown;
}

/** Exactly what the process writes and how it exits. */
export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface HostAdapter {
  id: HostId;
  /** Display name for the modal and the log. */
  agent: string;
  /**
   * Throws `PayloadError` on a payload it cannot read (the caller then searches it for a command and
   * denies when it finds none). `fallbackCwd` (the hook process's own cwd) is used when the payload names no directory.
   */
  parse(payload: unknown, fallbackCwd: string): HookCall;
  render(outcome: HookOutcome): HookAnswer;
}

/** A payload that is not the shape this host documents. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/**
 * Where a hook is written. `personal`: the workspace's file that is not shared with the team
 * (`.claude/settings.local.json`); hosts without one use their workspace file.
 */
export type Scope = 'user' | 'workspace' | 'personal';

export interface TargetPlaces {
  home: string;
  /** The workspace folder; required for `workspace` and `personal` scope. */
  workspace?: string;
}

export interface JsonInsertion {
  path: string[];
  entry: Record<string, unknown>;
}

/** What Agent Guard writes into a host's file: entries in a JSON file, or a whole script (Cline). */
export type HookContent =
  | { kind: 'json'; insertions: JsonInsertion[]; rootDefaults?: Record<string, unknown> }
  | { kind: 'script'; content: string };

export type HookTarget = HookContent & { host: HostId; scope: Scope; file: string; command: string };

/** What a person needs to know about a host's hook, said in Hook Status and the README. */
export interface HostFacts {
  /** What the hook needs to run at all (trust, version, flags that skip it). */
  needs: string;
  /** What the host does when the hook cannot start or times out. */
  onFailure: 'call blocked' | 'call runs' | 'not measured';
}

export interface HostDefinition {
  id: HostId;
  /** The agent's name for people (pickers, Hook Status). */
  label: string;
  adapter: HostAdapter;
  /** Signs that the agent is on this machine: folders under home or the workspace, binaries, VS Code extension ids. */
  detect: { dirs: string[]; bins: string[]; extensions: string[] };
  /** Hook file per scope, relative to home (`user`) or the workspace folder. */
  files: { user: string[]; workspace: string[]; personal?: string[] };
  /** The scope Set Up recommends: one that works without folder trust, personal where the host has it. */
  recommended: Scope;
  /** The entries that run `command`. */
  content(command: string): HookContent;
  facts: HostFacts;
}

/**
 * Seconds a host waits for the hook. Longer than the confirmation's own timeout (300 s) plus the CLI's
 * margin, so the person's answer (or the CLI's own deny) always arrives before the host gives up: most
 * hosts run the call when a hook times out.
 */
export const HOOK_TIMEOUT_SECONDS = 600;
