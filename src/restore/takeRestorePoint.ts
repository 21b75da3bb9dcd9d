// Taking a planned point: make room (age limit, then oldest first), create the point's folder, let
// each part's restorer keep its data within its deadline, then write the manifest last. Local kinds
// get 2 s in all: past that the action waits no longer and the point is recorded as partial.
// Database, cluster and state dumps run on the server's side and get longer (the person already
// waited seconds in the modal for those). Never throws: a point must never make an allowed action fail.
import * as fs from 'fs';
import { releaseGitPart } from './gitRestorer';
import { restorerFor } from './planRestorePoint';
import { createPointDir, listPoints, pointsToEvict, removePointDir, staleUnfinished, writeManifest } from './restoreStore';
import type { StoreLimits } from './restoreStore';
import type { PlannedPart, RestoreKind, RestoreManifest, TakenPart } from './restoreTypes';

export const LOCAL_DEADLINE_MS = 2000;
export const SERVER_DEADLINE_MS = 30_000;
const SERVER_KINDS: ReadonlySet<RestoreKind> = new Set(['postgres', 'kubernetes', 'terraform']);

export interface PointHeader {
  id: string;
  command: string;
  door: string;
  agent?: string;
  cwd: string;
}

export interface TakenPoint {
  id: string;
  /** False when a part is missing something; `note` says what. */
  complete: boolean;
  note?: string;
  manifest?: RestoreManifest;
  /** Set when no point could be kept at all. */
  error?: string;
}

/** Lets go of what a point keeps outside its folder (git refs), then removes the folder. */
export async function discardPoint(store: string, m: RestoreManifest): Promise<void> {
  for (const part of m.parts) {
    if (part.kind === 'git') {
      try {
        await releaseGitPart(part, m.id);
      } catch {
        // A repository that moved or vanished holds nothing we could release.
      }
    }
  }
  removePointDir(store, m.id);
}

/** Frees room for `incoming` bytes. Returns false when it cannot fit even in an empty store. */
export async function makeRoom(store: string, limits: StoreLimits, incoming: number, now = Date.now()): Promise<boolean> {
  if (incoming > limits.maxBytes) return false;
  const listing = listPoints(store, now);
  for (const u of staleUnfinished(listing)) removePointDir(store, u.id);
  for (const m of pointsToEvict(listing.points, limits, incoming, now)) await discardPoint(store, m);
  return true;
}

export async function takeRestorePoint(store: string, limits: StoreLimits, header: PointHeader, parts: readonly PlannedPart[]): Promise<TakenPoint> {
  const start = Date.now();
  let dir: string | undefined;
  try {
    const incoming = parts.reduce((n, p) => n + p.bytes, 0);
    if (!(await makeRoom(store, limits, incoming, start))) return { id: header.id, complete: false, error: 'it is larger than the restore store quota' };
    dir = createPointDir(store, header.id);
    const taken: TakenPart[] = [];
    for (const part of parts) {
      const restorer = restorerFor(part.kind);
      if (!restorer) continue;
      const deadline = SERVER_KINDS.has(part.kind) ? Date.now() + SERVER_DEADLINE_MS : start + LOCAL_DEADLINE_MS;
      try {
        const t = await restorer.take(part, { dir, id: header.id, command: header.command, deadline });
        // Only what the restorer chose to record reaches the manifest: never the command's environment.
        taken.push({ kind: t.kind, what: t.what, paths: t.paths, bytes: t.bytes, complete: t.complete, ...(t.note ? { note: t.note } : {}), data: t.data });
      } catch (e) {
        taken.push({ kind: part.kind, what: part.what, paths: part.paths, bytes: 0, complete: false, note: `could not be kept (${(e as Error).message})`, data: {} });
      }
    }
    const complete = taken.every((t) => t.complete);
    const notes = taken.filter((t) => t.note).map((t) => `${t.kind}: ${t.note}`);
    const manifest: RestoreManifest = {
      v: 1,
      id: header.id,
      time: new Date(start).toISOString(),
      command: header.command,
      door: header.door,
      ...(header.agent ? { agent: header.agent } : {}),
      cwd: header.cwd,
      kind: [...new Set(taken.map((t) => t.kind))].join('+'),
      paths: taken.flatMap((t) => t.paths),
      bytes: taken.reduce((n, t) => n + t.bytes, 0),
      complete,
      parts: taken,
    };
    writeManifest(dir, manifest);
    return { id: header.id, complete, ...(notes.length ? { note: notes.join('; ') } : {}), manifest };
  } catch (e) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    return { id: header.id, complete: false, error: `the restore store could not keep it (${(e as Error).message})` };
  }
}
