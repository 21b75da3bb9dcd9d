// The verdict memo (issue 11): a decision the CLI took without a person — a command allowed or denied
// by policy, or blocked because no VS Code window could be asked — is remembered with everything it
// read: each settings file, script, folder listing and discovery record as its file signature, each
// environment variable, each window's liveness. The same command in the same folder is then answered
// again without loading the engine, as long as none of those changed. A decision that involved a
// person, a restore point, a child process or a socket is never remembered: it always takes the full path.
//
// The memo lives in the owner-only state folder next to the compile cache and is trusted like it: an
// agent that could write there could also rewrite the cached code, and writes to `~/.agent-guard`
// ask (guard files). A record names its whole key; a file whose key differs is another command.
import * as fs from 'fs';
import * as path from 'path';
import type { Action, Verdict } from '../../engine/types';
import { stateFolder } from '../../settings/stateFolder';

/** Bump when a record's layout or meaning changes: older records then never match. */
const FORMAT = 1;
/** Past this many records, a write clears the oldest half (a sweep costs one listing). */
const MAX_RECORDS = 2000;
const SWEEP_EVERY = 50;
/** Only short commands are remembered: a long one is rare and its record would be large. */
export const MAX_MEMO_COMMAND = 4096;

/** A path read while deciding, and what it looked like before it was read (`s`: stat, `l`: lstat). */
export type FileDep = [kind: 's' | 'l', path: string, signature: string];
export type EnvDep = [name: string, value: string];
export type PidDep = [pid: number, alive: boolean];

export interface MemoDeps {
  files: FileDep[];
  env: EnvDep[];
  pids: PidDep[];
}

/** How a door's decision ended without a person: allowed or blocked by policy, or blocked because no window could be asked. */
export interface MemoOutcome {
  decision: 'allow' | 'block';
  by: 'policy' | 'unreachable';
  /** For the agent, masked as the CLI proper gives it. */
  message: string;
}

/** What a recall gives back. */
export interface Recalled {
  /** Masked as everything the CLI says of it (a memo file never holds a live secret). */
  verdict: Verdict;
  /** The decision of `ask` and `hook` (none from `check`, which only judges). A clean allow implies its own. */
  outcome?: MemoOutcome;
  /** The command as the log keeps it, when it carries no secret (the fast path then need not scan it again). */
  maskedCommand?: string;
}

interface MemoRecord extends Recalled {
  format: number;
  key: string;
  deps: MemoDeps;
}

const DECISIONS = new Set(['allow', 'confirm', 'deny']);

/** A record the fast path may act on: its shape, and an outcome that fits its verdict. */
function wellFormed(r: MemoRecord): boolean {
  const v = r.verdict;
  if (!v || !DECISIONS.has(v.decision) || !Array.isArray(v.findings) || !r.deps) return false;
  const o = r.outcome;
  if (o === undefined) return true;
  if (o.decision === 'allow') return o.by === 'policy' && v.decision === 'allow';
  return o.decision === 'block' && typeof o.message === 'string' && o.message !== '' && (o.by === 'policy' ? v.decision === 'deny' : o.by === 'unreachable' && v.decision === 'confirm');
}

/** The outcome a door gives a recalled verdict: the one remembered, or the one a clean allow implies. */
export function outcomeOf(r: Recalled): MemoOutcome | undefined {
  if (r.outcome) return r.outcome;
  return r.verdict.decision === 'allow' && r.verdict.findings.length === 0 ? { decision: 'allow', by: 'policy', message: '' } : undefined;
}

export function memoDir(home?: string): string {
  return path.join(stateFolder(home), 'cache', 'verdicts');
}

/**
 * What the CLI proper is: a verdict is remembered for one build of the engine. Undefined when the CLI
 * does not run from its bundles (tests from source): then nothing is remembered or looked up.
 */
export function engineIdentity(distDir: string): string | undefined {
  try {
    const st = fs.statSync(path.join(distDir, 'cli-main.js'), { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** Everything a clean allow is a function of, besides its dependencies: the action, the folder, the engine. */
export function memoKey(action: Action, cwd: string, engine: string): string | undefined {
  if (action.kind !== 'shell' || action.command.length > MAX_MEMO_COMMAND) return undefined;
  return JSON.stringify([FORMAT, engine, cwd, action.command]);
}

/** FNV-1a, 64 bits as two 32-bit halves: names files; never a proof of anything. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The record's file: named by the key's hash; the record holds the whole key, compared on every recall. */
function fileNameFor(key: string): string {
  return `${fnv64(key)}.json`;
}

/**
 * A path as the decision saw it: the file's identity, size and change time (`ctime` moves on every write
 * and cannot be set back by a program, unlike `mtime`), a folder's listing through its own times, or
 * its absence. Any change reads as another signature.
 */
export function fileSignature(kind: 's' | 'l', p: string): string {
  try {
    const st = kind === 'l' ? fs.lstatSync(p, { bigint: true, throwIfNoEntry: false }) : fs.statSync(p, { bigint: true, throwIfNoEntry: false });
    if (!st) return 'absent';
    return `${st.dev}:${st.ino}:${st.mode}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch (e) {
    return `error:${(e as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

/** Whether process `pid` is alive, as the window discovery tells it (a dead window's record changes the settings layers). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Names whose values may be secrets (a token, a connection URL with its password): never written to disk. */
const SECRET_NAME = /TOKEN|SECRET|PASS|KEY|CRED|AUTH|COOKIE|SESSION|URL|URI|DSN|CONN/i;

/**
 * An environment variable's value as remembered: absent and empty differ. A value that may be a secret is
 * kept as its SHA-256 (a hash an agent could not match with another value: these name the target, which
 * decides how severe a finding is); `crypto` is loaded only when such a variable is set. Other values
 * (HOME, XDG_*, APPDATA, which decide what is read) are kept as they are.
 */
export function envValue(name: string, v: string | undefined): string {
  if (v === undefined) return '\u0000absent';
  if (!SECRET_NAME.test(name)) return `=${v}`;
  const { createHash } = require('crypto') as typeof import('crypto');
  return `#${createHash('sha256').update(v).digest('hex')}`;
}

function stillTrue(deps: MemoDeps, env: NodeJS.ProcessEnv): boolean {
  for (const [name, value] of deps.env) if (envValue(name, env[name]) !== value) return false;
  for (const [pid, alive] of deps.pids) if (pidAlive(pid) !== alive) return false;
  for (const [kind, p, sig] of deps.files) if (fileSignature(kind, p) !== sig) return false;
  return true;
}

/** The remembered verdict for `key` when every dependency still reads as it did; otherwise undefined. */
/** Whether a record for `key` exists at all (read or not): one stat, for the loader to skip the fast path on a first-seen command. */
export function holdsRecord(key: string, dir: string): boolean {
  return fs.existsSync(path.join(dir, fileNameFor(key)));
}

export function recall(key: string, dir: string, env: NodeJS.ProcessEnv = process.env): Recalled | undefined {
  let record: MemoRecord;
  try {
    record = JSON.parse(fs.readFileSync(path.join(dir, fileNameFor(key)), 'utf8')) as MemoRecord;
  } catch {
    return undefined;
  }
  if (record?.format !== FORMAT || record.key !== key || !wellFormed(record)) return undefined;
  try {
    if (!stillTrue(record.deps, env)) return undefined;
  } catch {
    return undefined;
  }
  return {
    verdict: record.verdict,
    ...(record.outcome ? { outcome: record.outcome } : {}),
    ...(typeof record.maskedCommand === 'string' ? { maskedCommand: record.maskedCommand } : {}),
  };
}

function sweep(dir: string): void {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= MAX_RECORDS) return;
  const aged = names.map((n) => {
    try {
      return { n, t: fs.statSync(path.join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  });
  aged.sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, aged.length - MAX_RECORDS / 2)) fs.rmSync(path.join(dir, n), { force: true });
}

/** Remembers a decision. Never throws: a memo that cannot be written costs the next call the full path. */
export function remember(key: string, dir: string, what: Recalled, deps: MemoDeps): void {
  const record: MemoRecord = { format: FORMAT, key, deps, ...what };
  if (!wellFormed(record)) return;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, fileNameFor(key));
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(record), { mode: 0o600 });
    fs.renameSync(tmp, file);
    if (Math.random() * SWEEP_EVERY < 1) sweep(dir);
  } catch {
    // Not remembered.
  }
}
