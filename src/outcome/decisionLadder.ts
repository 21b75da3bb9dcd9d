// The one decision ladder every door climbs, in the CLI and in the window alike:
//   policy deny → block;  guard switched off → allow (unchecked, logged);  allow → run;  else ask the person.
// Pure: the door supplies the asking. Also the verdict merge the window applies to a caller's claim.
import type { Decision, Finding, Severity, Verdict } from '../engine/types';
import { SEVERITIES } from '../engine/types';
import type { AnsweredBy } from '../protocol/protocol';
import { allowedAgentMessage, blockedAgentMessage } from './agentWords';
import type { BlockReason } from './agentWords';

export type OutcomeBy = AnsweredBy | 'unreachable';

/** How a command ended: run or not, who decided, and the message for the agent. */
export interface Outcome {
  decision: 'allow' | 'block';
  by: OutcomeBy;
  message: string;
}

/** An outcome the window itself reached (it can always be answered over the socket). */
export interface WindowOutcome extends Outcome {
  by: AnsweredBy;
}

/** The ladder's rungs above "ask the person": an outcome, or `undefined` when the person must be asked. */
export function decideWithoutPerson(verdict: Verdict, enabled: boolean): WindowOutcome | undefined {
  if (verdict.decision === 'deny') return { decision: 'block', by: 'policy', message: blockedAgentMessage(verdict, { kind: 'policy' }) };
  // The person switched the guard off in this window (a confirmed, logged act); deny rules still hold.
  if (!enabled) return { decision: 'allow', by: 'disabled', message: allowedAgentMessage(verdict, 'disabled') };
  if (verdict.decision === 'allow') return { decision: 'allow', by: 'policy', message: '' };
  return undefined;
}

type WindowReason = Exclude<BlockReason, { kind: 'unreachable' }>;
const BY_OF_REASON: Record<WindowReason['kind'], AnsweredBy> = {
  policy: 'policy',
  person: 'person',
  'typed-name': 'person',
  timeout: 'timeout',
  closed: 'closed',
  error: 'error',
};

export function blocked(verdict: Verdict, reason: WindowReason): WindowOutcome {
  return { decision: 'block', by: BY_OF_REASON[reason.kind], message: blockedAgentMessage(verdict, reason) };
}

/** No VS Code window could be asked: fail closed. */
export function unreachable(verdict: Verdict, detail: string): Outcome {
  return { decision: 'block', by: 'unreachable', message: blockedAgentMessage(verdict, { kind: 'unreachable', detail }) };
}

export function allowedByPerson(verdict: Verdict, forSession: boolean): WindowOutcome {
  return { decision: 'allow', by: forSession ? 'session-allow' : 'person', message: allowedAgentMessage(verdict, forSession ? 'session' : 'once') };
}

/** A note for the log when the outcome needs one. */
export function outcomeNote(by: OutcomeBy): string | undefined {
  if (by === 'closed') return 'the asker went away before the person answered';
  if (by === 'timeout') return 'no answer within the time limit';
  return undefined;
}

/** The verdict when the engine itself failed: the person decides, never a silent allow. */
export function engineFailureVerdict(e: unknown): Verdict {
  const summary = `could not be checked: Agent Guard failed while reading it (${(e as Error)?.message ?? String(e)})`;
  return {
    decision: 'confirm',
    findings: [{ rule: 'guard.engine-error', category: 'guard', severity: 'high', summary, agentMessage: 'Agent Guard could not analyse this command; ask the person.', source: 'builtin' }],
    environment: { name: 'unknown', production: false, source: 'unknown' },
  };
}

const RANK: Record<Decision, number> = { allow: 0, confirm: 1, deny: 2 };
const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.command ?? ''}`;
}

/**
 * The window's verdict and a caller's claim as one: the stricter decision; the window's findings, then
 * any the caller reported that the window did not find; for a finding both found, the higher of the two
 * severities (the caller may know the target is production from its environment, so each finding has
 * one severity everywhere); the environment that is production if either is, else the one that is known.
 */
export function mergeVerdicts(trusted: Verdict, claimed: Verdict): Verdict {
  const decision = RANK[claimed.decision] > RANK[trusted.decision] ? claimed.decision : trusted.decision;
  const claimedByKey = new Map(claimed.findings.map((f) => [findingKey(f), f]));
  const findings = trusted.findings.map((f) => {
    const other = claimedByKey.get(findingKey(f));
    return other && (SEVERITY_RANK.get(other.severity) ?? 0) > (SEVERITY_RANK.get(f.severity) ?? 0) ? { ...f, severity: other.severity } : f;
  });
  const seen = new Set(trusted.findings.map(findingKey));
  findings.push(...claimed.findings.filter((f) => !seen.has(findingKey(f))));
  let environment = trusted.environment;
  if (!trusted.environment.production && claimed.environment.production) environment = claimed.environment;
  else if (trusted.environment.name === 'unknown' && claimed.environment.name !== 'unknown') environment = claimed.environment;
  if (!environment.provider && (trusted.environment.provider || claimed.environment.provider)) {
    environment = { ...environment, provider: trusted.environment.provider ?? claimed.environment.provider };
  }
  return { decision, findings, environment };
}
