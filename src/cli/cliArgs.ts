// Argument parsing shared by the CLI verbs: `[--json] [--cwd DIR] [--door D] [--agent A] [--batch] -- '<command line>'`.
export interface CliArgs {
  json: boolean;
  batch: boolean;
  cwd: string;
  door?: string;
  agent?: string;
  /** The asking shell's pid (a task's shell: the window maps it to the task's name). */
  pid?: number;
  command?: string;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--cwd', '--door', '--agent', '--pid']);

export function parseCliArgs(argv: readonly string[], defaultCwd: string): CliArgs {
  const args: CliArgs = { json: false, batch: false, cwd: defaultCwd };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--json') args.json = true;
    else if (a === '--batch') args.batch = true;
    else if (VALUE_FLAGS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--cwd') args.cwd = v;
      else if (a === '--door') args.door = v;
      else if (a === '--pid') {
        if (!/^\d+$/.test(v)) throw new UsageError('--pid needs a process id');
        args.pid = Number(v);
      }
      else args.agent = v;
      i++;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else break;
  }
  const rest = argv.slice(i);
  if (rest.length > 0) args.command = rest.join(' ');
  return args;
}
