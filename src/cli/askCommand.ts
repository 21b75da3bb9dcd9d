// `agent-guard ask [--json] [--cwd DIR] [--door D] [--agent A] -- '<command line>'`: judge the command;
// when the verdict is `confirm`, ask the person in the VS Code window that owns the cwd and wait.
// Exit 0: it may run. Exit 20: blocked (by policy, by the person, by a timeout, or because no VS Code
// could be asked — fail closed).
import type { Policy } from '../engine/policy';
import type { Origin } from '../protocol/protocol';
import type { CliArgs } from './cliArgs';
import { UsageError } from './cliArgs';
import { EXIT } from './checkCommand';
import { maskedVerdict, maskerFor, safeMask } from '../log/logRecord';
import { terminalBlockLine } from '../outcome/personWords';
import { decideWithPerson } from './decideWithPerson';
import type { DecideOptions, PersonDecision } from './decideWithPerson';

const DOORS: ReadonlySet<string> = new Set<Origin['door']>(['hook', 'terminal', 'task', 'cli', 'command']);

export interface AskIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: AskIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

export async function runAsk(args: CliArgs, policy: Policy, io: AskIo = processIo, overrides: Partial<DecideOptions> = {}): Promise<number> {
  if (args.command === undefined || args.command.trim() === '') throw new UsageError("ask needs a command line after --, e.g. agent-guard ask -- 'dropdb app'");
  if (args.door !== undefined && !DOORS.has(args.door)) throw new UsageError(`--door must be one of ${[...DOORS].join(', ')}`);
  const origin: Origin = {
    door: (args.door as Origin['door'] | undefined) ?? 'cli',
    ...(args.agent ? { agent: args.agent } : {}),
    ...(args.pid !== undefined ? { pid: args.pid } : {}),
    cwd: args.cwd,
  };
  const result = await decideWithPerson({ kind: 'shell', command: args.command }, origin, { cwd: args.cwd, policy, ...overrides });
  if (args.json) {
    const mask = maskerFor({ kind: 'shell', command: args.command });
    io.stdout(JSON.stringify({ decision: result.decision, by: result.by, message: mask(result.message), verdict: maskedVerdict(result.verdict, mask) }) + '\n');
  } else {
    io.stderr(askOutput(origin, result, maskerFor({ kind: 'shell', command: args.command })));
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
