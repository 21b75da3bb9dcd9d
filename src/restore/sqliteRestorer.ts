// A SQLite database before destructive SQL on it (`sqlite3 app.db 'DELETE FROM t'`): copies of the
// database file and its `-wal`, `-shm` and `-journal` companions, kept and put back the way the files
// restorer keeps an overwritten file (the change the command made is its own; a later one is newer).
import * as fs from 'fs';
import * as path from 'path';
import { scanArgs } from '../engine/rules/scanArgs';
import { addEntry, describeFiles, restoreFiles, takeFiles } from './filesRestorer';
import type { FilesData, Walk } from './filesRestorer';
import { NOTHING_AT_RISK } from './restoreTypes';
import type { PlanResult, RestoreSubject, Restorer } from './restoreTypes';
import { formatBytes } from './restoreWords';

const SQLITE_CLIENTS: ReadonlySet<string> = new Set(['sqlite3', 'sqlite']);
/** sqlite3's options that take a value (it spells them with one dash). */
const WITH_VALUE: ReadonlySet<string> = new Set(['-cmd', '-separator', '-newline', '-nullvalue', '-init', '-vfs', '-maxsize', '-mmap', '-pagecache', '-lookaside', '-heap']);
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** The database file operand: the first word that is not an option or an option's value. */
function databaseOperand(args: readonly string[]): string | undefined {
  const s = scanArgs(args);
  for (let i = 0; i < args.length; i++) {
    if (WITH_VALUE.has(args[i])) {
      i++;
      continue;
    }
    if (args[i] === '--') return args[i + 1];
    if (!args[i].startsWith('-')) return args[i];
  }
  return s.positionals[0];
}

async function plan(subject: RestoreSubject): Promise<PlanResult> {
  if (!SQLITE_CLIENTS.has(subject.cmd.name)) return undefined;
  const destructive = subject.verdict.findings.some((f) => f.command === subject.cmd.text && String(f.category) === 'sql');
  if (!destructive) return undefined;
  const db = databaseOperand(subject.cmd.args);
  if (db === undefined || db === ':memory:') return NOTHING_AT_RISK;
  const i = subject.cmd.args.indexOf(db);
  if (subject.cmd.dynamic[i]) return { reason: `the database file \`${db}\` is not known before it runs` };
  const file = path.resolve(subject.cwd, db);
  if (!fs.existsSync(file)) return NOTHING_AT_RISK;
  const w: Walk = { entries: [], bytes: 0, until: Date.now() + 1000 };
  for (const suffix of COMPANIONS) addEntry(w, file + suffix, 'overwrite', false);
  const data: FilesData = { entries: w.entries };
  return { kind: 'sqlite', what: `the SQLite database \`${db}\` (${formatBytes(w.bytes)})`, bytes: w.bytes, paths: w.entries.map((e) => e.path), data };
}

export const sqliteRestorer: Restorer = { kind: 'sqlite', plan, take: takeFiles, restore: restoreFiles, describe: describeFiles };
