// `agent-guard ask [--json] [--cwd DIR] [--door D] [--agent A] -- '<command line>'`: judge the command;
// when the verdict is `confirm`, ask the person in the VS Code window that owns the cwd and wait.
// Exit 0: it may run. Exit 20: blocked (by policy, by the person, by a timeout, or because no VS Code
// could be asked — fail closed).
import type { Policy } from '../engine/policy';
import type { Origin } from '../protocol/protocol';
import type { CliArgs } from './cliArgs';
import { UsageError } from './cliArgs';
import { EXIT, formatVerdict } from './checkCommand';
import { decideWithPerson } from './decideWithPerson';
import type { DecideOptions } from './decideWithPerson';

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
    io.stdout(JSON.stringify({ decision: result.decision, by: result.by, message: result.message, verdict: result.verdict }) + '\n');
  } else if (result.decision === 'block') {
    io.stderr(formatVerdict(args.command, result.verdict));
    io.stderr(`BLOCKED (${result.by}): ${result.message}\n`);
  } else if (result.by !== 'policy') {
    io.stderr(`agent-guard: allowed (${result.by}): ${result.message}\n`);
  }
  return result.decision === 'allow' ? EXIT.allow : EXIT.deny;
}
