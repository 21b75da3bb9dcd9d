// Decisions the CLI takes without reaching a VS Code window (allowed or denied by policy, or blocked
// because no window answered) must still reach the decision log, which has one writer: the
// extension. The CLI appends them to a spool file in an owner-only folder; each window drains the
// spool into its log at start and every few seconds. Draining renames the file first, so two windows
// never read the same lines twice, and the renamed file is deleted only after its lines are in the
// log: a window that dies mid-drain leaves the file for the next one (no line is lost).
import * as fs from 'fs';
import * as path from 'path';
import { stateFolder } from '../settings/stateFolder';
import { parseLogLine } from './logEntry';
import type { LogEntry } from './logEntry';

const SPOOL_FILE = 'decisions.jsonl';
const DRAINING_PREFIX = 'draining-';
/** A draining file this old belongs to a window that died mid-drain: take it over. */
const STALE_DRAIN_MS = 60_000;

/** `AGENT_GUARD_SPOOL_DIR`, else `~/.agent-guard/spool` (stable across the different runtime dirs hooks see). */
export function spoolDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENT_GUARD_SPOOL_DIR && path.isAbsolute(env.AGENT_GUARD_SPOOL_DIR) ? env.AGENT_GUARD_SPOOL_DIR : path.join(stateFolder(), 'spool');
}

/**
 * One line, appended with O_APPEND in a single write: concurrent CLIs never interleave within a line.
 * Never throws: a decision the CLI already took must not turn into a crash; the failure is reported.
 */
export function appendToSpool(entry: LogEntry, dir: string, report: (m: string) => void = (m) => process.stderr.write(m + '\n')): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.appendFileSync(path.join(dir, SPOOL_FILE), JSON.stringify(entry) + '\n', { mode: 0o600 });
  } catch (e) {
    report(`agent-guard: could not record this decision for the VS Code log (${(e as Error).message})`);
  }
}

function claimFiles(dir: string, now: number): string[] {
  const claimed: string[] = [];
  const target = path.join(dir, `${DRAINING_PREFIX}${process.pid}-${now}-${Math.random().toString(36).slice(2, 8)}.jsonl`);
  try {
    fs.renameSync(path.join(dir, SPOOL_FILE), target);
    claimed.push(target);
  } catch {
    // Nothing spooled, or another window took it first.
  }
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return claimed;
  }
  for (const name of names) {
    if (!name.startsWith(DRAINING_PREFIX)) continue;
    const full = path.join(dir, name);
    if (claimed.includes(full)) continue;
    try {
      if (now - fs.statSync(full).mtimeMs < STALE_DRAIN_MS) continue;
      const retaken = path.join(dir, `${DRAINING_PREFIX}${process.pid}-${now}-${Math.random().toString(36).slice(2, 8)}.jsonl`);
      fs.renameSync(full, retaken);
      claimed.push(retaken);
    } catch {
      // Taken by another window meanwhile.
    }
  }
  return claimed;
}

/**
 * Moves every spooled entry into `sink` (the decision log). Returns how many were moved. Corrupt
 * lines are skipped with a warning. If `sink` fails, the claimed file stays and is retried later.
 */
export async function drainSpool(dir: string, sink: (entries: LogEntry[]) => Promise<void>, warn: (m: string) => void, now = Date.now()): Promise<number> {
  let moved = 0;
  for (const file of claimFiles(dir, now)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      warn(`could not read spooled decisions ${file}: ${(e as Error).message}`);
      continue;
    }
    const entries: LogEntry[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const entry = parseLogLine(line);
      if (entry) entries.push(entry);
      else skipped++;
    }
    if (skipped > 0) warn(`skipped ${skipped} corrupt spooled decision line(s) in ${file}`);
    await sink(entries);
    fs.rmSync(file, { force: true });
    moved += entries.length;
  }
  return moved;
}
