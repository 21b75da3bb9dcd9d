// One line of the decision log. Commands are stored masked: the log must never hold a live secret.
import type { Decision, EnvironmentInfo, Severity } from '../engine/types';
import type { AnsweredBy, Origin } from '../protocol/protocol';

export const LOG_ENTRY_VERSION = 1;

export interface LoggedFinding {
  rule: string;
  category: string;
  severity: Severity;
  summary: string;
  target?: string;
  source?: 'builtin' | 'user';
  /** Why it matters (the rule's rationale), for the readable record. */
  rationale?: string;
}

export interface LogEntry {
  v: typeof LOG_ENTRY_VERSION;
  /** Unique per entry (time + random), used by the panel to open a record. */
  id: string;
  /** ISO time of the decision. */
  time: string;
  /** `decision` for an action judged; `guard` for the guard's own events (disabled, protocol errors). */
  kind: 'decision' | 'guard';
  door: Origin['door'] | 'extension';
  agent?: string;
  cwd?: string;
  /** The command or tool call, secrets masked. */
  command: string;
  findings: LoggedFinding[];
  environment: EnvironmentInfo;
  /** What the engine said before anyone was asked. */
  verdict: Decision;
  /** What happened. */
  decision: 'allow' | 'block';
  by: AnsweredBy | 'unreachable';
  /** Extra words for the person: a timeout, the asker going away, a malformed request. */
  note?: string;
  /** The reason the agent gave for the call (masked, clipped). */
  reason?: string;
  /** The restore point kept for this action (filled by the undo feature), for the log's Restore action. */
  restorePoint?: { id: string; line: string };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Parses one log line; `undefined` for a corrupt or foreign line (the reader skips it with a warning). */
export function parseLogLine(line: string): LogEntry | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(v)) return undefined;
  if (v.v !== LOG_ENTRY_VERSION || typeof v.id !== 'string' || typeof v.time !== 'string') return undefined;
  if (typeof v.command !== 'string' || (v.decision !== 'allow' && v.decision !== 'block')) return undefined;
  if (!Array.isArray(v.findings) || !isObject(v.environment)) return undefined;
  return v as unknown as LogEntry;
}
