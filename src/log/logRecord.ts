// Turns a decision into one log entry. Commands are masked here, before anything reaches the disk.
// Pure (no `vscode`), so the CLI can spool the decisions it takes without the window.
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import type { AnsweredBy } from '../protocol/protocol';
import { LOG_ENTRY_VERSION } from './logEntry';
import type { LogEntry } from './logEntry';
import { newEntryId } from './decisionLog';
import { maskCommand } from '../engine/credentials';

/** Masks secrets for the log and the modal; if masking itself fails, shows nothing rather than a possible secret. */
export function safeMask(text: string): string {
  try {
    return maskCommand(text);
  } catch {
    return '(command hidden: it could not be masked)';
  }
}

/** The verdict with every text that could hold a secret masked: for `check --json`, `ask --json`, output. */
export function maskedVerdict(v: Verdict, mask: (text: string) => string = safeMask): Verdict {
  return {
    decision: v.decision,
    findings: v.findings.map((f) => ({
      ...f,
      summary: mask(f.summary),
      agentMessage: mask(f.agentMessage),
      ...(f.target !== undefined ? { target: mask(f.target) } : {}),
      ...(f.command !== undefined ? { command: mask(f.command) } : {}),
    })),
    environment: { ...v.environment, source: mask(v.environment.source) },
  };
}

/** The action as one line of text: the command, or `tool {json args}`. */
export function actionText(action: Action): string {
  if (action.kind === 'shell') return action.command;
  let args: string;
  try {
    args = JSON.stringify(action.args);
  } catch {
    args = '{…}';
  }
  return `${action.tool} ${args}`;
}

export function decisionEntry(
  action: Action,
  verdict: Verdict,
  origin: Origin,
  outcome: { decision: 'allow' | 'block'; by: AnsweredBy | LogEntry['by'] },
  mask: (text: string) => string,
  note?: string,
): LogEntry {
  const now = new Date();
  return {
    v: LOG_ENTRY_VERSION,
    id: newEntryId(now),
    time: now.toISOString(),
    kind: 'decision',
    door: origin.door,
    ...(origin.agent ? { agent: origin.agent } : {}),
    ...(origin.task ? { agent: origin.agent ?? `task ${origin.task}` } : {}),
    ...(origin.cwd ? { cwd: origin.cwd } : {}),
    command: mask(actionText(action)),
    findings: verdict.findings.map((f) => ({
      rule: f.rule,
      category: String(f.category),
      severity: f.severity,
      summary: mask(f.summary),
      ...(f.target ? { target: mask(f.target) } : {}),
      source: f.source,
    })),
    environment: verdict.environment,
    verdict: verdict.decision,
    decision: outcome.decision,
    by: outcome.by,
    ...(note ? { note } : {}),
  };
}

/** The guard's own events: switched off or on, a malformed request on the socket. */
export function guardEntry(command: string, note: string, decision: 'allow' | 'block', by: LogEntry['by']): LogEntry {
  const now = new Date();
  return {
    v: LOG_ENTRY_VERSION,
    id: newEntryId(now),
    time: now.toISOString(),
    kind: 'guard',
    door: 'extension',
    command,
    findings: [],
    environment: { name: 'unknown', production: false, source: 'not applicable' },
    verdict: 'allow',
    decision,
    by,
    note,
  };
}
