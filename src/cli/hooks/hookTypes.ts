// What every agent-host adapter turns a hook payload into, and what it answers with.
// Adapters are pure: no I/O, so each host's exact wire format is unit-testable.
import type { Action } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';

/** The host names `agent-guard hook <host>` accepts. */
export const HOST_IDS = ['claude', 'copilot', 'cursor', 'gemini', 'codex', 'windsurf', 'cline'] as const;
export type HostId = (typeof HOST_IDS)[number];

export function isHostId(s: string): s is HostId {
  return (HOST_IDS as readonly string[]).includes(s);
}

/**
 * A payload is either a call to judge, or an event this hook has no business with (for example a
 * Cursor `afterFileEdit` someone routed to us): those pass without evaluation because nothing runs.
 */
export type HookCall =
  | { kind: 'judge'; action: Action; origin: Origin; cwd: string }
  | { kind: 'pass'; why: string };

/** The outcome handed back to the adapter: `allow` after policy or the person, `deny` otherwise. */
export interface HookOutcome {
  decision: 'allow' | 'deny';
  /** For the agent (deny) or the transcript (allow after the person approved). Empty on a plain allow. */
  message: string;
  /** True when a person was asked and allowed: some hosts then skip their own second prompt. */
  approvedByPerson: boolean;
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
   * Throws `PayloadError` on a payload it cannot read: the caller denies (fail closed).
   * `fallbackCwd` (the hook process's own cwd) is used when the payload names no directory.
   */
  parse(payload: unknown, fallbackCwd: string): HookCall;
  render(outcome: HookOutcome): HookAnswer;
}

/** A payload that is not the shape this host documents. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}
