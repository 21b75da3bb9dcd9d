// The one services object every door (socket, hooks, terminal guard, tasks) uses inside the window.
// Created once in `activate`; owns nothing itself (its parts are disposed through the context).
//
// For doors: call `confirm` for an action whose verdict is `confirm`; it asks the person (unless the
// guard is switched off), and LOGS the outcome. For decisions made without asking (an `allow` or `deny`
// by policy), append `decisionEntry(...)` from `./logRecord` to `log` yourself.
import type * as vscode from 'vscode';
import { evaluate as evaluateWithPolicy } from '../engine/evaluate';
import type { Policy } from '../engine/policy';
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import type { DecisionLog } from '../log/decisionLog';
import type { ConfirmationService } from './confirm/confirmationService';
import type { ConfirmOutcome } from './confirm/confirmTypes';
import { policyBlockMessage } from './confirm/modalText';
import { decisionEntry } from '../log/logRecord';
import type { TaskProcesses } from './taskProcesses';

export type { ConfirmOutcome } from './confirm/confirmTypes';

export interface GuardServices {
  /** Asks the person (queued with every other request) and logs the outcome. `signal`: the asker went away. */
  confirm(action: Action, verdict: Verdict, origin: Origin, signal?: AbortSignal): Promise<ConfirmOutcome>;
  /** The engine with this window's policy. */
  evaluate(action: Action, cwd?: string): Verdict;
  log: DecisionLog;
  policy(): Policy;
  enabled(): boolean;
  onDidChangePolicy: vscode.Event<void>;
  /** Task shells by pid, filled by the task guard, read when a request arrives on the socket. */
  taskProcesses: TaskProcesses;
}

export interface GuardServicesDeps {
  confirmation: ConfirmationService;
  log: DecisionLog;
  policy(): Policy;
  enabled(): boolean;
  onDidChangePolicy: vscode.Event<void>;
  mask(text: string): string;
  reportError(message: string): void;
  taskProcesses: TaskProcesses;
}

export function createGuardServices(deps: GuardServicesDeps): GuardServices {
  const evaluate = (action: Action, cwd?: string): Verdict => evaluateWithPolicy(action, deps.policy(), { cwd });
  const record = async (action: Action, verdict: Verdict, origin: Origin, outcome: ConfirmOutcome): Promise<void> => {
    const note = outcome.by === 'closed' ? 'the asker went away before the person answered' : outcome.by === 'timeout' ? 'no answer within the time limit' : undefined;
    try {
      await deps.log.append(decisionEntry(action, verdict, origin, outcome, deps.mask, note));
    } catch (e) {
      deps.reportError(`Agent Guard could not write its decision log: ${(e as Error).message}`);
    }
  };
  return {
    async confirm(action, verdict, origin, signal) {
      let outcome: ConfirmOutcome;
      if (verdict.decision === 'deny') outcome = { decision: 'block', by: 'policy', message: policyBlockMessage(verdict) };
      else if (!deps.enabled()) outcome = { decision: 'allow', by: 'disabled', message: 'Agent Guard is switched off in this VS Code window; the command was not checked.' };
      else if (verdict.decision === 'allow') outcome = { decision: 'allow', by: 'policy', message: '' };
      else outcome = await deps.confirmation.confirm(action, verdict, origin, signal);
      await record(action, verdict, origin, outcome);
      return outcome;
    },
    evaluate,
    log: deps.log,
    policy: deps.policy,
    enabled: deps.enabled,
    onDidChangePolicy: deps.onDidChangePolicy,
    taskProcesses: deps.taskProcesses,
  };
}
