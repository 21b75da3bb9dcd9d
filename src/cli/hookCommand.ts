// `agent-guard hook <host>`: read the host's JSON on stdin (bounded), judge it, ask the person in
// VS Code when the verdict says so, and answer in the host's exact format. It always answers: any
// failure — a payload that is not JSON or not the host's shape, an internal error, VS Code out of
// reach, no answer in time — is a deny that tells the agent to stop and ask the person.
import type { Policy } from '../engine/policy';
import type { Action } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import type { LogEntry } from '../log/logEntry';
import { agentMessageForFinding, failureMessage } from '../outcome/agentWords';
import { HOST_IDS, PayloadError, isHostId } from '../hosts/hostTypes';
import type { HookAnswer, HookCall, HookOutcome, HostAdapter } from '../hosts/hostTypes';
import { HOSTS } from '../hosts/registry';
import { readUnknownPayload } from '../hosts/unknownPayload';
import type { UnknownOutcome } from '../hosts/unknownPayload';
import { decideWithPerson } from './decideWithPerson';
import type { PersonDecision } from './decideWithPerson';
import { answerOncePerCall, callKey, duplicateCallsDir } from './hooks/duplicateCalls';
import { guardEditEntry, guardEditFinding } from './hooks/guardEdits';
import { loadPolicyForCwd } from './loadPolicy';
import { armForHookPayload } from './stallWatchdog';
import { hookStdin } from './hooks/readStdin';
import { emitAnswer } from './hooks/emitAnswer';
import { noteRunKind } from './runKind';
import { HOOK_DEADLINE_MS } from './hooks/hookDeadline';

export { HOOK_DEADLINE_MS } from './hooks/hookDeadline';

export interface HookDeps {
  cwd: string;
  loadPolicy(cwd: string): Policy;
  decide(action: Action, origin: Origin, opts: { cwd: string; policy: Policy }): Promise<PersonDecision>;
  /** Gives one answer to the two hook invocations a host may run for one call (duplicateCalls.ts). */
  oncePerCall?(key: string, compute: () => Promise<HookAnswer>): Promise<HookAnswer>;
  /** Logs a decision no window saw (a refused edit of a guard file): the spool the extension drains. */
  record?(entry: LogEntry): void;
}

export const realHookDeps = (): HookDeps => ({
  cwd: process.cwd(),
  loadPolicy: loadPolicyForCwd,
  decide: (action, origin, opts) => decideWithPerson(action, origin, opts),
  oncePerCall: (key, compute) => answerOncePerCall(key, duplicateCallsDir(), HOOK_DEADLINE_MS - 30_000, compute),
  record: (entry) => appendToSpool(entry, spoolDir()),
});

const PERSON_ALLOWED = 'The person allowed this once in VS Code (Agent Guard).';

/** An answer for a host name we do not know: exit 2 blocks in every host that reads exit codes. */
function unknownHostAnswer(host: string): HookAnswer {
  const m = failureMessage(`unknown agent host "${host}"; expected one of ${HOST_IDS.join(', ')}`);
  return { stdout: '', stderr: m + '\n', exitCode: 2 };
}

export function denyAnswer(adapter: HostAdapter, reason: string): HookAnswer {
  return adapter.render({ decision: 'deny', message: failureMessage(reason), approvedByPerson: false });
}

/** The adapter's reading of the payload; a shape it does not know goes to the unknown-payload search, never straight to allow. */
function readCall(adapter: HostAdapter, payload: unknown, cwd: string): UnknownOutcome {
  let call: HookCall;
  try {
    call = adapter.parse(payload, cwd);
  } catch (e) {
    if (!(e instanceof PayloadError)) throw e;
    return readUnknownPayload(payload, adapter.agent, cwd, e.message, true);
  }
  return call.kind === 'unknown' ? readUnknownPayload(payload, adapter.agent, cwd, call.why, false) : call;
}

/** The whole decision for one payload text. Never throws. */
export async function answerHook(host: string, input: string, deps: HookDeps): Promise<HookAnswer> {
  if (!isHostId(host)) return unknownHostAnswer(host);
  const adapter = HOSTS[host].adapter;
  let payload: unknown;
  const render = (o: Omit<HookOutcome, 'payload'>): HookAnswer => adapter.render({ ...o, payload });
  const deny = (message: string): HookAnswer => render({ decision: 'deny', message, approvedByPerson: false });
  try {
    try {
      payload = JSON.parse(input);
    } catch {
      return denyAnswer(adapter, `the ${adapter.agent} hook payload is not JSON`);
    }
    const call = readCall(adapter, payload, deps.cwd);
    if (call.kind === 'deny') return deny(failureMessage(call.reason));
    if (call.kind === 'pass' || call.kind === 'unknown') return render({ decision: 'allow', message: '', approvedByPerson: false });
    // An edit of the guard's own files is refused whatever else the call is; any other edit passes.
    const guardFinding = call.edits ? guardEditFinding(call.edits, call.cwd) : undefined;
    if (guardFinding && call.edits) {
      deps.record?.(guardEditEntry(call.edits, guardFinding, call.origin));
      return deny(agentMessageForFinding(guardFinding));
    }
    if (call.kind === 'edit') return render({ decision: 'allow', message: '', approvedByPerson: false });
    const decideCall = async (): Promise<HookAnswer> => {
      const policy = deps.loadPolicy(call.cwd);
      const d = await deps.decide(call.action, call.origin, { cwd: call.cwd, policy });
      if (d.decision === 'allow') {
        const byPerson = d.by !== 'policy';
        return render({ decision: 'allow', message: byPerson ? d.message || PERSON_ALLOWED : '', approvedByPerson: byPerson });
      }
      return deny(d.message || failureMessage('no reason was given'));
    };
    const key = deps.oncePerCall ? callKey(payload) : undefined;
    return key && deps.oncePerCall ? await deps.oncePerCall(key, decideCall) : await decideCall();
  } catch (e) {
    const reason = e instanceof PayloadError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    return deny(failureMessage(reason));
  }
}

/** Entry for `agent-guard hook <host>`; ends the process itself once the host has its answer. */
export async function runHookCommand(args: string[], deps: HookDeps = realHookDeps()): Promise<void> {
  const host = args[0] ?? '';
  let answered = false;
  const answerOnce = (a: HookAnswer): void => {
    if (answered) return;
    answered = true;
    noteRunKind(`hook:${a.exitCode}`);
    emitAnswer(a);
  };
  const failClosed = (reason: string): void =>
    answerOnce(isHostId(host) ? denyAnswer(HOSTS[host].adapter, reason) : unknownHostAnswer(host));
  process.on('uncaughtException', (e) => failClosed(`internal error: ${e.message}`));
  process.on('unhandledRejection', (e) => failClosed(`internal error: ${String(e)}`));
  const deadline = setTimeout(() => failClosed('no decision in time'), HOOK_DEADLINE_MS);
  deadline.unref();
  let input: string;
  try {
    input = await hookStdin();
  } catch (e) {
    return failClosed((e as Error).message);
  }
  // A long payload gets a deadline outside the engine's thread (src/cli/stallWatchdog.ts).
  armForHookPayload(host, input.length);
  answerOnce(await answerHook(host, input, deps));
}
