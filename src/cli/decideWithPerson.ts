// The one decision path every CLI door shares (`agent-guard ask`, `agent-guard hook …`), climbing the
// one ladder (outcome/decisionLadder.ts): deny → block; allow → run without contacting anything;
// confirm → ask the person through VS Code; VS Code unreachable → block (fail closed) with a message
// telling the agent to stop and ask the person.
import { evaluate } from '../engine/evaluate';
import type { Policy } from '../engine/policy';
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import { askExtension } from '../protocol/askClient';
import { fileReaderFor } from '../files/fileReader';
import type { AskResult } from '../protocol/askClient';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import type { LogEntry } from '../log/logEntry';
import { decisionEntry, maskerFor, safeMask } from '../log/logRecord';
import { decideWithoutPerson, engineFailureVerdict, unreachable } from '../outcome/decisionLadder';
import { keepIfAllowed, NO_POINT, pointNote, prepareRestorePoint } from '../restore/restoreStep';
import type { RestoreStepContext } from '../restore/restoreStep';
import { restorePointLine } from '../restore/restoreWords';
import { restoreSettingsFrom } from '../restore/restoreSettings';
import { resolveSettingsForCwd } from './loadPolicy';
import { endRemembering } from './memo/memoSession';
import type { RestorePointNote } from '../protocol/protocol';

export interface PersonDecision {
  decision: 'allow' | 'block';
  verdict: Verdict;
  /** `policy`, `person`, `timeout`, `session-allow`, `closed`, `error`, `disabled`, or `unreachable`. */
  by: string;
  /** For the agent; empty when allowed by policy. */
  message: string;
  /** What the restore point keeps (issue 10), with its id once taken. */
  restorePoint?: RestorePointNote;
}

export interface DecideOptions {
  cwd: string;
  policy: Policy;
  /** Overrides for tests; default to the real environment and socket client. */
  env?: NodeJS.ProcessEnv;
  ask?: typeof askExtension;
  timeoutMs?: number;
  /** Where to spool decisions no window logged: a folder, or false for none (default: `spoolDir(env)`). */
  spool?: string | false;
  /** Restore points: overrides for tests, or false for none. */
  restorePoints?: Partial<RestoreStepContext> | false;
}

function fromAnswer(verdict: Verdict, result: AskResult): PersonDecision {
  if (!result.ok) return { verdict, ...unreachable(verdict, result.reason) };
  const a = result.answer;
  return { decision: a.decision === 'allow' ? 'allow' : 'block', verdict, by: a.by, message: a.message };
}

/**
 * Decisions no window saw (allowed or denied by policy, blocked because none answered) go to the
 * spool, which the extension drains into its log: every decision from every door is logged.
 */
function spoolIfUnlogged(action: Action, origin: Origin, opts: DecideOptions, d: PersonDecision): PersonDecision {
  if (opts.spool === false || (d.by !== 'policy' && d.by !== 'unreachable')) return d;
  const dir = typeof opts.spool === 'string' ? opts.spool : spoolDir(opts.env ?? process.env);
  // A kept point goes on the record (its Restore action finds it by id); a point that could not be kept is a note.
  const rp = d.restorePoint;
  const point = rp?.id && d.decision === 'allow' ? { id: rp.id, line: rp.text } : undefined;
  const note = rp && !point ? restorePointLine(rp.text) : undefined;
  const entry = decisionEntry(action, d.verdict, { ...origin, cwd: origin.cwd ?? opts.cwd }, { decision: d.decision, by: d.by as LogEntry['by'] }, safeMask, note, point);
  appendToSpool(entry, dir);
  return d;
}


export async function decideWithPerson(action: Action, origin: Origin, opts: DecideOptions): Promise<PersonDecision> {
  const d = await decide(action, origin, opts);
  // Reached without a person and without a restore point, from the real environment: remembered for the
  // fast path (issue 11). Unreachable here means no window at all: asking one opens a socket, which the
  // recorder refuses to remember.
  const settled = (d.by === 'policy' || d.by === 'unreachable') && !d.restorePoint && opts.env === undefined && opts.ask === undefined;
  endRemembering(settled ? { action, cwd: opts.cwd, verdict: d.verdict, outcome: { decision: d.decision, by: d.by as 'policy' | 'unreachable', message: d.message } } : undefined);
  // What reaches an agent or a terminal never holds a live secret.
  return spoolIfUnlogged(action, origin, opts, { ...d, message: maskerFor(action)(d.message) });
}

async function decide(action: Action, origin: Origin, opts: DecideOptions): Promise<PersonDecision> {
  const env = opts.env ?? process.env;
  let verdict: Verdict;
  try {
    verdict = evaluate(action, opts.policy, { cwd: opts.cwd, env, files: fileReaderFor(opts.cwd) });
  } catch (e) {
    // The engine should never throw; if it does, the person decides rather than a silent allow.
    verdict = engineFailureVerdict(e);
  }
  // The ladder's first rungs; whether the guard is off in the window is the window's to say.
  const point = opts.restorePoints === false ? NO_POINT : await prepareRestorePoint(action, verdict, { cwd: opts.cwd, env, origin, settings: () => restoreSettingsFrom(resolveSettingsForCwd(opts.cwd, env).settings.restorePoints), ...opts.restorePoints });
  const settled = decideWithoutPerson(verdict, true);
  if (settled) return keepIfAllowed(point, { verdict, ...settled });
  const ask = opts.ask ?? askExtension;
  let result: AskResult;
  try {
    result = await ask({ action, verdict, origin: { ...origin, cwd: origin.cwd ?? opts.cwd }, cwd: opts.cwd, timeoutMs: opts.timeoutMs, env, restorePoint: pointNote(point) });
  } catch (e) {
    result = { ok: false, reason: (e as Error).message };
  }
  return keepIfAllowed(point, fromAnswer(verdict, result));
}
