// `agent-guard check`: pure judgement, never contacts anything, so scripts and CI can use it.
// Exit status: 0 allow, 10 confirm, 20 deny (an internal error counts as confirm, never allow).
import { evaluate } from '../engine/evaluate';
import type { Policy } from '../engine/policy';
import type { EvalContext, Verdict } from '../engine/types';
import type { CliArgs } from './cliArgs';
import { UsageError } from './cliArgs';
import { fileReaderFor } from '../files/fileReader';
import { EXIT, formatVerdict, verdictJson } from './verdictOutput';
import { endRemembering } from './memo/memoSession';
import { writeOutput } from './writeOutput';

export { EXIT } from './verdictOutput';

/** What the engine is handed for a command run in `cwd`: the environment and the bounded file reader. */
export function contextFor(cwd: string): EvalContext {
  return { cwd, env: process.env, files: fileReaderFor(cwd) };
}

export function runCheck(args: CliArgs, policy: Policy): number {
  if (args.batch) throw new UsageError('--batch reads from stdin; use runCheckBatch');
  if (args.command === undefined) throw new UsageError("check needs a command: agent-guard check -- '<command line>'");
  const action = { kind: 'shell', command: args.command } as const;
  const v = evaluate(action, policy, contextFor(args.cwd));
  endRemembering({ action, cwd: args.cwd, verdict: v });
  void writeOutput(1, args.json ? verdictJson(v) + '\n' : formatVerdict(args.command, v));
  return EXIT[v.decision];
}

/**
 * JSON Lines in, JSON Lines out, same order: each input line is a JSON string (the command line)
 * or `{ "command": "…", "cwd": "…" }`. A line that does not parse gets a `confirm` verdict naming the
 * problem, so one bad line never shifts or stops the rest. Exit status is the most severe decision.
 */
export async function runCheckBatch(policy: Policy, defaultCwd: string, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let worst = 0;
  let buffered = '';
  const out: string[] = [];
  const flush = (): void => {
    if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  const handle = (line: string): void => {
    if (line.trim() === '') return;
    let command: string | undefined;
    let cwd = defaultCwd;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'string') command = parsed;
      else if (parsed && typeof parsed === 'object' && typeof (parsed as { command?: unknown }).command === 'string') {
        command = (parsed as { command: string }).command;
        const c = (parsed as { cwd?: unknown }).cwd;
        if (typeof c === 'string') cwd = c;
      }
    } catch {
      command = undefined;
    }
    let v: Verdict;
    if (command === undefined) {
      const summary = 'could not be read: the batch line is not a JSON string or {"command": …}';
      v = { decision: 'confirm', findings: [{ rule: 'cli.bad-input', category: 'opaque', severity: 'medium', summary, agentMessage: summary, source: 'builtin' }], environment: { name: 'unknown', production: false, source: 'unknown' } };
    } else v = evaluate({ kind: 'shell', command }, policy, contextFor(cwd));
    worst = Math.max(worst, EXIT[v.decision]);
    out.push(verdictJson(v));
    if (out.length >= 256) flush();
  };
  for await (const chunk of input) {
    buffered += chunk.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      handle(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
    }
  }
  handle(buffered);
  flush();
  return worst;
}
