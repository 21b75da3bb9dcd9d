// What a local delete or discard would really destroy, counted before the person decides: for file
// deletes the absolute paths, how many files and bytes, and how many of them are uncommitted or
// untracked in git; for git resets, checkouts and cleans the files whose uncommitted changes would be
// lost. Bounded in files and time (a home folder must not stall the modal): past the bound it says
// "more than 10,000 files". Plain node (fs, git), no `vscode`: unit-tested on temp trees and repos.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Finding, Verdict } from '../../engine/types';
import type { ResolvedTarget } from '../../outcome/modalText';

export interface BlastBounds {
  maxFiles: number;
  /** For the whole count (walk and git together). */
  maxMillis: number;
  /** How many file names a git line lists before "and N more". */
  listNames: number;
}

export const DEFAULT_BOUNDS: BlastBounds = { maxFiles: 10_000, maxMillis: 1500, listNames: 5 };

export interface TreeCount {
  files: number;
  bytes: number;
  /** The walk stopped at a bound: the numbers are lower bounds. */
  cut: boolean;
  exists: boolean;
}

/** Counts regular files and their bytes under `root` (not following symlinks), within the bounds. */
export async function countTree(root: string, bounds: Pick<BlastBounds, 'maxFiles'>, deadline: number, now: () => number = Date.now): Promise<TreeCount> {
  const out: TreeCount = { files: 0, bytes: 0, cut: false, exists: true };
  let first: fs.Stats;
  try {
    first = await fs.promises.lstat(root);
  } catch {
    return { files: 0, bytes: 0, cut: false, exists: false };
  }
  if (!first.isDirectory()) {
    if (first.isFile() || first.isSymbolicLink()) {
      out.files = 1;
      out.bytes = first.isFile() ? first.size : 0;
    }
    return out;
  }
  const stack = [root];
  while (stack.length > 0) {
    if (out.files > bounds.maxFiles || now() > deadline) {
      out.cut = true;
      return out;
    }
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(full);
      else {
        out.files++;
        if (e.isFile()) {
          try {
            out.bytes += (await fs.promises.lstat(full)).size;
          } catch {
            // Gone meanwhile: counted as a file, no bytes.
          }
        }
        if (out.files > bounds.maxFiles) {
          out.cut = true;
          return out;
        }
      }
    }
  }
  return out;
}

export interface GitChanges {
  /** Tracked files with changes (staged or not) that are not committed. */
  uncommitted: string[];
  untracked: string[];
  cut: boolean;
}

/** `git status` under `dir` (limited to `pathspec`), or undefined when it is not a repository or git is missing. */
export function gitChanges(dir: string, pathspec: string | undefined, timeoutMs: number, maxEntries: number): Promise<GitChanges | undefined> {
  const args = ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'];
  if (pathspec) args.push('--', pathspec);
  return new Promise((resolve) => {
    execFile('git', args, { timeout: Math.max(100, timeoutMs), maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (err, stdout) => {
      if (err && !stdout) return resolve(undefined);
      const out: GitChanges = { uncommitted: [], untracked: [], cut: !!err };
      for (const rec of stdout.split('\0')) {
        if (rec.length < 4) continue;
        if (out.uncommitted.length + out.untracked.length >= maxEntries) {
          out.cut = true;
          break;
        }
        const status = rec.slice(0, 2);
        const name = rec.slice(3);
        if (status === '??') out.untracked.push(name);
        else if (status !== '!!') out.uncommitted.push(name);
      }
      resolve(out);
    });
  });
}

const KB = 1024;
export function formatBytes(n: number): string {
  if (n < KB) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / KB;
  let i = 0;
  while (v >= KB && i < units.length - 1) {
    v /= KB;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function names(list: readonly string[], max: number): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/** A target the engine named that can be counted: a literal path (no variable, glob or substitution). */
const UNCOUNTABLE = /[$*?[\]{}`]/;

function absoluteTarget(target: string, cwd: string): string | undefined {
  if (!target || UNCOUNTABLE.test(target)) return undefined;
  if (target === '~' || target.startsWith('~/')) return path.join(os.homedir(), target.slice(1));
  if (target.startsWith('~')) return undefined;
  return path.resolve(cwd, target);
}

const FILE_DELETES = new Set(['fs.rm-recursive', 'fs.find-delete', 'fs.shred', 'fs.truncate', 'fs.powershell-remove-recurse', 'fs.mv-dev-null', 'fs.empty-file', 'fs.mirror-delete']);
/** Git rules that throw away uncommitted work, and which kind. */
const GIT_DISCARDS: Readonly<Record<string, 'tracked' | 'untracked'>> = {
  'git.reset-hard': 'tracked',
  'git.checkout-discard': 'tracked',
  'git.restore-discard': 'tracked',
  'git.clean-force': 'untracked',
};

async function fileDeleteLines(abs: string, bounds: BlastBounds, deadline: number): Promise<string[]> {
  const count = await countTree(abs, bounds, deadline);
  if (!count.exists) return [`${abs}: does not exist now`];
  const files = count.cut ? `more than ${bounds.maxFiles.toLocaleString('en-US')} files` : plural(count.files, 'file');
  const bytes = count.cut ? `at least ${formatBytes(count.bytes)}` : formatBytes(count.bytes);
  let line = `${abs}: ${files}, ${bytes}`;
  const dir = (await fs.promises.stat(abs).catch(() => undefined))?.isDirectory() ? abs : path.dirname(abs);
  const git = await gitChanges(dir, abs, Math.max(100, deadline - Date.now()), bounds.maxFiles);
  if (git) {
    const parts: string[] = [];
    if (git.uncommitted.length) parts.push(`${plural(git.uncommitted.length, 'file')} with uncommitted changes`);
    if (git.untracked.length) parts.push(`${plural(git.untracked.length, 'untracked file')} (never committed)`);
    line += parts.length ? `; in git: ${parts.join(', ')}${git.cut ? ' (or more)' : ''}` : '; all of it is committed in git';
  }
  return [line];
}

async function gitDiscardLines(kind: 'tracked' | 'untracked', cwd: string, target: string | undefined, bounds: BlastBounds, deadline: number): Promise<string[]> {
  const spec = target && target !== 'HEAD' && target !== '.' && !UNCOUNTABLE.test(target) ? target : undefined;
  const git = await gitChanges(cwd, spec, Math.max(100, deadline - Date.now()), bounds.maxFiles);
  if (!git) return [];
  const list = kind === 'tracked' ? git.uncommitted : git.untracked;
  if (list.length === 0) return [kind === 'tracked' ? 'No uncommitted changes would be lost right now.' : 'No untracked files would be deleted right now.'];
  const what = kind === 'tracked' ? 'with uncommitted changes would be lost' : 'never committed would be deleted';
  return [`${plural(list.length, 'file')}${git.cut ? ' or more' : ''} ${what}: ${names(list, bounds.listNames)}`];
}

/** Counts what each local finding destroys; remote findings get nothing (the window cannot see there). */
export async function resolveTargets(verdict: Verdict, cwd: string | undefined, bounds: BlastBounds = DEFAULT_BOUNDS): Promise<ResolvedTarget[]> {
  if (!cwd) return [];
  const deadline = Date.now() + bounds.maxMillis;
  const out: ResolvedTarget[] = [];
  for (let i = 0; i < verdict.findings.length; i++) {
    const f: Finding = verdict.findings[i]!;
    let lines: string[] = [];
    if (FILE_DELETES.has(f.rule) && f.target) {
      const abs = absoluteTarget(f.target, cwd);
      if (abs) lines = await fileDeleteLines(abs, bounds, deadline);
    } else if (GIT_DISCARDS[f.rule]) {
      lines = await gitDiscardLines(GIT_DISCARDS[f.rule]!, cwd, f.target, bounds, deadline);
    }
    if (lines.length) out.push({ finding: i, lines });
    if (Date.now() > deadline) break;
  }
  return out;
}
