// What `ask` reads from its arguments and what it prints: shared by the CLI proper and the fast path
// (cli-fast.js), which answers a remembered clean allow without the engine.
import type { Origin } from '../protocol/protocol';
import type { CliArgs } from './cliArgs';
import { UsageError } from './cliArgs';
import { EXIT } from './verdictOutput';
import { maskedVerdict, maskerFor, safeMask } from '../log/logRecord';
import { terminalBlockLine } from '../outcome/personWords';
import type { PersonDecision } from './decideWithPerson';

const DOORS: ReadonlySet<string> = new Set<Origin['door']>(['hook', 'terminal', 'task', 'cli', 'command']);

export interface AskIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Nothing written is nothing touched: `process.stderr` on a pipe loads `net` (issue 11). */
export const processIo: AskIo = {
  stdout: (t) => void (t && process.stdout.write(t)),
  stderr: (t) => void (t && process.stderr.write(t)),
};

/** The command and where it comes from; a usage error for a missing command or an unknown door. */
export function askOrigin(args: CliArgs): { origin: Origin; command: string } {
  if (args.command === undefined || args.command.trim() === '') throw new UsageError("ask needs a command line after --, e.g. agent-guard ask -- 'dropdb app'");
  if (args.door !== undefined && !DOORS.has(args.door)) throw new UsageError(`--door must be one of ${[...DOORS].join(', ')}`);
  const origin: Origin = {
    door: (args.door as Origin['door'] | undefined) ?? 'cli',
    ...(args.agent ? { agent: args.agent } : {}),
    ...(args.pid !== undefined ? { pid: args.pid } : {}),
    cwd: args.cwd,
  };
  return { origin, command: args.command };
}

/** Prints the decision (JSON with --json, else the words for a person or an agent) and gives the exit code. */
export function reportAsk(args: CliArgs, command: string, origin: Origin, result: PersonDecision, io: AskIo): number {
  // Made only when something is said: an allow by policy says nothing, and scanning the command costs ~1 ms.
  let masker: ((text: string) => string) | undefined;
  const mask = (text: string): string => (masker ??= maskerFor({ kind: 'shell', command }))(text);
  if (args.json) {
    io.stdout(JSON.stringify({ decision: result.decision, by: result.by, message: mask(result.message), verdict: maskedVerdict(result.verdict, mask) }) + '\n');
  } else {
    io.stderr(askOutput(origin, result, mask));
  }
  return result.decision === 'allow' ? EXIT.allow : EXIT.deny;
}

/** An interactive terminal of a person: `bash terminal`, `zsh terminal` (scripts and agents are not). */
function personAtTerminal(origin: Origin): boolean {
  return origin.door === 'terminal' && /^(bash|zsh) terminal$/.test(origin.agent ?? '');
}

/**
 * What `ask` prints: one short line for a person at an interactive terminal; for everyone else (an
 * agent's script, `bash -c`, a hook door) the line and then the message written for an agent.
 */
export function askOutput(origin: Origin, result: PersonDecision, mask: (text: string) => string = safeMask): string {
  if (result.decision === 'allow') {
    return result.by === 'policy' || personAtTerminal(origin) ? '' : `agent-guard: allowed (${result.by}): ${mask(result.message)}\n`;
  }
  const reason = result.by === 'unreachable' ? 'VS Code could not be asked, so it was blocked' : undefined;
  const line = mask(terminalBlockLine(result.verdict, reason));
  return personAtTerminal(origin) ? `${line}\n` : `${line}\n${mask(result.message)}\n`;
}
