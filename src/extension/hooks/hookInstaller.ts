// Writes, removes and checks Agent Guard's hook entries in each host's config file. Plain node (no
// `vscode`): merging keeps every other hook and the file's formatting, a second install changes
// nothing, every change is preceded by a backup, and removal takes out exactly what was written.
import * as fs from 'fs';
import * as path from 'path';
import type { HookTarget, HostId, JsonInsertion } from '../../hosts/hostTypes';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import { isAgentGuardCommand } from '../../hosts/launcher';
import type { InstallRecord } from './installRecord';
import { HookFileError, parseObject, sameJson, setAt, valueAt } from './jsonEdit';

export interface InstallResult {
  changed: boolean;
  record: InstallRecord;
  summary: string;
}

export interface RemoveResult {
  changed: boolean;
  summary: string;
  /** Entries that looked like Agent Guard's but differed from what was written: left in place. */
  leftInPlace: number;
}

export type HookState = 'protected' | 'not-installed' | 'out-of-date';

export interface HookStatus {
  state: HookState;
  detail: string;
  /** An entry Agent Guard wrote was removed or edited by someone else: report it and log it. */
  tampered: boolean;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HookFileError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Atomic replace (temp file + rename in the same folder), keeping the old file's mode. */
function writeText(file: string, text: string, mode?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let keep = mode;
  try {
    keep = fs.statSync(file).mode & 0o7777;
  } catch {
    // New file.
  }
  writeFileAtomic(file, text, keep ?? 0o644);
}

function backup(file: string, text: string, backupDir: string, host: HostId): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const safe = file.replace(/[^\w.-]+/g, '_').slice(-120);
  const dest = path.join(backupDir, `${host}-${stamp}-${safe}`);
  fs.writeFileSync(dest, text, { mode: 0o600 });
  return dest;
}

function isOurs(entry: unknown, host: HostId): boolean {
  return isAgentGuardCommand(JSON.stringify(entry ?? null), host);
}

function arrayAt(root: unknown, p: string[], file: string): unknown[] | undefined {
  const v = valueAt(root, p);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new HookFileError(`${file}: \`${p.join('.')}\` is not a list; Agent Guard left the file unchanged`);
  return v;
}

/** Containers on the way to `p` (and `p` itself) that do not exist yet. */
function missingPaths(root: unknown, p: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 1; i <= p.length; i++) if (valueAt(root, p.slice(0, i)) === undefined) out.push(p.slice(0, i));
  return out;
}

function installJson(t: Extract<HookTarget, { kind: 'json' }>, previous: InstallRecord | undefined, backupDir: string): InstallResult {
  const original = readText(t.file);
  let text = original ?? '';
  const createdPaths: string[][] = [...(previous?.createdPaths ?? [])];
  const rootKeysAdded: string[] = [...(previous?.rootKeysAdded ?? [])];
  let changes = 0;
  let root = parseObject(text, t.file);
  for (const [key, value] of Object.entries(t.rootDefaults ?? {})) {
    if (root[key] === undefined) {
      text = setAt(text, [key], value);
      rootKeysAdded.push(key);
      changes++;
      root = parseObject(text, t.file);
    }
  }
  for (const ins of t.insertions) {
    const list = arrayAt(root, ins.path, t.file);
    if (list?.some((e) => sameJson(e, ins.entry))) {
      // Already exactly right: drop any stale duplicates of ours, keep everything else.
      const stale = list.map((e, i) => ({ e, i })).filter(({ e }) => isOurs(e, t.host) && !sameJson(e, ins.entry));
      for (const { i } of stale.reverse()) text = setAt(text, [...ins.path, i], undefined);
      changes += stale.length;
    } else if (list && list.some((e) => isOurs(e, t.host))) {
      // An older entry of ours (extension moved, edited): replace it in place.
      const idx = list.findIndex((e) => isOurs(e, t.host));
      text = setAt(text, [...ins.path, idx], ins.entry);
      changes++;
    } else if (list) {
      text = setAt(text, [...ins.path, list.length], ins.entry, true);
      changes++;
    } else {
      for (const p of missingPaths(root, ins.path)) if (!createdPaths.some((c) => sameJson(c, p))) createdPaths.push(p);
      text = setAt(text, ins.path, [ins.entry]);
      changes++;
    }
    root = parseObject(text, t.file);
  }
  const record: InstallRecord = {
    host: t.host,
    scope: t.scope,
    file: t.file,
    kind: 'json',
    command: t.command,
    insertions: t.insertions,
    createdFile: previous?.createdFile ?? original === undefined,
    createdPaths,
    rootKeysAdded,
    backup: previous?.backup,
    installedAt: previous?.installedAt ?? new Date().toISOString(),
  };
  if (changes === 0) return { changed: false, record, summary: `${t.file}: already up to date` };
  if (original !== undefined) record.backup = backup(t.file, original, backupDir, t.host);
  record.installedAt = new Date().toISOString();
  if (!text.endsWith('\n')) text += '\n';
  writeText(t.file, text);
  return { changed: true, record, summary: `${t.file}: hook ${original === undefined ? 'written (new file)' : 'added'}` };
}

function installScript(t: Extract<HookTarget, { kind: 'script' }>, previous: InstallRecord | undefined, backupDir: string): InstallResult {
  const original = readText(t.file);
  const record: InstallRecord = {
    host: t.host,
    scope: t.scope,
    file: t.file,
    kind: 'script',
    command: t.command,
    content: t.content,
    createdFile: previous?.createdFile ?? original === undefined,
    createdPaths: [],
    rootKeysAdded: [],
    backup: previous?.backup,
    installedAt: previous?.installedAt ?? new Date().toISOString(),
  };
  if (original === t.content) {
    if (process.platform !== 'win32') fs.chmodSync(t.file, 0o755);
    return { changed: false, record, summary: `${t.file}: already up to date` };
  }
  if (original !== undefined && !isAgentGuardCommand(original, t.host)) {
    // Cline runs one `PreToolUse` executable: someone else's is never overwritten.
    throw new HookFileError(`${t.file} already holds another PreToolUse hook; Agent Guard did not replace it. Call \`~/.agent-guard/bin/agent-guard-hook cline\` from that script (passing its stdin on), or remove it and set up again.`);
  }
  if (original !== undefined) record.backup = backup(t.file, original, backupDir, t.host);
  writeText(t.file, t.content, 0o755);
  if (process.platform !== 'win32') fs.chmodSync(t.file, 0o755);
  record.installedAt = new Date().toISOString();
  return { changed: true, record, summary: `${t.file}: hook script ${original === undefined ? 'written' : 'updated'}` };
}

/** Installs (or refreshes) the hook; a second call with the same target changes nothing. */
export function installHook(t: HookTarget, previous: InstallRecord | undefined, backupDir: string): InstallResult {
  return t.kind === 'json' ? installJson(t, previous, backupDir) : installScript(t, previous, backupDir);
}

function isEmptyContainer(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

function removeJson(r: InstallRecord, backupDir: string): RemoveResult {
  const original = readText(r.file);
  if (original === undefined) return { changed: false, leftInPlace: 0, summary: `${r.file}: already gone` };
  let text = original;
  let root = parseObject(text, r.file);
  let removed = 0;
  let leftInPlace = 0;
  for (const ins of r.insertions ?? []) {
    const list = arrayAt(root, ins.path, r.file) ?? [];
    const exact = list.map((e, i) => ({ e, i })).filter(({ e }) => sameJson(e, ins.entry));
    leftInPlace += list.filter((e) => isOurs(e, r.host) && !sameJson(e, ins.entry)).length;
    for (const { i } of exact.reverse()) text = setAt(text, [...ins.path, i], undefined);
    removed += exact.length;
    root = parseObject(text, r.file);
  }
  // Containers Agent Guard created and that are empty again go too; anything someone added stays.
  for (const p of [...r.createdPaths].sort((a, b) => b.length - a.length)) {
    if (isEmptyContainer(valueAt(root, p))) {
      text = setAt(text, p, undefined);
      root = parseObject(text, r.file);
    }
  }
  const onlyOurRootKeys = Object.keys(root).every((k) => r.rootKeysAdded.includes(k));
  if (r.createdFile && onlyOurRootKeys) {
    backup(r.file, original, backupDir, r.host);
    fs.unlinkSync(r.file);
    return { changed: true, leftInPlace, summary: `${r.file}: removed (Agent Guard had created it)` };
  }
  if (text === original) return { changed: false, leftInPlace, summary: `${r.file}: no Agent Guard entry left to remove` };
  backup(r.file, original, backupDir, r.host);
  writeText(r.file, text.endsWith('\n') ? text : text + '\n');
  return { changed: true, leftInPlace, summary: `${r.file}: ${removed} Agent Guard entr${removed === 1 ? 'y' : 'ies'} removed` };
}

function removeScript(r: InstallRecord, backupDir: string): RemoveResult {
  const original = readText(r.file);
  if (original === undefined) return { changed: false, leftInPlace: 0, summary: `${r.file}: already gone` };
  if (original !== r.content) return { changed: false, leftInPlace: 1, summary: `${r.file}: changed since Agent Guard wrote it; left in place` };
  backup(r.file, original, backupDir, r.host);
  fs.unlinkSync(r.file);
  return { changed: true, leftInPlace: 0, summary: `${r.file}: removed` };
}

/** Undoes exactly what `record` says was written. */
export function removeHook(r: InstallRecord, backupDir: string): RemoveResult {
  return r.kind === 'json' ? removeJson(r, backupDir) : removeScript(r, backupDir);
}

function jsonStatus(t: Extract<HookTarget, { kind: 'json' }>, r: InstallRecord | undefined): HookStatus {
  const text = readText(t.file);
  if (text === undefined) {
    return r ? { state: 'out-of-date', tampered: true, detail: `${t.file} was deleted` } : { state: 'not-installed', tampered: false, detail: 'no hook' };
  }
  let root: unknown;
  try {
    root = parseObject(text, t.file);
  } catch (e) {
    return { state: 'out-of-date', tampered: r !== undefined, detail: (e as Error).message };
  }
  const problems: string[] = [];
  let tampered = false;
  let anyOurs = false;
  for (const ins of t.insertions) {
    const v = valueAt(root, ins.path);
    const list = Array.isArray(v) ? v : [];
    if (list.some((e) => sameJson(e, ins.entry))) {
      anyOurs = true;
      continue;
    }
    const recorded = r?.insertions?.find((x) => sameJson(x.path, ins.path));
    const ours = list.find((e) => isOurs(e, t.host));
    if (ours !== undefined) {
      anyOurs = true;
      const edited = recorded !== undefined && !sameJson(ours, recorded.entry);
      tampered ||= edited;
      problems.push(`${ins.path.join('.')}: ${edited ? 'the entry was edited' : 'the entry runs an older Agent Guard command (the extension moved or was updated)'}`);
    } else {
      tampered ||= recorded !== undefined;
      problems.push(`${ins.path.join('.')}: ${recorded ? 'the entry was removed' : 'no entry'}`);
    }
  }
  if (problems.length === 0) return { state: 'protected', tampered: false, detail: t.file };
  if (!anyOurs && !r) return { state: 'not-installed', tampered: false, detail: 'no hook' };
  return { state: 'out-of-date', tampered, detail: `${t.file}: ${problems.join('; ')}` };
}

function scriptStatus(t: Extract<HookTarget, { kind: 'script' }>, r: InstallRecord | undefined): HookStatus {
  const text = readText(t.file);
  if (text === t.content) return { state: 'protected', tampered: false, detail: t.file };
  if (text === undefined) return r ? { state: 'out-of-date', tampered: true, detail: `${t.file} was deleted` } : { state: 'not-installed', tampered: false, detail: 'no hook' };
  if (isAgentGuardCommand(text, t.host)) {
    const edited = r !== undefined && text !== r.content;
    return { state: 'out-of-date', tampered: edited, detail: `${t.file}: ${edited ? 'the script was edited' : 'runs an older Agent Guard command'}` };
  }
  return r ? { state: 'out-of-date', tampered: true, detail: `${t.file} was replaced by another hook` } : { state: 'not-installed', tampered: false, detail: `${t.file} holds another hook` };
}

/** Protected / not installed / out of date, for the target as it would be written now. */
export function hookStatus(t: HookTarget, r: InstallRecord | undefined): HookStatus {
  return t.kind === 'json' ? jsonStatus(t, r) : scriptStatus(t, r);
}

export type { JsonInsertion };
