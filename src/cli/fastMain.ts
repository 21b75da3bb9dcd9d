// `dist/cli-fast.js`: what `hook`, `ask` and `check` run first (issue 11). It answers a command the
// engine already allowed cleanly in the same folder, with nothing it read since changed (the verdict
// memo, src/cli/memo/), without loading the engine: the answer, the log entry and the output are made
// by the same functions the CLI proper uses. Anything else — a new command, a finding, a payload it
// does not read as a plain command, any error — returns false and the CLI proper decides.
import { parseCliArgs } from './cliArgs';
import { askOrigin, processIo, reportAsk } from './askOutput';
import { EXIT, formatVerdict, verdictJson } from './verdictOutput';
import { emitAnswer } from './hooks/emitAnswer';
import { handOverStdin, readProcessStdin } from './hooks/readStdin';
import { answerOncePerCall, callKey, duplicateCallsDir } from './hooks/duplicateCalls';
import { HOOK_DEADLINE_MS } from './hooks/hookDeadline';
import { isHostId } from '../hosts/hostTypes';
import type { HookAnswer } from '../hosts/hostTypes';
import { HOSTS } from '../hosts/registry';
import type { Action, Verdict } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import { decisionEntry, safeMask } from '../log/logRecord';
import { engineIdentity, memoDir, memoKey, recall } from './memo/verdictMemo';
import { noteRunKind } from './runKind';

/** Payloads above this go to the CLI proper (it arms the stall watchdog for them). */
const MAX_FAST_PAYLOAD = 4096;

function recalled(action: Action, cwd: string, distDir: string): Verdict | undefined {
  const engine = engineIdentity(distDir);
  const key = engine === undefined ? undefined : memoKey(action, cwd, engine);
  return key === undefined ? undefined : recall(key, memoDir());
}

/** The log entry the CLI proper would spool for this allow by policy (decideWithPerson). */
function spoolAllow(action: Action, origin: Origin, cwd: string, verdict: Verdict): void {
  appendToSpool(decisionEntry(action, verdict, { ...origin, cwd: origin.cwd ?? cwd }, { decision: 'allow', by: 'policy' }, safeMask), spoolDir());
}

function answerCheck(rest: string[], distDir: string): boolean {
  const args = parseCliArgs(rest, process.cwd());
  if (args.batch || args.command === undefined) return false;
  const v = recalled({ kind: 'shell', command: args.command }, args.cwd, distDir);
  if (!v) return false;
  process.stdout.write(args.json ? verdictJson(v) + '\n' : formatVerdict(args.command, v));
  process.exitCode = EXIT.allow;
  return true;
}

function answerAsk(rest: string[], distDir: string): boolean {
  const args = parseCliArgs(rest, process.cwd());
  const { origin, command } = askOrigin(args);
  const action: Action = { kind: 'shell', command };
  const v = recalled(action, args.cwd, distDir);
  if (!v) return false;
  spoolAllow(action, origin, args.cwd, v);
  process.exitCode = reportAsk(args, command, origin, { decision: 'allow', verdict: v, by: 'policy', message: '' }, processIo);
  return true;
}

async function answerHookFast(host: string, input: string, distDir: string): Promise<boolean> {
  if (!isHostId(host) || input.length > MAX_FAST_PAYLOAD) return false;
  const adapter = HOSTS[host].adapter;
  const payload: unknown = JSON.parse(input);
  const call = adapter.parse(payload, process.cwd());
  if (call.kind !== 'judge' || call.edits) return false;
  const v = recalled(call.action, call.cwd, distDir);
  if (!v) return false;
  const answer = async (): Promise<HookAnswer> => {
    spoolAllow(call.action, call.origin, call.cwd, v);
    return adapter.render({ decision: 'allow', message: '', approvedByPerson: false, payload });
  };
  // Copilot may run two Agent Guard hooks for one call: one answer and one log entry, as on the full path.
  const key = callKey(payload);
  emitAnswer(key ? await answerOncePerCall(key, duplicateCallsDir(), HOOK_DEADLINE_MS - 30_000, answer) : await answer());
  return true;
}

/**
 * Answers `argv` (`[verb, ...rest]`) from the memo when it can, and says whether it did. Never throws:
 * whatever goes wrong, the CLI proper takes over (for a hook, with the payload this function read).
 */
export async function answerFromMemo(argv: string[], distDir: string): Promise<boolean> {
  // Set before answering: a hook's answer ends the process.
  noteRunKind('memo-hit');
  const answered = await answer(argv, distDir);
  if (!answered) noteRunKind('memo-miss');
  return answered;
}

async function answer(argv: string[], distDir: string): Promise<boolean> {
  const [verb, ...rest] = argv;
  if (verb === 'hook') {
    const reading = readProcessStdin();
    handOverStdin(reading);
    let input: string;
    try {
      input = await reading;
    } catch {
      return false; // the CLI proper reports the failed read, in the host's format
    }
    try {
      return await answerHookFast(rest[0] ?? '', input, distDir);
    } catch {
      return false;
    }
  }
  try {
    if (verb === 'check') return answerCheck(rest, distDir);
    if (verb === 'ask') return answerAsk(rest, distDir);
  } catch {
    // A usage error or anything else: the CLI proper says it.
  }
  return false;
}
