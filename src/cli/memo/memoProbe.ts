// Whether the fast path (cli-fast.js) could answer at all, for the loader to decide before loading it:
// a `check` or `ask` whose command has no memo record goes straight to the CLI proper, which saves loading
// the fast path on every first-seen command (≈ 2–3 ms). A hook always tries it: a payload names its
// command only once the host's adapter has read it, and file edits are answered there without a record.
import { parseCliArgs } from '../cliArgs';
import { engineIdentity, holdsRecord, memoDir, memoKey } from './verdictMemo';

export function fastPathMayAnswer(argv: readonly string[], distDir: string): boolean {
  const [verb, ...rest] = argv;
  if (verb === 'hook') return true;
  if (verb !== 'check' && verb !== 'ask') return false;
  try {
    const args = parseCliArgs(rest, process.cwd());
    const engine = engineIdentity(distDir);
    if (args.batch || args.command === undefined || engine === undefined) return false;
    const key = memoKey({ kind: 'shell', command: args.command }, args.cwd, engine);
    return key !== undefined && holdsRecord(key, memoDir());
  } catch {
    return false; // a usage error: the CLI proper says it
  }
}
