// `agent-guard hook <host>`: read the host's JSON on stdin (bounded), judge it, ask the person in
// VS Code when the verdict says so, and answer in the host's exact format. It always answers: any
// failure — a payload that is not JSON or not the host's shape, an internal error, VS Code out of
// reach, no answer in time — is a deny that tells the agent to stop and ask the person.
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import { isHostId } from '../hosts/hostTypes';
import type { HookAnswer } from '../hosts/hostTypes';
import { HOSTS } from '../hosts/registry';
import { decideWithPerson } from './decideWithPerson';
import { answerOncePerCall, duplicateCallsDir } from './hooks/duplicateCalls';
import { answerHook, denyAnswer, unknownHostAnswer } from './hooks/answerHook';
import type { HookDeps } from './hooks/answerHook';
import { loadPolicyForCwd } from './loadPolicy';
import { armForHookPayload } from './stallWatchdog';
import { hookStdin } from './hooks/readStdin';
import { emitAnswer } from './hooks/emitAnswer';
import { noteRunKind } from './runKind';
import { HOOK_DEADLINE_MS } from './hooks/hookDeadline';

export { HOOK_DEADLINE_MS } from './hooks/hookDeadline';

export const realHookDeps = (): HookDeps => ({
  cwd: process.cwd(),
  decide: (action, origin, cwd) => decideWithPerson(action, origin, { cwd, policy: loadPolicyForCwd(cwd) }),
  oncePerCall: (key, compute) => answerOncePerCall(key, duplicateCallsDir(), HOOK_DEADLINE_MS - 30_000, compute),
  record: (entry) => appendToSpool(entry, spoolDir()),
});

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
