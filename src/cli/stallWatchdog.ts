// A deadline that holds whatever the engine is doing. Agent hosts run a tool call when its hook times
// out, so a check that never ends is an allow. The engine runs synchronously on the main thread, and a
// timer on that thread cannot fire while it is busy (a regular expression that backtracks, a loop), so
// the deadline lives in a worker thread: the main thread ticks a shared counter from its event loop;
// when the counter stops moving for STALL_MS, the worker writes the answer prepared in advance (deny in
// the host's format for a hook, confirm for `check`, blocked for `ask`) straight to fds 1 and 2, then
// ends the process with that answer's exit code. Ending it: the worker pauses the main thread through
// the inspector (which interrupts even a running regular expression) and has it exit at once; if that
// does not happen within a second (the inspector is missing, or the thread is stuck inside a system
// call), it kills the process.
//
// Why a watchdog and not the engine in a worker: starting a worker that loads the engine costs tens of
// milliseconds on every call, on the path where the answer is "allow" (issue 11 wants the hook CLI near
// `node -e 0`). Even an idle watchdog costs a thread start (about 20 ms of CPU), so it is started only
// for inputs long enough for super-linear work to matter (WATCH_FROM_CHARS); every expression in the
// engine is linear and its input is capped (engine/inputBounds.ts), so it should never fire: it is there
// for what nobody found yet. See bench/stallWatchdog.mjs for the figures.
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { failureMessage } from '../outcome/agentWords';
import { isHostId } from '../hosts/hostTypes';
import { HOSTS } from '../hosts/registry';
import { denyAnswer } from './hooks/answerHook';
import { EXIT } from './checkCommand';

/** How long the main thread may go without reaching its event loop. The engine's own bounds (file reads 1.5 s) stay well below. */
export const STALL_MS = 4_000;
const TICK_MS = 250;

export interface PreparedAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Watchdog {
  /** Stops the worker; called before every exit (a worker waiting in `Atomics.wait` would hold the exit up). */
  disarm(): void;
}

const STALL_REASON = 'the check did not finish in time';

/** The answer to give when the check stalls, by verb; undefined for verbs that judge nothing. */
export function stallAnswerFor(argv: readonly string[]): PreparedAnswer | undefined {
  const [verb, ...rest] = argv;
  const message = `agent-guard: ${failureMessage(STALL_REASON)}\n`;
  if (verb === 'hook') {
    const host = rest[0] ?? '';
    // Exit 2 blocks in every host that reads exit codes.
    return isHostId(host) ? denyAnswer(HOSTS[host].adapter, STALL_REASON) : { stdout: '', stderr: message, exitCode: 2 };
  }
  // `check --batch` judges many lines for scripts and CI, no door waits on it, and a long batch keeps the thread busy by design.
  if (verb === 'check' && rest.includes('--batch')) return undefined;
  if (verb === 'check') return { stdout: rest.includes('--json') ? `${JSON.stringify({ decision: 'confirm', findings: [], reason: STALL_REASON })}\n` : '', stderr: message, exitCode: EXIT.confirm };
  if (verb === 'ask') return { stdout: '', stderr: message, exitCode: EXIT.deny };
  return undefined;
}

/** Shared counters: [0] the main thread's ticks, [1] set to 1 to disarm. */
const BEAT = 0;
const DISARMED = 1;

/** Name of the global the worker has the paused main thread call; set only while a watchdog is armed. */
const EXIT_HOOK = '__agentGuardStallExit';

// Runs in the worker. Plain JavaScript (eval'd): the CLI is one bundled file and has no second entry.
const WORKER_SOURCE = `(() => {
  const { workerData } = require('worker_threads');
  const fs = require('fs');
  const counters = new Int32Array(workerData.shared);
  let last = Atomics.load(counters, ${BEAT});
  let still = 0;
  for (;;) {
    if (Atomics.wait(counters, ${DISARMED}, 0, ${TICK_MS}) !== 'timed-out' || Atomics.load(counters, ${DISARMED}) !== 0) return;
    const now = Atomics.load(counters, ${BEAT});
    if (now !== last) { last = now; still = 0; continue; }
    still += ${TICK_MS};
    if (still >= workerData.stallMs) break;
  }
  try { fs.writeSync(1, workerData.answer.stdout); } catch {}
  try { fs.writeSync(2, workerData.answer.stderr); } catch {}
  const kill = () => { try { process.kill(process.pid, 'SIGKILL'); } catch {} };
  setTimeout(kill, 1000);
  try {
    const { Session } = require('inspector');
    const session = new Session();
    session.connectToMainThread();
    session.on('Debugger.paused', (m) => {
      const frame = m.params.callFrames[0];
      session.post('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: 'globalThis.${EXIT_HOOK}()' }, () => {});
    });
    session.post('Debugger.enable', () => session.post('Debugger.pause', () => {}));
  } catch { kill(); }
})();
`;

/**
 * Starts the watchdog. The answer is written only if the main thread stalls for `stallMs`; the caller
 * disarms it before exiting (done here on `process.on('exit')` too).
 */
export function armStallWatchdog(answer: PreparedAnswer, stallMs = STALL_MS): Watchdog {
  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  (globalThis as Record<string, unknown>)[EXIT_HOOK] = (): void => {
    // The paused main thread runs this: the answer is written; exit now, with its code, skipping every
    // handler (they would run on the thread that stalled). Closing fd 2 first keeps Node's inspector
    // notice ("Waiting for the debugger to disconnect") out of what the agent reads.
    try {
      fs.closeSync(2);
    } catch {
      // nothing to close
    }
    (process as unknown as { reallyExit(code: number): never }).reallyExit(answer.exitCode);
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared, answer, stallMs } });
  worker.unref();
  worker.on('error', () => undefined);
  const ticker = setInterval(() => Atomics.add(counters, BEAT, 1), TICK_MS);
  ticker.unref();
  let armed = true;
  const disarm = (): void => {
    if (!armed) return;
    armed = false;
    clearInterval(ticker);
    Atomics.store(counters, DISARMED, 1);
    Atomics.notify(counters, DISARMED);
    delete (globalThis as Record<string, unknown>)[EXIT_HOOK];
  };
  process.once('exit', disarm);
  return { disarm };
}

/**
 * Input below which no watchdog is started. Every expression in the engine is linear (the hostile-input
 * test checks it) and the slowest known path takes about a quarter of a second on 4 KiB, so a short
 * input cannot stall; starting the worker costs some 20 ms of CPU, which the allow path of every hook
 * call would pay (bench/stallWatchdog.mjs). Past the read bound (64 KiB) the engine reads nothing.
 */
export const WATCH_FROM_CHARS = 4 * 1024;

/**
 * Arms the watchdog for `check` and `ask` when the command they judge is long enough to matter; `hook`
 * arms it once its payload is read (armForHookPayload). A no-op for the other verbs.
 */
export function armStallWatchdogFor(argv: readonly string[]): Watchdog | undefined {
  if (argv[0] === 'hook') return undefined;
  let size = 0;
  for (const a of argv) size += a.length;
  if (size < WATCH_FROM_CHARS) return undefined;
  const answer = stallAnswerFor(argv);
  return answer === undefined ? undefined : armStallWatchdog(answer);
}

/** Arms the watchdog for `hook <host>` once the payload is read, when it is long enough to matter. */
export function armForHookPayload(host: string, payloadChars: number): Watchdog | undefined {
  if (payloadChars < WATCH_FROM_CHARS) return undefined;
  const answer = stallAnswerFor(['hook', host]);
  return answer === undefined ? undefined : armStallWatchdog(answer);
}
