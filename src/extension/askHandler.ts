// What the window does with an `ask` from the socket. The request's own verdict is a claim, not a
// fact: the window re-evaluates with its own policy and keeps the stricter of the two, so a forged
// verdict can only make the person be asked, never let a command through. Then the one decision
// ladder (outcome/decisionLadder.ts): policy deny → guard off → allow → ask the person. Every outcome is logged.
import type { Action, Verdict } from '../engine/types';
import type { AskRequest, Origin } from '../protocol/protocol';
import type { AskHandlerResult } from '../protocol/askServer';
import type { ConfirmOutcome } from './confirm/confirmTypes';
import type { LogEntry } from '../log/logEntry';
import { decisionEntry } from '../log/logRecord';
import { decideWithoutPerson, engineFailureVerdict, mergeVerdicts, outcomeNote } from '../outcome/decisionLadder';

export { mergeVerdicts } from '../outcome/decisionLadder';

export interface AskHandlerDeps {
  /** The window's own verdict (its policy, its settings). */
  evaluate(action: Action, cwd?: string): Verdict;
  enabled(): boolean;
  /** `restorePoint`: the asker's words for the restore point it will keep if allowed (the modal's line). */
  confirm(action: Action, verdict: Verdict, origin: Origin, signal?: AbortSignal, restorePoint?: string): Promise<ConfirmOutcome>;
  append(entry: LogEntry): Promise<void>;
  mask(text: string): string;
  /** Where a log write failure is reported (it never changes the answer). */
  reportError(message: string): void;
  /** How the person should read the asker (a task's shell becomes the task); identity when absent. */
  describeOrigin?(origin: Origin): Origin | Promise<Origin>;
}

export function createAskHandler(deps: AskHandlerDeps): (req: AskRequest, signal: AbortSignal) => Promise<AskHandlerResult> {
  const log = async (entry: LogEntry): Promise<void> => {
    try {
      await deps.append(entry);
    } catch (e) {
      deps.reportError(`Agent Guard could not write its decision log: ${(e as Error).message}`);
    }
  };
  return async (rawReq, signal) => {
    const req = deps.describeOrigin ? { ...rawReq, origin: await deps.describeOrigin(rawReq.origin) } : rawReq;
    let own: Verdict;
    try {
      own = deps.evaluate(req.action, req.origin.cwd);
    } catch (e) {
      own = engineFailureVerdict(e);
    }
    const verdict = mergeVerdicts(own, req.verdict);
    const outcome = decideWithoutPerson(verdict, deps.enabled()) ?? (await deps.confirm(req.action, verdict, req.origin, signal, req.restorePoint?.text));
    // The asker takes the restore point right after an allow: the record's Restore action finds it by id.
    const point = outcome.decision === 'allow' && req.restorePoint?.id ? { id: req.restorePoint.id, line: req.restorePoint.text } : undefined;
    await log(decisionEntry(req.action, verdict, req.origin, outcome, deps.mask, outcomeNote(outcome.by), point));
    return outcome;
  };
}
