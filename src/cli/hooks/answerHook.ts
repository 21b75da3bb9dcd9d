// The whole answer to one hook payload, in the host's exact format: the payload read by the host's
// adapter (an unknown shape is searched for a command, never allowed on that alone), an edit of the
// guard's own files refused, a call judged through `deps.decide`, and any failure a deny that tells the
// agent to stop and ask the person. Shared by the CLI proper and the fast path (cli-fast.js), which
// hands in a decision it remembered.
import type { Action } from '../../engine/types';
import type { Origin } from '../../protocol/protocol';
import type { LogEntry } from '../../log/logEntry';
import { agentMessageForFinding, failureMessage } from '../../outcome/agentWords';
import { HOST_IDS, PayloadError, isHostId } from '../../hosts/hostTypes';
import type { HookAnswer, HookCall, HookOutcome, HostAdapter } from '../../hosts/hostTypes';
import { HOSTS } from '../../hosts/registry';
import { readUnknownPayload } from '../../hosts/unknownPayload';
import type { UnknownOutcome } from '../../hosts/unknownPayload';
import type { PersonDecision } from '../decideWithPerson';
import { callKey } from './duplicateCalls';
import { guardEditEntry, guardEditFinding } from './guardEdits';

export interface HookDeps {
  cwd: string;
  /** The decision for a call to judge, from the settings that apply in `cwd` (the CLI proper; the fast path's memo). */
  decide(action: Action, origin: Origin, cwd: string): Promise<PersonDecision>;
  /** Gives one answer to the two hook invocations a host may run for one call (duplicateCalls.ts). */
  oncePerCall?(key: string, compute: () => Promise<HookAnswer>): Promise<HookAnswer>;
  /** Logs a decision no window saw (a refused edit of a guard file): the spool the extension drains. */
  record?(entry: LogEntry): void;
}

const PERSON_ALLOWED = 'The person allowed this once in VS Code (Agent Guard).';

/** An answer for a host name we do not know: exit 2 blocks in every host that reads exit codes. */
export function unknownHostAnswer(host: string): HookAnswer {
  const m = failureMessage(`unknown agent host "${host}"; expected one of ${HOST_IDS.join(', ')}`);
  return { stdout: '', stderr: m + '\n', exitCode: 2 };
}

export function denyAnswer(adapter: HostAdapter, reason: string): HookAnswer {
  return adapter.render({ decision: 'deny', message: failureMessage(reason), approvedByPerson: false });
}

/** The adapter's reading of the payload; a shape it does not know goes to the unknown-payload search, never straight to allow. */
export function readCall(adapter: HostAdapter, payload: unknown, cwd: string): UnknownOutcome {
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
      const d = await deps.decide(call.action, call.origin, call.cwd);
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

