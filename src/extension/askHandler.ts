// What the window does with an `ask` from the socket. The request's own verdict is a claim, not a
// fact: the window re-evaluates with its own policy and keeps the stricter of the two, so a forged
// verdict can only make the person be asked, never let a command through. Every outcome is logged.
import type { Action, Decision, Verdict } from '../engine/types';
import type { AskRequest, Origin } from '../protocol/protocol';
import type { AskHandlerResult } from '../protocol/askServer';
import type { ConfirmOutcome } from './confirm/confirmTypes';
import { policyBlockMessage } from './confirm/modalText';
import type { LogEntry } from '../log/logEntry';
import { decisionEntry } from '../log/logRecord';

export interface AskHandlerDeps {
  /** The window's own verdict (its policy, its settings). */
  evaluate(action: Action, cwd?: string): Verdict;
  enabled(): boolean;
  confirm(action: Action, verdict: Verdict, origin: Origin, signal?: AbortSignal): Promise<ConfirmOutcome>;
  append(entry: LogEntry): Promise<void>;
  mask(text: string): string;
  /** Where a log write failure is reported (it never changes the answer). */
  reportError(message: string): void;
  /** How the person should read the asker (a task's shell becomes the task); identity when absent. */
  describeOrigin?(origin: Origin): Origin | Promise<Origin>;
}

const RANK: Record<Decision, number> = { allow: 0, confirm: 1, deny: 2 };

/**
 * The stricter decision of the two; the window's findings first, then any the caller reported that the
 * window did not find; the environment that is production if either is, else the one that is known.
 */
export function mergeVerdicts(trusted: Verdict, claimed: Verdict): Verdict {
  const decision = RANK[claimed.decision] > RANK[trusted.decision] ? claimed.decision : trusted.decision;
  const seen = new Set(trusted.findings.map((f) => `${f.rule}\u0000${f.command ?? ''}`));
  const findings = [...trusted.findings, ...claimed.findings.filter((f) => !seen.has(`${f.rule}\u0000${f.command ?? ''}`))];
  let environment = trusted.environment;
  if (!trusted.environment.production && claimed.environment.production) environment = claimed.environment;
  else if (trusted.environment.name === 'unknown' && claimed.environment.name !== 'unknown') environment = claimed.environment;
  return { decision, findings, environment };
}

function engineFailure(e: unknown): Verdict {
  return {
    decision: 'confirm',
    findings: [
      {
        rule: 'guard.engine-error',
        category: 'guard',
        severity: 'high',
        summary: `Agent Guard could not analyse this command (${(e as Error)?.message ?? String(e)})`,
        agentMessage: 'Agent Guard could not analyse this command; ask the person.',
        source: 'builtin',
      },
    ],
    environment: { name: 'unknown', production: false, source: 'unknown' },
  };
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
      own = engineFailure(e);
    }
    const verdict = mergeVerdicts(own, req.verdict);
    let outcome: ConfirmOutcome;
    let note: string | undefined;
    if (verdict.decision === 'deny') {
      outcome = { decision: 'block', by: 'policy', message: policyBlockMessage(verdict) };
    } else if (!deps.enabled()) {
      // The person switched the guard off in this window (a confirmed, logged act); deny rules still hold.
      outcome = { decision: 'allow', by: 'disabled', message: 'Agent Guard is switched off in this VS Code window; the command was not checked.' };
    } else if (verdict.decision === 'allow') {
      // Only reachable if both the caller and the window say allow: nothing to ask.
      outcome = { decision: 'allow', by: 'policy', message: '' };
    } else {
      outcome = await deps.confirm(req.action, verdict, req.origin, signal);
      if (outcome.by === 'closed') note = 'the asker went away before the person answered';
      if (outcome.by === 'timeout') note = 'no answer within the time limit';
    }
    await log(decisionEntry(req.action, verdict, req.origin, outcome, deps.mask, note));
    return outcome;
  };
}
