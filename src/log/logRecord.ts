// Turns a decision into one log entry. Commands are masked here, before anything reaches the disk.
// Pure (no `vscode`), so the CLI can spool the decisions it takes without the window.
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import type { AnsweredBy } from '../protocol/protocol';
import { LOG_ENTRY_VERSION } from './logEntry';
import type { LogEntry } from './logEntry';
import { newEntryId } from './entryId';
import { findCredentialsInText, maskCommand } from '../engine/credentials';

/** Masks secrets for the log and the modal; if masking itself fails, shows nothing rather than a possible secret. */
export function safeMask(text: string): string {
  try {
    return maskCommand(text);
  } catch {
    return '(command hidden: it could not be masked)';
  }
}

/** Marks a masker already made for one action: decisionEntry uses it as it is. */
const FOR_ONE_ACTION = Symbol('masker for one action');
type ActionMasker = ((text: string) => string) & { [FOR_ONE_ACTION]?: true };

function forOneAction(fn: (text: string) => string): ActionMasker {
  return Object.assign(fn, { [FOR_ONE_ACTION]: true as const });
}

/** The secrets an action's command carries, longest first, each with its masked form. */
export function commandSecrets(action: Action): Array<[string, string]> {
  try {
    return findCredentialsInText(actionText(action))
      .filter((c) => c.secret.length >= 4 && !c.secret.startsWith('$'))
      .map((c) => [c.secret, c.masked] as [string, string])
      .sort((a, b) => b[0].length - a[0].length);
  } catch {
    return [];
  }
}

/**
 * A masker for everything said about one action: the secrets its command carries are masked wherever
 * they appear again (an agent's stated reason, a summary, a target), not only where a flag or header
 * names them; then the usual masking.
 */
export function maskerFor(action: Action, base: (text: string) => string = safeMask): (text: string) => string {
  return maskerWithSecrets(commandSecrets(action), base);
}

/** maskerFor, with the command's secrets already found. */
function maskerWithSecrets(secrets: ReadonlyArray<[string, string]>, base: (text: string) => string = safeMask): (text: string) => string {
  // The usual masking first (it masks the command's own secrets the same way); then whatever copy of
  // them is left where no flag or header names it.
  return forOneAction((text) => {
    let out = base(text);
    for (const [secret, masked] of secrets) out = out.split(secret).join(masked);
    return out;
  });
}

/**
 * The masker of a command known to carry no secret (commandSecrets was empty), whose masked text is
 * known: what maskerFor would give, without scanning the command again (the CLI's fast path, issue 11).
 */
export function maskerForPlainCommand(command: string, maskedCommand: string): (text: string) => string {
  return forOneAction((text) => (text === command ? maskedCommand : safeMask(text)));
}

/** The verdict with every text that could hold a secret masked: for `check --json`, `ask --json`, output. */
export function maskedVerdict(v: Verdict, mask: (text: string) => string = safeMask): Verdict {
  return {
    decision: v.decision,
    findings: v.findings.map((f) => ({
      ...f,
      summary: mask(f.summary),
      ...(f.agentMessage !== undefined ? { agentMessage: mask(f.agentMessage) } : {}),
      ...(f.target !== undefined ? { target: mask(f.target) } : {}),
      ...(f.command !== undefined ? { command: mask(f.command) } : {}),
    })),
    environment: { ...v.environment, source: mask(v.environment.source) },
    ...(v.notes ? { notes: v.notes.map(mask) } : {}),
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

/** Longest command kept in a log entry: the record says where it was cut. */
export const MAX_LOGGED_COMMAND = 4000;
const MAX_LOGGED_REASON = 1000;

/** A command as stored: masked, without the trailing newline a terminal sends, cut at a bound. */
export function storedCommand(text: string, mask: (text: string) => string): string {
  const t = mask(text).trim();
  return t.length > MAX_LOGGED_COMMAND ? `${t.slice(0, MAX_LOGGED_COMMAND)} …(cut, ${t.length} characters)` : t;
}

/**
 * Whether an entry belongs in the log: decisions and guard events do; a command that was allowed with
 * no finding at all is not a decision (`ls`, `git status`), unless the person asked for an audit of everything.
 */
export function worthLogging(entry: LogEntry, allowedWithoutFindings: boolean): boolean {
  if (allowedWithoutFindings || entry.kind !== 'decision') return true;
  return !(entry.decision === 'allow' && entry.verdict === 'allow' && entry.findings.length === 0);
}

export function decisionEntry(
  action: Action,
  verdict: Verdict,
  origin: Origin,
  outcome: { decision: 'allow' | 'block'; by: AnsweredBy | LogEntry['by'] },
  mask: (text: string) => string,
  note?: string,
  restorePoint?: LogEntry['restorePoint'],
): LogEntry {
  const now = new Date();
  const reason = origin.reason?.trim();
  // The secrets the command carries, masked wherever they appear again (a reason, a summary).
  if (!(mask as ActionMasker)[FOR_ONE_ACTION]) mask = maskerFor(action, mask);
  return {
    v: LOG_ENTRY_VERSION,
    id: newEntryId(now),
    time: now.toISOString(),
    kind: 'decision',
    door: origin.door,
    ...(origin.agent ? { agent: origin.agent } : {}),
    ...(origin.task ? { agent: origin.agent ?? `task ${origin.task}` } : {}),
    ...(origin.cwd ? { cwd: origin.cwd } : {}),
    command: storedCommand(actionText(action), mask),
    findings: verdict.findings.map((f) => ({
      rule: f.rule,
      category: String(f.category),
      severity: f.severity,
      summary: mask(f.summary),
      ...(f.target ? { target: mask(f.target) } : {}),
      source: f.source,
      ...(f.rationale ? { rationale: f.rationale } : {}),
    })),
    environment: verdict.environment,
    verdict: verdict.decision,
    decision: outcome.decision,
    by: outcome.by,
    ...(note ? { note } : {}),
    ...(reason ? { reason: mask(reason).slice(0, MAX_LOGGED_REASON) } : {}),
    ...(restorePoint ? { restorePoint } : {}),
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
