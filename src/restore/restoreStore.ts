// The restore store: `~/.agent-guard/restore/` (beside the spool, outside every workspace), owner-only,
// one folder per point holding the kept data and a `manifest.json`. The manifest is written last and
// atomically (temp file + rename), so a reader sees a whole point or none; ids carry time, pid and
// randomness and each folder is created exclusively, so two CLIs taking points at once never mix them.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { ensureOwnerOnlyDir, stateFolder } from '../settings/stateFolder';
import type { RestoreManifest } from './restoreTypes';

export const MANIFEST = 'manifest.json';
/** A folder with no manifest this old belongs to a point whose taker died: eviction removes it. */
const STALE_UNFINISHED_MS = 60 * 60 * 1000;
const ID_RE = /^\d{8}-\d{6}-[a-z0-9]{8}$/;

/**
 * `~/.agent-guard/restore`. Not from an environment variable: the agent sets the environment of its
 * own commands and must not be able to move (or drop) the points kept against it.
 */
export function restoreStoreDir(home: string = os.homedir()): string {
  return path.join(stateFolder(home), 'restore');
}

/** `20261202-091500-k3j9x2ab`: sorts by time, unique across processes, safe as a folder and a git ref name. */
export function newPointId(now: Date = new Date()): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  const rand = crypto.randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0').slice(-8);
  return `${stamp}-${rand}`;
}

export function isPointId(id: string): boolean {
  return ID_RE.test(id);
}

/** Creates the store (0700) and the point's own folder; throws with a reason the modal can show. */
export function createPointDir(store: string, id: string): string {
  ensureOwnerOnlyDir(store);
  if (!fs.lstatSync(store).isDirectory()) throw new Error(`${store} is not a folder`);
  const dir = path.join(store, id);
  fs.mkdirSync(dir, { mode: 0o700 }); // exclusive: fails if the id were ever taken twice
  return dir;
}

/** Writes the manifest atomically: readers see the old state or the whole new one. */
export function writeManifest(dir: string, manifest: RestoreManifest): void {
  writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 0o600);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The manifest of a point, or undefined when it is missing or not ours (a corrupt point). */
export function readManifest(dir: string): RestoreManifest | undefined {
  let v: unknown;
  try {
    v = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(v) || v.v !== 1 || typeof v.id !== 'string' || !isPointId(v.id) || typeof v.time !== 'string') return undefined;
  if (typeof v.command !== 'string' || typeof v.kind !== 'string' || !Array.isArray(v.paths) || !Array.isArray(v.parts)) return undefined;
  if (typeof v.bytes !== 'number' || path.basename(dir) !== v.id) return undefined;
  return v as unknown as RestoreManifest;
}

export interface StoreListing {
  /** Newest first. */
  points: RestoreManifest[];
  /** Folders that are not a readable point (corrupt, or still being taken), with their age. */
  unreadable: { id: string; dir: string; ageMs: number }[];
}

export function listPoints(store: string, now: number = Date.now()): StoreListing {
  const out: StoreListing = { points: [], unreadable: [] };
  let names: string[];
  try {
    names = fs.readdirSync(store);
  } catch {
    return out;
  }
  for (const name of names) {
    if (!isPointId(name)) continue;
    const dir = path.join(store, name);
    const m = readManifest(dir);
    if (m) out.points.push(m);
    else {
      let ageMs = 0;
      try {
        ageMs = now - fs.statSync(dir).mtimeMs;
      } catch {
        continue;
      }
      out.unreadable.push({ id: name, dir, ageMs });
    }
  }
  out.points.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.id < b.id ? 1 : -1));
  return out;
}

export function pointDir(store: string, id: string): string | undefined {
  return isPointId(id) ? path.join(store, id) : undefined;
}

export interface StoreLimits {
  maxBytes: number;
  maxAgeDays: number;
}

/**
 * Which points to drop so that `incoming` more bytes fit: first those past the age limit, then the
 * oldest until the rest fit the quota. Pure, so the order is tested on its own.
 */
export function pointsToEvict(points: readonly RestoreManifest[], limits: StoreLimits, incoming: number, now: number): RestoreManifest[] {
  const maxAgeMs = limits.maxAgeDays * 24 * 60 * 60 * 1000;
  const oldestFirst = [...points].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const evict: RestoreManifest[] = [];
  let total = 0;
  for (const p of oldestFirst) total += p.bytes;
  for (const p of oldestFirst) {
    const tooOld = now - Date.parse(p.time) > maxAgeMs;
    if (tooOld || total + incoming > limits.maxBytes) {
      evict.push(p);
      total -= p.bytes;
    }
  }
  return evict;
}

/** Removes a point's folder; the caller first lets its restorers release what they keep elsewhere (git refs). */
export function removePointDir(store: string, id: string): void {
  const dir = pointDir(store, id);
  if (!dir) return;
  makeWritable(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Kept copies keep their modes, so a read-only file's copy is read-only: give the owner write back before removing. */
function makeWritable(dir: string): void {
  let entries: fs.Dirent[];
  try {
    fs.chmodSync(dir, 0o700);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) makeWritable(path.join(dir, e.name));
  }
}

export function staleUnfinished(listing: StoreListing): { id: string; dir: string }[] {
  return listing.unreadable.filter((u) => u.ageMs > STALE_UNFINISHED_MS);
}
