// `agent-guard ask [--json] [--cwd DIR] [--door D] [--agent A] -- '<command line>'`: judge the command;
// when the verdict is `confirm`, ask the person in the VS Code window that owns the cwd and wait.
// Exit 0: it may run. Exit 20: blocked (by policy, by the person, by a timeout, or because no VS Code
// could be asked — fail closed).
import type { Policy } from '../engine/policy';
import type { CliArgs } from './cliArgs';
import { askOrigin, processIo, reportAsk } from './askOutput';
import type { AskIo } from './askOutput';
import { decideWithPerson } from './decideWithPerson';
import type { DecideOptions } from './decideWithPerson';

export { askOutput } from './askOutput';
export type { AskIo } from './askOutput';

export async function runAsk(args: CliArgs, policy: Policy, io: AskIo = processIo, overrides: Partial<DecideOptions> = {}): Promise<number> {
  const { origin, command } = askOrigin(args);
  const result = await decideWithPerson({ kind: 'shell', command }, origin, { cwd: args.cwd, policy, ...overrides });
  return reportAsk(args, command, origin, result, io);
}
