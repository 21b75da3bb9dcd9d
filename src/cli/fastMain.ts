// `dist/cli-fast.js`: what `hook`, `ask` and `check` run first (issue 11). It answers, without loading
// the engine, a command the CLI already decided without a person in the same folder — allowed or denied
// by policy, or blocked with no window to ask — with nothing that decision read changed since (the
// verdict memo, src/cli/memo/), and the hook payloads that need no engine at all (file edits, checked
// against the guard's own files; events that run nothing). The answer, the log entry and the output are
// made by the same functions the CLI proper uses. Anything else — a new command, a window to ask, a large
// payload, any error — returns false and the CLI proper decides.
import { parseCliArgs } from './cliArgs';
import { askOrigin, processIo, reportAsk } from './askOutput';
import { EXIT, formatVerdict, verdictJson } from './verdictOutput';
import { emitAnswer } from './hooks/emitAnswer';
import { writeOutput } from './writeOutput';
import { handOverStdin, readProcessStdin } from './hooks/readStdin';
import { answerOncePerCall, duplicateCallsDir } from './hooks/duplicateCalls';
import { answerHook, readCall } from './hooks/answerHook';
import type { HookDeps } from './hooks/answerHook';
import { HOOK_DEADLINE_MS } from './hooks/hookDeadline';
import { isHostId } from '../hosts/hostTypes';
import { HOSTS } from '../hosts/registry';
import type { Action } from '../engine/types';
import type { Origin } from '../protocol/protocol';
import { appendToSpool, spoolDir } from '../log/decisionSpool';
import { decisionEntry, maskerForPlainCommand, safeMask } from '../log/logRecord';
import { engineIdentity, memoDir, memoKey, outcomeOf, recall } from './memo/verdictMemo';
import type { MemoOutcome, Recalled } from './memo/verdictMemo';
import { noteRunKind } from './runKind';

/** Payloads above this go to the CLI proper (it arms the stall watchdog for them). */
const MAX_FAST_PAYLOAD = 4096;

function recalled(action: Action, cwd: string, distDir: string): Recalled | undefined {
  const engine = engineIdentity(distDir);
  const key = engine === undefined ? undefined : memoKey(action, cwd, engine);
  return key === undefined ? undefined : recall(key, memoDir());
}

/** The log entry the CLI proper spools for a decision no window saw (decideWithPerson). */
function spoolDecision(action: Action, origin: Origin, cwd: string, r: Recalled, outcome: MemoOutcome): void {
  const mask = action.kind === 'shell' && r.maskedCommand !== undefined ? maskerForPlainCommand(action.command, r.maskedCommand) : safeMask;
  appendToSpool(decisionEntry(action, r.verdict, { ...origin, cwd: origin.cwd ?? cwd }, { decision: outcome.decision, by: outcome.by }, mask), spoolDir());
}

function answerCheck(rest: string[], distDir: string): boolean {
  const args = parseCliArgs(rest, process.cwd());
  if (args.batch || args.command === undefined) return false;
  const r = recalled({ kind: 'shell', command: args.command }, args.cwd, distDir);
  if (!r) return false;
  // A remembered verdict is kept masked; with the command's masked text known, nothing is scanned again.
  const known = r.maskedCommand !== undefined ? { maskedCommand: r.maskedCommand } : undefined;
  void writeOutput(1, args.json ? verdictJson(r.verdict, true) + '\n' : formatVerdict(args.command, r.verdict, known));
  process.exitCode = EXIT[r.verdict.decision];
  return true;
}

function answerAsk(rest: string[], distDir: string): boolean {
  const args = parseCliArgs(rest, process.cwd());
  const { origin, command } = askOrigin(args);
  const action: Action = { kind: 'shell', command };
  const r = recalled(action, args.cwd, distDir);
  const outcome = r && outcomeOf(r);
  if (!r || !outcome) return false;
  spoolDecision(action, origin, args.cwd, r, outcome);
  process.exitCode = reportAsk(args, command, origin, { ...outcome, verdict: r.verdict }, processIo);
  return true;
}

/**
 * A hook payload, answered by the same answerHook as the CLI proper: edits (the guard's own files refused),
 * events that run nothing and payloads it cannot read need no engine; a call to judge is answered when the
 * memo holds its decision, otherwise the CLI proper takes it.
 */
async function answerHookFast(host: string, input: string, distDir: string): Promise<boolean> {
  if (!isHostId(host) || input.length > MAX_FAST_PAYLOAD) return false;
  const payload: unknown = JSON.parse(input);
  const call = readCall(HOSTS[host].adapter, payload, process.cwd());
  let remembered: { r: Recalled; outcome: MemoOutcome } | undefined;
  if (call.kind === 'judge') {
    const r = recalled(call.action, call.cwd, distDir);
    const outcome = r && outcomeOf(r);
    if (!r || !outcome) return false;
    remembered = { r, outcome };
  }
  const deps: HookDeps = {
    cwd: process.cwd(),
    decide: async (action, origin, cwd) => {
      if (!remembered) throw new Error('no remembered decision'); // unreachable: only a judged call asks
      const { r, outcome } = remembered;
      spoolDecision(action, origin, cwd, r, outcome);
      return { ...outcome, verdict: r.verdict };
    },
    // Copilot may run two Agent Guard hooks for one call: one answer and one log entry, as on the full path.
    oncePerCall: (key, compute) => answerOncePerCall(key, duplicateCallsDir(), HOOK_DEADLINE_MS - 30_000, compute),
    record: (entry) => appendToSpool(entry, spoolDir()),
  };
  emitAnswer(await answerHook(host, input, deps));
  return true;
}

/**
 * Answers `argv` (`[verb, ...rest]`) from the memo when it can, and says whether it did. Never throws:
 * whatever goes wrong, the CLI proper takes over (for a hook, with the payload this function read).
 */
export async function answerFromMemo(argv: string[], distDir: string): Promise<boolean> {
  // Set before answering: a hook's answer ends the process.
  noteRunKind('fast-answer');
  const answered = await answer(argv, distDir);
  if (!answered) noteRunKind('fast-miss');
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
