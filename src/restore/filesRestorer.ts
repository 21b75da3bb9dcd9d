// Files a delete or overwrite removes: hard links into the point where the file will only be
// unlinked (the data stays on disk, costing no copy time), copies where its content will be replaced;
// symlinks as their target text; folders with their modes. Restoring puts back what is missing and
// what the command itself replaced, and leaves alone anything changed since unless forced.
import * as fs from 'fs';
import * as path from 'path';
import { emptyTargets, readFileTargets } from './fileTargets';
import { isRebuildable } from './rebuildable';
import { restoreStoreDir } from './restoreStore';
import { NOTHING_AT_RISK } from './restoreTypes';
import type { PlannedPart, PlanResult, RestoreReport, RestoreSubject, Restorer, TakenPart, TakeContext } from './restoreTypes';
import { formatBytes, plural } from './restoreWords';

/** A file changed later than this after the point was not the command's own write: it is a newer change. */
export const OWN_WRITE_GRACE_MS = 2 * 60 * 1000;
const MAX_ENTRIES = 50_000;
const PLAN_BUDGET_MS = 1500;

export interface FileEntry {
  path: string;
  type: 'file' | 'symlink' | 'dir';
  mode: number;
  size: number;
  /** `unlink`: the command removes it; `overwrite`: it replaces the content. */
  how: 'unlink' | 'overwrite';
  link?: string;
  /** Where in the point's folder the content is (files only), once taken. */
  stored?: string;
}

export interface FilesData extends Record<string, unknown> {
  entries: FileEntry[];
  takenAt?: number;
}

/** `*` and `?` in the last name only (`rm *.log`); anything fancier is not expanded. */
function matchesGlob(name: string, glob: string): boolean {
  let n = 0;
  let g = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === name[n])) {
      n++;
      g++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++mark;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length && !(name.startsWith('.') && !glob.startsWith('.'));
}

function expand(cwd: string, word: string): string[] {
  const abs = path.resolve(cwd, word);
  const base = path.basename(abs);
  if (!/[*?]/.test(base) || /[*?[]/.test(path.dirname(word))) return [abs];
  try {
    return fs.readdirSync(path.dirname(abs)).filter((n) => matchesGlob(n, base)).map((n) => path.join(path.dirname(abs), n));
  } catch {
    return [];
  }
}

export interface Walk {
  entries: FileEntry[];
  bytes: number;
  stop?: string;
  until: number;
}

export function addEntry(w: Walk, abs: string, how: FileEntry['how'], recursive: boolean): void {
  if (w.stop) return;
  if (w.entries.length >= MAX_ENTRIES) {
    w.stop = `more than ${MAX_ENTRIES} files`;
    return;
  }
  if (Date.now() > w.until) {
    w.stop = 'too many files to count in time';
    return;
  }
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch {
    return; // nothing there: nothing to lose
  }
  if (st.isSymbolicLink()) {
    w.entries.push({ path: abs, type: 'symlink', mode: st.mode & 0o7777, size: 0, how, link: fs.readlinkSync(abs) });
  } else if (st.isFile()) {
    w.entries.push({ path: abs, type: 'file', mode: st.mode & 0o7777, size: st.size, how });
    w.bytes += st.size;
  } else if (st.isDirectory() && recursive && how === 'unlink') {
    w.entries.push({ path: abs, type: 'dir', mode: st.mode & 0o7777, size: 0, how });
    let names: string[] = [];
    try {
      names = fs.readdirSync(abs);
    } catch {
      w.stop = `\`${abs}\` cannot be read`;
      return;
    }
    for (const n of names) if (!isRebuildable(n)) addEntry(w, path.join(abs, n), how, true);
  }
}

async function plan(subject: RestoreSubject): Promise<PlanResult> {
  const isDir = (p: string): boolean => {
    try {
      return fs.statSync(path.resolve(subject.cwd, p)).isDirectory();
    } catch {
      return false;
    }
  };
  const t = subject.cmd.name === 'git' ? emptyTargets() : readFileTargets(subject.cmd, isDir);
  if (t.unlink.length === 0 && t.overwrite.length === 0) return t.unknown.length ? { reason: `files named by ${t.unknown.map((u) => `\`${u}\``).join(', ')} are not known before it runs` } : undefined;
  const w: Walk = { entries: [], bytes: 0, until: Date.now() + PLAN_BUDGET_MS };
  // A rebuildable target as written (`rm -rf dist`, `web/node_modules`) and such folders inside a tree get no point.
  const kept = (word: string): boolean => path.isAbsolute(word) || !isRebuildable(word);
  // Points of the store itself would only copy the store into itself.
  const store = restoreStoreDir() + path.sep;
  const outsideStore = (abs: string): boolean => !(abs + path.sep).startsWith(store);
  for (const u of t.unlink) if (kept(u.path)) for (const abs of expand(subject.cwd, u.path)) if (outsideStore(abs)) addEntry(w, abs, 'unlink', u.recursive);
  for (const o of t.overwrite) if (kept(o)) for (const abs of expand(subject.cwd, o)) if (outsideStore(abs)) addEntry(w, abs, 'overwrite', false);
  if (w.stop) return { reason: w.stop };
  const files = w.entries.filter((e) => e.type !== 'dir');
  if (files.length === 0) return NOTHING_AT_RISK;
  const data: FilesData = { entries: w.entries };
  return { kind: 'files', what: `${plural(files.length, 'file')} (${formatBytes(w.bytes)})`, bytes: w.bytes, paths: files.map((e) => e.path), data };
}

/** Keeps one file: a hard link when it will only be unlinked, else a copy (a clone where the file system can). */
function keep(e: FileEntry, dest: string): void {
  if (e.how === 'unlink') {
    try {
      fs.linkSync(e.path, dest);
      return;
    } catch {
      // Another file system, or links not allowed: copy instead.
    }
  }
  fs.copyFileSync(e.path, dest, fs.constants.COPYFILE_FICLONE);
}

export async function takeFiles(part: PlannedPart, ctx: TakeContext): Promise<TakenPart> {
  const d = part.data as FilesData;
  const entries: FileEntry[] = [];
  const missed: string[] = [];
  fs.mkdirSync(path.join(ctx.dir, 'files'), { mode: 0o700 });
  let n = 0;
  for (const e of d.entries) {
    if (e.type !== 'file') {
      entries.push(e);
      continue;
    }
    if (Date.now() > ctx.deadline) {
      missed.push(e.path);
      continue;
    }
    const stored = path.join('files', String(n++));
    try {
      keep(e, path.join(ctx.dir, stored));
      entries.push({ ...e, stored });
    } catch (err) {
      missed.push(`${e.path} (${(err as Error).message})`);
    }
  }
  const note = missed.length ? `not kept: ${missed.slice(0, 5).join(', ')}${missed.length > 5 ? ` and ${missed.length - 5} more` : ''}` : undefined;
  const data: FilesData = { entries, takenAt: Date.now() };
  return { kind: part.kind, what: part.what, paths: part.paths, bytes: part.bytes, complete: missed.length === 0, ...(note ? { note } : {}), data };
}

function sameContent(a: string, b: string): boolean {
  const sa = fs.statSync(a);
  const sb = fs.statSync(b);
  if (sa.size !== sb.size) return false;
  if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  const fa = fs.openSync(a, 'r');
  const fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 16);
    const bb = Buffer.alloc(1 << 16);
    for (;;) {
      const ra = fs.readSync(fa, ba, 0, ba.length, null);
      const rb = fs.readSync(fb, bb, 0, bb.length, null);
      if (ra !== rb || !ba.subarray(0, ra).equals(bb.subarray(0, rb))) return false;
      if (ra === 0) return true;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

/** What is at `p` now compared with the kept entry: `missing`, `same`, `own-write` (the command's result), or `newer`. */
export function currentState(e: FileEntry, dir: string, takenAt: number): 'missing' | 'same' | 'own-write' | 'newer' {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(e.path);
  } catch {
    return 'missing';
  }
  if (e.type === 'symlink') return st.isSymbolicLink() && fs.readlinkSync(e.path) === e.link ? 'same' : 'newer';
  if (e.type === 'dir') return st.isDirectory() ? 'same' : 'newer';
  if (!st.isFile() || !e.stored) return 'newer';
  if (sameContent(e.path, path.join(dir, e.stored))) return 'same';
  return e.how === 'overwrite' && st.mtimeMs <= takenAt + OWN_WRITE_GRACE_MS ? 'own-write' : 'newer';
}

function putBack(e: FileEntry, dir: string): void {
  fs.mkdirSync(path.dirname(e.path), { recursive: true });
  if (e.type === 'dir') {
    fs.mkdirSync(e.path, { recursive: true, mode: e.mode });
    return;
  }
  if (e.type === 'symlink') {
    fs.rmSync(e.path, { force: true });
    fs.symlinkSync(e.link ?? '', e.path);
    return;
  }
  const tmp = `${e.path}.agent-guard-restore-${process.pid}`;
  fs.copyFileSync(path.join(dir, e.stored ?? ''), tmp);
  fs.chmodSync(tmp, e.mode);
  fs.renameSync(tmp, e.path);
}

export async function restoreFiles(part: TakenPart, dir: string, opts: { force: boolean }): Promise<RestoreReport> {
  const d = part.data as FilesData;
  const report: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
  // Folders first (shallow before deep), so their files have somewhere to go; their modes last.
  const dirs = d.entries.filter((e) => e.type === 'dir').sort((a, b) => a.path.length - b.path.length);
  for (const e of dirs) fs.mkdirSync(e.path, { recursive: true, mode: 0o700 });
  for (const e of d.entries) {
    if (e.type === 'dir') continue;
    if (e.type === 'file' && !e.stored) continue;
    const state = currentState(e, dir, d.takenAt ?? 0);
    if (state === 'same') continue;
    if (state === 'newer' && !opts.force) {
      report.conflicts.push(e.path);
      continue;
    }
    try {
      putBack(e, dir);
      report.restored.push(e.path);
    } catch (err) {
      report.notes.push(`${e.path}: ${(err as Error).message}`);
    }
  }
  for (const e of dirs.reverse()) {
    try {
      fs.chmodSync(e.path, e.mode);
    } catch {
      // A folder we cannot chmod keeps working with the mode it has.
    }
  }
  return report;
}

export function describeFiles(part: TakenPart): string {
  const d = part.data as FilesData;
  const files = d.entries.filter((e) => e.type !== 'dir');
  const shown = files.slice(0, 8).map((e) => e.path);
  return `${shown.join(', ')}${files.length > shown.length ? ` and ${files.length - shown.length} more` : ''}`;
}

export const filesRestorer: Restorer = { kind: 'files', plan, take: takeFiles, restore: restoreFiles, describe: describeFiles };
