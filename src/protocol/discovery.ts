// Where a VS Code window advertises its socket so a CLI (hook, terminal, `agent-guard ask`) can find it.
// Records live in an owner-only directory: `${XDG_RUNTIME_DIR or tmpdir}/agent-guard-<uid>/windows/<id>.json`.
// The per-window secret in each record proves that an asker can read an owner-only file, i.e. runs as
// the same user; the directory and file modes are what keep other users out.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { PROTOCOL_VERSION } from './protocol';
import type { DiscoveryRecord } from './protocol';
import type { SettingValues } from '../settings/settingTable';

/** The record as this extension writes it; `confirmTimeoutSeconds` tells the CLI how long a person may take. */
export interface WindowRecord extends DiscoveryRecord {
  confirmTimeoutSeconds?: number;
  /**
   * The person's user-level `agentGuard.*` values (keys without the section). The CLI resolves them with
   * the machine policy, the workspace files it reads itself and the stored acceptances, through the same
   * resolver as the window: a record never carries workspace values the CLI would have to take on faith.
   */
  userSettings?: SettingValues;
  /** The window's `.code-workspace` file, whose `settings` are its workspace layer (multi-root windows). */
  workspaceFile?: string;
  /** Workspace Trust in that window: an untrusted workspace may only tighten, accepted or not. */
  trusted?: boolean;
}

export interface FoundWindow {
  recordPath: string;
  record: WindowRecord;
}

function userTag(): string {
  // `getuid` does not exist on Windows; the user name keeps two accounts apart there.
  return typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username.replace(/[^\w.-]/g, '_');
}

/** `${XDG_RUNTIME_DIR or os.tmpdir()}/agent-guard-<uid>`. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR) ? env.XDG_RUNTIME_DIR : os.tmpdir();
  return path.join(base, `agent-guard-${userTag()}`);
}

export function windowsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(runtimeDir(env), 'windows');
}

export function newWindowId(): string {
  return randomBytes(8).toString('hex');
}

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Unix socket next to the records (short name: socket paths are limited to ~104 bytes), or a named pipe on Windows. */
export function socketPathFor(id: string, env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return `\\\\.\\pipe\\agent-guard-${userTag()}-${id}`;
  return path.join(runtimeDir(env), `${id}.sock`);
}

/** Creates the owner-only directories, and refuses a directory someone else owns or others can write. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const st = fs.statSync(dir);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new Error(`${dir} is owned by another user; Agent Guard will not use it`);
  }
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/** Writes the record atomically (temp file 0600 + rename) so a reader never sees half a record. */
export function writeDiscoveryRecord(id: string, record: WindowRecord, env: NodeJS.ProcessEnv = process.env): string {
  ensurePrivateDir(runtimeDir(env));
  const dir = windowsDir(env);
  ensurePrivateDir(dir);
  const file = path.join(dir, `${id}.json`);
  const tmp = path.join(dir, `.${id}.${randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(record, null, 2), { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  return file;
}

export function removeDiscoveryRecord(recordPath: string): void {
  try {
    fs.unlinkSync(recordPath);
  } catch {
    // Already gone: nothing to do.
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Checks the shape of a parsed record; anything odd is treated as no record at all. */
export function asWindowRecord(v: unknown): WindowRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Record<string, unknown>;
  if (r.v !== PROTOCOL_VERSION) return undefined;
  if (typeof r.socketPath !== 'string' || r.socketPath === '') return undefined;
  if (typeof r.secret !== 'string' || r.secret.length < 16) return undefined;
  if (typeof r.pid !== 'number' || !Number.isInteger(r.pid)) return undefined;
  if (!isStringArray(r.workspaceFolders)) return undefined;
  // Optional fields of the wrong shape are dropped, never trusted.
  const rec = { ...r } as Record<string, unknown>;
  if (rec.userSettings !== undefined && (!rec.userSettings || typeof rec.userSettings !== 'object' || Array.isArray(rec.userSettings))) delete rec.userSettings;
  if (rec.workspaceFile !== undefined && (typeof rec.workspaceFile !== 'string' || !path.isAbsolute(rec.workspaceFile))) delete rec.workspaceFile;
  if (rec.trusted !== undefined && typeof rec.trusted !== 'boolean') delete rec.trusted;
  return rec as unknown as WindowRecord;
}

export function readDiscoveryRecord(recordPath: string): WindowRecord | undefined {
  try {
    const st = fs.statSync(recordPath);
    if (!st.isFile() || st.size > 1_000_000) return undefined;
    // A record others could have written is not trusted to point at a socket.
    if (process.platform !== 'win32') {
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
      if ((st.mode & 0o022) !== 0) return undefined;
    }
    return asWindowRecord(JSON.parse(fs.readFileSync(recordPath, 'utf8')));
  } catch {
    return undefined;
  }
}

export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function normalise(p: string): string {
  const r = path.resolve(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? r.toLowerCase() : r;
}

/** Length of the longest workspace folder containing `cwd`, or -1 when none does. */
export function containmentScore(cwd: string, folders: readonly string[]): number {
  const c = normalise(cwd);
  let best = -1;
  for (const f of folders) {
    const n = normalise(f);
    const rel = path.relative(n, c);
    const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    if (inside && n.length > best) best = n.length;
  }
  return best;
}

/**
 * Where records may be. An agent's hook often runs with a different environment than VS Code (no
 * `XDG_RUNTIME_DIR` when started outside the desktop session, or one when VS Code had none), so the
 * other usual place is looked at too.
 */
export function discoveryDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [windowsDir(env)];
  // Only XDG_RUNTIME_DIR decides the folder: the other place is named without copying the whole
  // environment (a copy reads every variable, which the CLI's verdict memo would then depend on).
  if (env.XDG_RUNTIME_DIR) {
    dirs.push(windowsDir({}));
  } else if (typeof process.getuid === 'function') {
    dirs.push(windowsDir({ XDG_RUNTIME_DIR: `/run/user/${process.getuid()}` }));
  }
  return [...new Set(dirs)];
}

/** Every live record whose workspace contains `cwd`, longest (most specific) folder first. */
export function listWindowsForCwd(cwd: string, env: NodeJS.ProcessEnv = process.env): FoundWindow[] {
  const scored: Array<FoundWindow & { score: number }> = [];
  for (const dir of discoveryDirs(env)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const recordPath = path.join(dir, name);
      const record = readDiscoveryRecord(recordPath);
      if (!record || !isPidAlive(record.pid)) continue;
      const score = containmentScore(cwd, record.workspaceFolders);
      if (score >= 0) scored.push({ recordPath, record, score });
    }
  }
  // Stable: for equal scores the first directory (this environment's own) wins.
  scored.sort((a, b) => b.score - a.score);
  return scored.map(({ recordPath, record }) => ({ recordPath, record }));
}

/**
 * The windows to try, in order: the one named by `AGENT_GUARD_IPC` (set in that window's terminals), then
 * those whose workspace contains `cwd`. Dead owners are skipped here; refused sockets by the caller.
 */
export function candidateWindows(cwd: string, env: NodeJS.ProcessEnv = process.env, ipcVar = 'AGENT_GUARD_IPC'): FoundWindow[] {
  const out: FoundWindow[] = [];
  const fromEnv = env[ipcVar];
  // Only a record in one of our owner-only directories counts: a variable pointing anywhere else could
  // lead the CLI to a socket that answers "allow" on nobody's behalf.
  const trustedDirs = discoveryDirs(env).map((d) => path.resolve(d));
  if (fromEnv && trustedDirs.includes(path.dirname(path.resolve(fromEnv)))) {
    const record = readDiscoveryRecord(fromEnv);
    if (record && isPidAlive(record.pid)) out.push({ recordPath: fromEnv, record });
  }
  for (const w of listWindowsForCwd(cwd, env)) {
    if (!out.some((o) => path.resolve(o.recordPath) === path.resolve(w.recordPath))) out.push(w);
  }
  return out;
}
