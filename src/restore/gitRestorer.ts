// Git work tree and refs. Before `reset --hard`, `checkout -- <paths>`, `clean -f` …: a commit of the
// index plus the changed files the command would throw away (untracked and, for `clean -x`, ignored
// ones included), built with a temporary index (GIT_INDEX_FILE) so the person's index and work tree
// are never touched, and kept under `refs/agent-guard/<id>/worktree`. Before `branch -D`, `reset
// <commit>`, `stash drop|clear` and `push --force`: the old commit of each ref, kept under
// `refs/agent-guard/<id>/keep-<n>` so garbage collection cannot take it.
import * as fs from 'fs';
import * as path from 'path';
import { readGitShape } from './gitCommandShape';
import type { GitShape, RefToRecord } from './gitCommandShape';
import { isRebuildable } from './rebuildable';
import { REBUILDABLE_FOLDERS } from '../engine/rules/deletePathSafety';
import { runTool, toolFailure } from './runTool';
import type { ToolRun } from './runTool';
import { NOTHING_AT_RISK } from './restoreTypes';
import type { PlannedPart, PlanResult, RestoreReport, RestoreSubject, Restorer, TakenPart, TakeContext } from './restoreTypes';
import { formatBytes, plural, shellQuote } from './restoreWords';

const PLAN_TIMEOUT_MS = 1500;
const REBUILDABLE_EXCLUDES = [...REBUILDABLE_FOLDERS].map((name) => `:(exclude,glob)**/${name}/**`);
/** Commits made for a point carry this identity, so they work in a repo with no user.name set. */
const IDENTITY = { GIT_AUTHOR_NAME: 'Agent Guard', GIT_AUTHOR_EMAIL: 'agent-guard@localhost', GIT_COMMITTER_NAME: 'Agent Guard', GIT_COMMITTER_EMAIL: 'agent-guard@localhost' };

interface GitData extends Record<string, unknown> {
  top: string;
  gitDir: string;
  /** Paths relative to `top` whose uncommitted state is kept. */
  files: string[];
  ignored: boolean;
  refs: RecordedRef[];
  /** Set by take. */
  commit?: string;
  head?: string;
}

interface RecordedRef {
  /** `refs/heads/feat`, `stash`, `origin/main` (remote). */
  ref: RefToRecord;
  /** The full ref name or a label for the person. */
  name: string;
  sha?: string;
  /** Where we keep it: `refs/agent-guard/<id>/keep-<n>`. */
  keep?: string;
}

function git(cwd: string, args: string[], timeoutMs: number, extraEnv: NodeJS.ProcessEnv = {}, input?: string | Buffer): Promise<ToolRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extraEnv };
  return runTool('git', args, { cwd, env, timeoutMs, input });
}

const out = (r: ToolRun): string => r.stdout.toString('utf8').trim();
const left = (deadline: number): number => Math.max(1, deadline - Date.now());

/** `git status --porcelain -z`: paths relative to the top, with their two-letter state. Renames give both names. */
export function parseStatusZ(text: string): { xy: string; path: string }[] {
  const parts = text.split('\0');
  const res: { xy: string; path: string }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const e = parts[i];
    if (e.length < 4) continue;
    const xy = e.slice(0, 2);
    res.push({ xy, path: e.slice(3) });
    if (xy[0] === 'R' || xy[0] === 'C') {
      const orig = parts[++i];
      if (orig) res.push({ xy: 'D ', path: orig });
    }
  }
  return res;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function sizeOf(file: string): number {
  try {
    const st = fs.lstatSync(file);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

async function repoOf(dir: string): Promise<{ top: string; gitDir: string } | undefined> {
  const r = await git(dir, ['rev-parse', '--show-toplevel', '--absolute-git-dir'], PLAN_TIMEOUT_MS);
  if (r.code !== 0) return undefined;
  const [top, gitDir] = out(r).split('\n');
  return top && gitDir ? { top, gitDir } : undefined;
}

/** The changed files a shape puts at risk, relative to the top. */
async function filesAtRisk(top: string, cwd: string, shape: GitShape): Promise<string[] | string> {
  const wt = shape.worktree;
  if (!wt) return [];
  // Paths as written are literal (a file may be named `*`); rebuildable folders are left out of the
  // listing itself, so an ignored `node_modules` with 100,000 files costs nothing to skip.
  const specs = wt.pathspecs.map((p) => `:(literal)${path.relative(top, path.resolve(cwd, p)) || '.'}`);
  const args = ['-c', 'core.quotePath=false', 'status', '--porcelain=v1', '-z', '--untracked-files=all', ...(wt.ignored ? ['--ignored=matching'] : []), '--', ...(specs.length ? specs : ['.']), ...REBUILDABLE_EXCLUDES];
  const r = await git(top, args, PLAN_TIMEOUT_MS);
  if (r.code !== 0) return toolFailure('git status', r);
  const files: string[] = [];
  for (const e of parseStatusZ(r.stdout.toString('utf8'))) {
    if (isRebuildable(e.path)) continue;
    const untracked = e.xy === '??';
    const ignored = e.xy === '!!';
    if (wt.scope === 'tracked' ? !untracked && !ignored : (untracked && !wt.onlyIgnored) || (ignored && wt.ignored)) files.push(e.path);
  }
  return files;
}

function refLabel(r: RefToRecord): string {
  switch (r.type) {
    case 'branch':
      return `branch \`${r.name}\``;
    case 'head':
      return 'where the current branch points';
    case 'stash':
      return r.entries === 'all' ? 'every stash entry' : `stash entry \`${r.entries}\``;
    case 'remote':
      return `\`${r.remote}/${r.branch ?? '(current branch)'}\` as it was before the force push`;
  }
}

async function plan(subject: RestoreSubject): Promise<PlanResult> {
  const shape = readGitShape(subject.cmd, (p) => fs.existsSync(path.resolve(subject.cwd, p)));
  if (!shape) return undefined;
  const cwd = shape.chdir ? path.resolve(subject.cwd, shape.chdir) : subject.cwd;
  const repo = await repoOf(cwd);
  if (!repo) return { reason: `\`${cwd}\` is not a git repository this guard can read` };
  const files = await filesAtRisk(repo.top, cwd, shape);
  if (typeof files === 'string') return { reason: files };
  if (files.length === 0 && shape.refs.length === 0) return NOTHING_AT_RISK;
  const bytes = files.reduce((n, f) => n + sizeOf(path.join(repo.top, f)), 0);
  // A path already deleted in the work tree (a rename's old name) loses nothing more: not counted.
  const present = files.filter((f) => exists(path.join(repo.top, f))).length;
  const words: string[] = [];
  if (present > 0) words.push(`${plural(present, shape.worktree?.scope === 'untracked' ? 'untracked file' : 'uncommitted file')} (${formatBytes(bytes)})`);
  for (const r of shape.refs) words.push(refLabel(r));
  const refs: RecordedRef[] = shape.refs.map((ref) => ({ ref, name: refLabel(ref) }));
  const data: GitData = { top: repo.top, gitDir: repo.gitDir, files, ignored: shape.worktree?.ignored ?? false, refs };
  return { kind: 'git', what: words.join(', '), bytes, paths: files.map((f) => path.join(repo.top, f)), data };
}

/** Commit of the index and the files at risk, from a temporary index. Returns the commit or an error. */
async function snapshot(d: GitData, ctx: TakeContext): Promise<{ commit?: string; head?: string; error?: string }> {
  const tmpIndex = path.join(ctx.dir, 'git-index.tmp');
  try {
    try {
      fs.copyFileSync(path.join(d.gitDir, 'index'), tmpIndex);
    } catch {
      // A repository with no index yet (nothing ever added): start empty.
    }
    const env = { GIT_INDEX_FILE: tmpIndex, ...IDENTITY };
    const head = out(await git(d.top, ['rev-parse', '--verify', '-q', 'HEAD'], left(ctx.deadline)));
    const indexTree = await git(d.top, ['write-tree'], left(ctx.deadline), env);
    if (indexTree.code !== 0) return { error: toolFailure('git write-tree', indexTree) };
    // `git add -A` records a deletion only for a path the index holds; a path gone from both (a staged
    // rename's old name) is already as the snapshot wants it, and naming it would fail the add.
    const listed = await git(d.top, ['ls-files', '-z', '--cached', '--pathspec-from-file=-', '--pathspec-file-nul'], left(ctx.deadline), { ...env, GIT_LITERAL_PATHSPECS: '1' }, d.files.join('\0'));
    const inIndex = new Set(listed.stdout.toString('utf8').split('\0'));
    const addable = d.files.filter((f) => inIndex.has(f) || exists(path.join(d.top, f)));
    const add = await git(d.top, ['add', '-A', ...(d.ignored ? ['-f'] : []), '--pathspec-from-file=-', '--pathspec-file-nul'], left(ctx.deadline), { ...env, GIT_LITERAL_PATHSPECS: '1' }, addable.join('\0'));
    if (add.code !== 0) return { error: toolFailure('git add', add) };
    const tree = await git(d.top, ['write-tree'], left(ctx.deadline), env);
    if (tree.code !== 0) return { error: toolFailure('git write-tree', tree) };
    const parents = head ? ['-p', head] : [];
    const ic = await git(d.top, ['commit-tree', out(indexTree), ...parents, '-m', 'index before the command (Agent Guard)'], left(ctx.deadline), env);
    if (ic.code !== 0) return { error: toolFailure('git commit-tree', ic) };
    const msg = `Agent Guard restore point ${ctx.id}\n\nwork tree before: ${ctx.command}`;
    const wc = await git(d.top, ['commit-tree', out(tree), ...parents, '-p', out(ic), '-m', msg], left(ctx.deadline), env);
    if (wc.code !== 0) return { error: toolFailure('git commit-tree', wc) };
    const ref = await git(d.top, ['update-ref', `refs/agent-guard/${ctx.id}/worktree`, out(wc)], left(ctx.deadline));
    if (ref.code !== 0) return { error: toolFailure('git update-ref', ref) };
    return { commit: out(wc), head: head || undefined };
  } finally {
    fs.rmSync(tmpIndex, { force: true });
  }
}

async function resolveRef(d: GitData, r: RefToRecord, deadline: number): Promise<{ name: string; shas: string[] } | string> {
  const rev = async (spec: string): Promise<string> => out(await git(d.top, ['rev-parse', '--verify', '-q', spec], left(deadline)));
  switch (r.type) {
    case 'branch': {
      const sha = await rev(`refs/heads/${r.name}`);
      return sha ? { name: `refs/heads/${r.name}`, shas: [sha] } : `branch ${r.name} does not exist`;
    }
    case 'head': {
      const sym = out(await git(d.top, ['symbolic-ref', '-q', 'HEAD'], left(deadline)));
      const sha = await rev('HEAD');
      return sha ? { name: sym || 'HEAD', shas: [sha] } : 'HEAD has no commit';
    }
    case 'stash': {
      if (r.entries === 'all') {
        const list = out(await git(d.top, ['log', '-g', '--format=%H', 'refs/stash'], left(deadline)));
        return { name: 'stash', shas: list ? list.split('\n') : [] };
      }
      const sha = await rev(r.entries);
      return sha ? { name: 'stash', shas: [sha] } : `${r.entries} does not exist`;
    }
    case 'remote': {
      const branch = r.branch ?? (out(await git(d.top, ['symbolic-ref', '-q', '--short', 'HEAD'], left(deadline))) || 'HEAD');
      const tracking = await rev(`refs/remotes/${r.remote}/${branch}`);
      const live = await git(d.top, ['ls-remote', r.remote, `refs/heads/${branch}`], Math.min(left(deadline), 1500));
      const liveSha = live.code === 0 ? out(live).split('\t')[0] : '';
      const sha = liveSha || tracking;
      if (!sha) return `the old value of ${r.remote}/${branch} is not known here`;
      return { name: `${r.remote} ${branch}`, shas: [sha] };
    }
  }
}

async function take(part: PlannedPart, ctx: TakeContext): Promise<TakenPart> {
  const d = { ...(part.data as GitData) };
  const notes: string[] = [];
  let complete = true;
  if (d.files.length > 0) {
    const s = await snapshot(d, ctx);
    if (s.error || !s.commit) {
      complete = false;
      notes.push(Date.now() >= ctx.deadline ? 'the work tree snapshot did not finish in time' : `the work tree snapshot failed (${s.error})`);
    } else {
      d.commit = s.commit;
      d.head = s.head;
    }
  }
  const refs: RecordedRef[] = [];
  let n = 0;
  for (const r of d.refs) {
    const got = await resolveRef(d, r.ref, ctx.deadline);
    if (typeof got === 'string') {
      notes.push(got);
      continue;
    }
    for (const sha of got.shas) {
      const keep = `refs/agent-guard/${ctx.id}/keep-${n++}`;
      const exists = await git(d.top, ['cat-file', '-e', `${sha}^{commit}`], left(ctx.deadline));
      if (exists.code === 0) await git(d.top, ['update-ref', keep, sha], left(ctx.deadline));
      else notes.push(`commit ${sha.slice(0, 12)} of ${got.name} is not on this machine (fetch it to restore)`);
      refs.push({ ...r, name: got.name, sha, ...(exists.code === 0 ? { keep } : {}) });
    }
  }
  d.refs = refs;
  if (Date.now() > ctx.deadline) complete = false;
  return { kind: 'git', what: part.what, paths: part.paths, bytes: part.bytes, complete, ...(notes.length ? { note: notes.join('; ') } : {}), data: d };
}

/** Blob ids of `paths` in a commit: path → { mode, sha }. */
async function treeEntries(top: string, rev: string, paths: string[]): Promise<Map<string, { mode: string; sha: string }>> {
  const m = new Map<string, { mode: string; sha: string }>();
  if (paths.length === 0) return m;
  const r = await git(top, ['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...paths], 30_000, { GIT_LITERAL_PATHSPECS: '1' });
  for (const line of r.stdout.toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , sha] = line.slice(0, tab).split(' ');
    m.set(line.slice(tab + 1), { mode, sha });
  }
  return m;
}

/** The blob id the current file would have (a symlink: of its target text), or undefined when missing. */
async function currentBlob(top: string, rel: string): Promise<string | undefined> {
  const abs = path.join(top, rel);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch {
    return undefined;
  }
  if (st.isSymbolicLink()) return out(await git(top, ['hash-object', '--stdin'], 10_000, {}, fs.readlinkSync(abs)));
  if (!st.isFile()) return 'not-a-file';
  return out(await git(top, ['hash-object', '--', rel], 30_000));
}

async function restoreWorktree(d: GitData, force: boolean, report: RestoreReport): Promise<void> {
  if (!d.commit) return;
  const kept = await treeEntries(d.top, d.commit, d.files);
  const head = await treeEntries(d.top, 'HEAD', d.files);
  const write: string[] = [];
  for (const rel of d.files) {
    const k = kept.get(rel);
    if (!k) continue; // the file did not exist before the command: restoring never deletes
    const now = await currentBlob(d.top, rel);
    if (now === k.sha) continue;
    // Safe to overwrite: missing, or exactly the committed content (the command's own result).
    const safe = now === undefined || now === head.get(rel)?.sha;
    if (safe || force) write.push(rel);
    else report.conflicts.push(path.join(d.top, rel));
  }
  if (write.length === 0) return;
  const tmpIndex = path.join(d.gitDir, `agent-guard-restore-${process.pid}.index`);
  try {
    const env = { GIT_INDEX_FILE: tmpIndex };
    const rt = await git(d.top, ['read-tree', d.commit], 30_000, env);
    if (rt.code !== 0) throw new Error(toolFailure('git read-tree', rt));
    const co = await git(d.top, ['checkout-index', '-f', '-z', '--stdin'], 60_000, env, write.join('\0'));
    if (co.code !== 0) throw new Error(toolFailure('git checkout-index', co));
    report.restored.push(...write.map((f) => path.join(d.top, f)));
  } finally {
    fs.rmSync(tmpIndex, { force: true });
  }
}

async function restoreRef(d: GitData, r: RecordedRef, force: boolean, report: RestoreReport): Promise<void> {
  if (!r.sha) return;
  const short = r.sha.slice(0, 12);
  switch (r.ref.type) {
    case 'branch': {
      const cur = out(await git(d.top, ['rev-parse', '--verify', '-q', r.name], 5000));
      if (cur === r.sha) return;
      if (cur && !force) {
        report.conflicts.push(r.name);
        return;
      }
      const u = await git(d.top, ['update-ref', r.name, r.sha, ...(cur ? [cur] : [''])], 5000);
      if (u.code === 0) report.restored.push(`${r.name} → ${short}`);
      else report.notes.push(toolFailure('git update-ref', u));
      return;
    }
    case 'head': {
      const cur = out(await git(d.top, ['rev-parse', '--verify', '-q', 'HEAD'], 5000));
      if (cur === r.sha) return;
      // `reset --keep` moves the branch back and refuses rather than lose a local change.
      const k = await git(d.top, ['reset', '--keep', r.sha], 30_000);
      if (k.code === 0) report.restored.push(`${r.name} → ${short}`);
      else report.notes.push(`${toolFailure('git reset --keep', k)}; run \`git reset --keep ${r.sha}\` when the work tree is clean`);
      return;
    }
    case 'stash': {
      const list = out(await git(d.top, ['log', '-g', '--format=%H', 'refs/stash'], 5000));
      if (list.split('\n').includes(r.sha)) return;
      const s = await git(d.top, ['stash', 'store', '-m', `restored by Agent Guard (${short})`, r.sha], 5000);
      if (s.code === 0) report.restored.push(`stash entry ${short}`);
      else report.notes.push(toolFailure('git stash store', s));
      return;
    }
    case 'remote': {
      const [remote, branch] = r.name.split(' ');
      // Pushing is the person's act: print the exact command.
      report.commands.push(`git -C ${shellQuote(d.top)} push --force-with-lease ${remote} ${r.keep ?? r.sha}:refs/heads/${branch}`);
      return;
    }
  }
}

async function restore(part: TakenPart, _dir: string, opts: { force: boolean }): Promise<RestoreReport> {
  const d = part.data as GitData;
  const report: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
  // Refs first: `reset --keep` back to the old commit, then the uncommitted files on top of it.
  for (const r of d.refs) await restoreRef(d, r, opts.force, report);
  await restoreWorktree(d, opts.force, report);
  return report;
}

function describe(part: TakenPart): string {
  const d = part.data as GitData;
  const lines: string[] = [];
  if (d.commit) {
    const shown = d.files.slice(0, 8).join(', ') + (d.files.length > 8 ? ` and ${d.files.length - 8} more` : '');
    lines.push(`${shown} as they were before the command, in ${d.top} (kept as commit ${d.commit.slice(0, 12)})`);
  }
  for (const r of d.refs) if (r.sha) lines.push(`${r.name} at ${r.sha.slice(0, 12)}`);
  return lines.join('; ') || 'nothing';
}

/** Lets go of the refs a point keeps in the repository (when the point is evicted). */
export async function releaseGitPart(part: TakenPart, id: string): Promise<void> {
  const d = part.data as GitData;
  const refs = await git(d.top, ['for-each-ref', '--format=%(refname)', `refs/agent-guard/${id}/`], 5000);
  for (const ref of out(refs).split('\n').filter(Boolean)) await git(d.top, ['update-ref', '-d', ref], 5000);
}

export const gitRestorer: Restorer = { kind: 'git', plan, take, restore, describe };
