// `agent-guard` CLI entry. Never imports `vscode`: it runs with plain node from hooks and shells.
// Verbs: check (pure), ask (asks the person through VS Code on confirm), hook <host> (agent hooks).
import { parseCliArgs, UsageError } from './cliArgs';
import { EXIT, runCheck, runCheckBatch } from './checkCommand';
import { loadPolicyForCwd } from './loadPolicy';
import { runHookCommand } from './hookCommand';
import { runAsk } from './askCommand';
import { armStallWatchdogFor } from './stallWatchdog';
import { RESTORE_USAGE, runRestore } from './restoreCommand';
import { beginRemembering } from './memo/memoSession';
import { noteRunKind } from './runKind';

const USAGE = `usage:
  agent-guard check [--json] [--cwd DIR] -- '<command line>'   judge a command (exit 0 allow, 10 confirm, 20 deny)
  agent-guard check --batch --json                             JSON Lines on stdin, one verdict per line
  agent-guard ask [--json] [--cwd DIR] [--door D] [--agent A] -- '<command line>'
                                                               judge, and ask the person in VS Code when needed
                                                               (exit 0 may run, 20 blocked)
  agent-guard hook <claude|copilot|cursor|gemini|codex|windsurf|cline>
                                                               answer an agent host's pre-tool hook (JSON on stdin)
${RESTORE_USAGE}`;

function fail(err: unknown, verb: string | undefined): number {
  if (verb === 'hook') {
    // Agent hosts block on exit 2 and may run the call on anything else: an error here must block.
    process.stderr.write(`agent-guard: internal error, blocking: ${(err as Error)?.message ?? String(err)}. Stop and ask the person.\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`agent-guard: ${err.message}\n${USAGE}`);
    return EXIT.usage;
  }
  // An internal error is reported and counts as confirm, never allow.
  process.stderr.write(`agent-guard: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.confirm;
}

async function main(argv: string[]): Promise<number | undefined> {
  const [verb, ...rest] = argv;
  // A deadline outside the engine's thread: a check that stalls still answers (src/cli/stallWatchdog.ts).
  armStallWatchdogFor(argv);
  // What a single decision reads is recorded, so a clean allow can be answered again without the engine.
  if (verb === 'hook' || verb === 'ask' || (verb === 'check' && !rest.includes('--batch'))) beginRemembering(__dirname);
  switch (verb) {
    case 'check': {
      const args = parseCliArgs(rest, process.cwd());
      const policy = loadPolicyForCwd(args.cwd);
      if (args.batch) return runCheckBatch(policy, args.cwd);
      return runCheck(args, policy);
    }
    case 'ask': {
      const args = parseCliArgs(rest, process.cwd());
      return runAsk(args, loadPolicyForCwd(args.cwd));
    }
    case 'restore':
      return runRestore(rest);
    case 'hook':
      await runHookCommand(rest);
      return undefined; // it sets the exit code and ends the process once the host has its answer
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    case undefined:
      throw new UsageError('a verb is needed');
    default:
      throw new UsageError(`unknown verb "${verb}"`);
  }
}

void (async () => {
  let code: number | undefined;
  try {
    code = await main(process.argv.slice(2));
  } catch (err) {
    code = fail(err, process.argv[2]);
  }
  if (code !== undefined) {
    process.exitCode = code;
    noteRunKind(`${process.argv[2]}:${code}`);
  }
})();
