// `agent-guard restore --list [--json]` and `agent-guard restore <id> [--force]`: the restore points
// Agent Guard kept before actions it let through, newest first, and putting one back. Without
// --force nothing that changed since the point is overwritten; with it, what is there now is kept
// as a new point first. Database, cluster and state restores print the command for the person.
import { formatBytes } from '../restore/restoreWords';
import { describePoint, restorePoint } from '../restore/restorePoint';
import { listPoints, restoreStoreDir } from '../restore/restoreStore';
import { UsageError } from './cliArgs';

export interface RestoreIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

const processIo: RestoreIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
};

export const RESTORE_USAGE = `  agent-guard restore --list [--json]                          the restore points kept, newest first
  agent-guard restore <id> [--force]                           put one back (--force: overwrite changes made since)
`;

interface RestoreArgs {
  list: boolean;
  json: boolean;
  force: boolean;
  id?: string;
}

function parseRestoreArgs(args: readonly string[]): RestoreArgs {
  const out: RestoreArgs = { list: false, json: false, force: false };
  for (const a of args) {
    if (a === '--list') out.list = true;
    else if (a === '--json') out.json = true;
    else if (a === '--force') out.force = true;
    else if (a.startsWith('-')) throw new UsageError(`restore: unknown option ${a}`);
    else if (out.id === undefined) out.id = a;
    else throw new UsageError('restore takes one id');
  }
  if (!out.list && out.id === undefined) throw new UsageError('restore needs --list or a restore point id');
  if (out.list && out.id !== undefined) throw new UsageError('restore: --list takes no id');
  return out;
}

function list(store: string, json: boolean, io: RestoreIo): number {
  const { points, unreadable } = listPoints(store);
  if (json) {
    io.stdout(
      JSON.stringify(
        points.map((p) => ({ id: p.id, time: p.time, command: p.command, kind: p.kind, paths: p.paths, bytes: p.bytes, complete: p.complete, door: p.door, ...(p.agent ? { agent: p.agent } : {}), cwd: p.cwd })),
      ) + '\n',
    );
  } else if (points.length === 0) {
    io.stdout(`No restore points in ${store}.\n`);
  } else {
    for (const p of points) {
      io.stdout(`${p.id}  ${p.time}  ${p.kind}  ${formatBytes(p.bytes)}${p.complete ? '' : '  (partial)'}\n    ${p.command}\n    ${p.paths.slice(0, 5).join(', ')}${p.paths.length > 5 ? ', …' : ''}\n`);
    }
  }
  for (const u of unreadable) if (u.ageMs > 60_000) io.stderr(`agent-guard: restore point ${u.id} is unreadable (its manifest is missing or corrupt): ${u.dir}\n`);
  return 0;
}

export async function runRestore(args: readonly string[], io: RestoreIo = processIo): Promise<number> {
  const a = parseRestoreArgs(args);
  const store = restoreStoreDir();
  if (a.list) return list(store, a.json, io);
  let outcome;
  try {
    outcome = await restorePoint(store, a.id ?? '', { force: a.force });
  } catch (e) {
    io.stderr(`agent-guard: ${(e as Error).message}\n`);
    return 1;
  }
  if (typeof outcome === 'string') {
    io.stderr(`agent-guard: ${outcome}\n`);
    return 1;
  }
  const { manifest, report, savedAs } = outcome;
  io.stdout(`Restore point ${manifest.id} (${manifest.time}), before: ${manifest.command}\n`);
  for (const line of describePoint(store, manifest)) io.stdout(`  kept: ${line}\n`);
  for (const r of report.restored) io.stdout(`  restored: ${r}\n`);
  if (savedAs) io.stdout(`  what was there before this restore is kept as restore point ${savedAs}\n`);
  if (report.commands.length > 0) {
    io.stdout('Run this yourself to put it back:\n');
    for (const c of report.commands) io.stdout(`  ${c}\n`);
  }
  for (const n of report.notes) io.stdout(`  note: ${n}\n`);
  if (report.conflicts.length > 0) {
    io.stderr(`agent-guard: left alone because they changed since the point (run again with --force to overwrite them; what is there now is kept first):\n`);
    for (const c of report.conflicts) io.stderr(`  ${c}\n`);
    return 1;
  }
  if (report.restored.length === 0 && report.commands.length === 0) io.stdout('  nothing to put back: everything is as it was at the point\n');
  return 0;
}
