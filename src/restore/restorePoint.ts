// Putting a point back, for the CLI and the window alike. Each part's restorer restores what is safe
// (missing, or exactly what the command itself left) and reports what changed since as conflicts.
// With force, what is there now is first kept as a new restore point, so even a forced restore
// deletes nothing for good.
import * as path from 'path';
import { addEntry } from './filesRestorer';
import type { FilesData, Walk } from './filesRestorer';
import { restorerFor } from './planRestorePoint';
import { RESTORE_DEFAULTS } from './restoreSettings';
import { newPointId, pointDir, readManifest } from './restoreStore';
import type { RestoreManifest, RestoreReport } from './restoreTypes';
import { takeRestorePoint } from './takeRestorePoint';

export interface RestoreOutcome {
  manifest: RestoreManifest;
  report: RestoreReport;
  /** The point that keeps what a forced restore overwrote. */
  savedAs?: string;
}

export function loadPoint(store: string, id: string): RestoreManifest | string {
  const dir = pointDir(store, id);
  if (!dir) return `"${id}" is not a restore point id (see agent-guard restore --list)`;
  return readManifest(dir) ?? `restore point ${id} does not exist or its manifest is unreadable`;
}

/** What comes back, one line per part, for a preview. */
export function describePoint(store: string, m: RestoreManifest): string[] {
  const dir = pointDir(store, m.id) ?? '';
  return m.parts.map((p) => {
    const r = restorerFor(p.kind);
    const text = r ? r.describe(p, dir) : `${p.kind} (not known to this version)`;
    return `${text}${p.complete ? '' : ` — partial: ${p.note ?? 'not everything was kept'}`}`;
  });
}

async function runParts(m: RestoreManifest, dir: string, force: boolean): Promise<RestoreReport> {
  const all: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
  for (const part of m.parts) {
    const r = restorerFor(part.kind);
    if (!r) {
      all.notes.push(`a ${part.kind} part cannot be restored by this version`);
      continue;
    }
    try {
      const one = await r.restore(part, dir, { force });
      all.restored.push(...one.restored);
      all.conflicts.push(...one.conflicts);
      all.commands.push(...one.commands);
      all.notes.push(...one.notes);
    } catch (e) {
      all.notes.push(`${part.kind}: ${(e as Error).message}`);
    }
  }
  return all;
}

/** Keeps the current content of paths a forced restore is about to overwrite. */
async function keepCurrent(store: string, m: RestoreManifest, paths: string[]): Promise<string | undefined> {
  const w: Walk = { entries: [], bytes: 0, until: Date.now() + 10_000 };
  for (const p of paths) if (path.isAbsolute(p)) addEntry(w, p, 'overwrite', false);
  if (w.entries.length === 0) return undefined;
  const data: FilesData = { entries: w.entries };
  const id = newPointId();
  const header = { id, command: `agent-guard restore ${m.id} --force`, door: 'cli', cwd: m.cwd };
  const limits = { maxBytes: Number.MAX_SAFE_INTEGER, maxAgeDays: RESTORE_DEFAULTS.maxAgeDays };
  const taken = await takeRestorePoint(store, limits, header, [{ kind: 'files', what: 'files a forced restore overwrote', bytes: w.bytes, paths: w.entries.map((e) => e.path), data }]);
  if (taken.error || !taken.complete) throw new Error(`what is there now could not be kept first (${taken.error ?? taken.note}); nothing was overwritten`);
  return id;
}

export async function restorePoint(store: string, id: string, opts: { force: boolean }): Promise<RestoreOutcome | string> {
  const m = loadPoint(store, id);
  if (typeof m === 'string') return m;
  const dir = pointDir(store, id) ?? '';
  const first = await runParts(m, dir, false);
  if (!opts.force || first.conflicts.length === 0) return { manifest: m, report: first };
  const savedAs = await keepCurrent(store, m, first.conflicts);
  const second = await runParts(m, dir, true);
  // The first pass already printed the commands for the person; report them once.
  return {
    manifest: m,
    report: { restored: [...first.restored, ...second.restored], conflicts: second.conflicts, commands: first.commands, notes: [...first.notes, ...second.notes.filter((n) => !first.notes.includes(n))] },
    ...(savedAs ? { savedAs } : {}),
  };
}
