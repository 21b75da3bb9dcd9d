// What a git command is about to throw away, read from its arguments (pure): the uncommitted work in
// some paths (a work-tree snapshot keeps it), or the values of refs it moves or deletes (recording
// them keeps the commits). `null` for everything that loses nothing.
import type { SimpleCommand } from '../engine/types';
import { hasLong, hasShort, scanArgs, subcommandIndex } from '../engine/rules/scanArgs';
import type { ArgSpec } from '../engine/rules/scanArgs';

const GIT_GLOBAL: ArgSpec = {
  shortWithValue: 'Cc',
  longWithValue: new Set(['git-dir', 'work-tree', 'namespace', 'super-prefix', 'config-env', 'exec-path']),
};

export type RefToRecord =
  /** `branch -D x`: the branch's commit, so it can be made again. */
  | { type: 'branch'; name: string }
  /** `reset <commit>`: where the current branch pointed before. */
  | { type: 'head' }
  /** `stash drop|clear`: the stash entries' commits. */
  | { type: 'stash'; entries: 'all' | string }
  /** `push --force`: the remote branch's commit before it is replaced. */
  | { type: 'remote'; remote: string; branch?: string };

export interface GitShape {
  /** `-C dir` before the subcommand, relative to the command's cwd. */
  chdir?: string;
  /** Uncommitted changes at risk: `tracked` (reset --hard, checkout), `untracked` (clean), plus ignored ones for `clean -x`. */
  worktree?: { scope: 'tracked' | 'untracked'; ignored: boolean; onlyIgnored: boolean; pathspecs: string[] };
  refs: RefToRecord[];
  /** The subcommand as the person reads it: `reset --hard`, `clean -fdx`. */
  label: string;
}

const SUB_SPECS: Record<string, ArgSpec> = {
  reset: { longWithValue: new Set(['pathspec-from-file']) },
  checkout: { shortWithValue: 'bB', longWithValue: new Set(['orphan', 'conflict', 'pathspec-from-file']) },
  switch: { shortWithValue: 'cC', longWithValue: new Set(['orphan', 'conflict']) },
  restore: { shortWithValue: 's', longWithValue: new Set(['source', 'pathspec-from-file']) },
  clean: { shortWithValue: 'e', longWithValue: new Set(['exclude']) },
  branch: { shortWithValue: 'u', longWithValue: new Set(['set-upstream-to']) },
  push: { shortWithValue: 'o', longWithValue: new Set(['repo', 'receive-pack', 'exec', 'push-option']) },
  stash: {},
};

/** Operands after `--` in the raw args, when there is a `--` after the subcommand. */
function afterDoubleDash(args: readonly string[], from: number): string[] | undefined {
  const i = args.indexOf('--', from);
  return i < 0 ? undefined : args.slice(i + 1);
}

function tracked(pathspecs: string[]): GitShape['worktree'] {
  return { scope: 'tracked', ignored: false, onlyIgnored: false, pathspecs };
}

export function readGitShape(cmd: SimpleCommand, pathExists: (p: string) => boolean): GitShape | null {
  if (cmd.name !== 'git' || cmd.remote !== undefined) return null;
  const i = subcommandIndex(cmd.args, GIT_GLOBAL);
  if (i < 0) return null;
  const pre = scanArgs(cmd.args, GIT_GLOBAL, 0, i);
  const chdir = pre.values.get('C');
  const sub = cmd.args[i];
  const rest = i + 1;
  const s = scanArgs(cmd.args, SUB_SPECS[sub] ?? {}, rest);
  const base = (label: string): GitShape => ({ ...(chdir ? { chdir } : {}), refs: [], label: `git ${label}` });
  if (hasLong(s, 'help') || hasShort(s, 'h')) return null;
  switch (sub) {
    case 'reset': {
      const hard = hasLong(s, 'hard', 'merge');
      const dd = afterDoubleDash(cmd.args, rest);
      const commit = s.positionals.find((p) => !(dd ?? []).includes(p) && !pathExists(p));
      const shape = base(`reset${hard ? ' --hard' : ''}`);
      if (hard) shape.worktree = tracked([]);
      if (commit !== undefined && commit !== 'HEAD') shape.refs.push({ type: 'head' });
      return shape.worktree || shape.refs.length > 0 ? shape : null;
    }
    case 'checkout':
    case 'restore': {
      if (hasLong(s, 'staged') && !hasLong(s, 'worktree') && sub === 'restore') return null;
      const force = hasShort(s, 'f') || hasLong(s, 'force');
      const dd = afterDoubleDash(cmd.args, rest);
      const paths = dd ?? (sub === 'restore' ? s.positionals : s.positionals.filter(pathExists));
      if (paths.length > 0) return { ...base(`${sub} -- ${paths.join(' ')}`), worktree: tracked(paths) };
      if (force) return { ...base(`${sub} -f`), worktree: tracked([]) };
      return null;
    }
    case 'switch':
      return hasShort(s, 'f') || hasLong(s, 'force', 'discard-changes') ? { ...base('switch --discard-changes'), worktree: tracked([]) } : null;
    case 'clean': {
      const force = hasShort(s, 'f') || hasLong(s, 'force');
      if (!force || hasShort(s, 'n') || hasLong(s, 'dry-run')) return null;
      const x = hasShort(s, 'x');
      const onlyIgnored = hasShort(s, 'X');
      return { ...base('clean'), worktree: { scope: 'untracked', ignored: x || onlyIgnored, onlyIgnored, pathspecs: s.positionals } };
    }
    case 'stash': {
      const verb = s.positionals[0];
      if (verb === 'clear') return { ...base('stash clear'), refs: [{ type: 'stash', entries: 'all' }] };
      if (verb === 'drop') return { ...base('stash drop'), refs: [{ type: 'stash', entries: s.positionals[1] ?? 'stash@{0}' }] };
      return null;
    }
    case 'branch': {
      const del = (hasShort(s, 'D') || (hasShort(s, 'd') && (hasShort(s, 'f') || hasLong(s, 'force')))) || (hasLong(s, 'delete') && hasLong(s, 'force'));
      if (!del || s.positionals.length === 0) return null;
      return { ...base(`branch -D ${s.positionals.join(' ')}`), refs: s.positionals.map((name) => ({ type: 'branch' as const, name })) };
    }
    case 'push': {
      if (hasShort(s, 'n') || hasLong(s, 'dry-run')) return null;
      const force = hasShort(s, 'f') || hasLong(s, 'force');
      const remote = s.positionals[0] ?? 'origin';
      const specs = s.positionals.slice(1);
      const forced = force ? specs : specs.filter((r) => r.startsWith('+'));
      if (!force && forced.length === 0) return null;
      const branches = forced.map(remoteBranchOf).filter((b) => b !== '');
      const refs: RefToRecord[] = branches.length > 0 ? branches.map((branch) => ({ type: 'remote' as const, remote, branch })) : [{ type: 'remote', remote }];
      return { ...base(`push --force ${remote}`), refs };
    }
    default:
      return null;
  }
}

/** The remote branch a refspec writes: `+HEAD:refs/heads/main` → `main`, `feat` → `feat`. */
function remoteBranchOf(refspec: string): string {
  let r = refspec.startsWith('+') ? refspec.slice(1) : refspec;
  const colon = r.indexOf(':');
  if (colon >= 0) r = r.slice(colon + 1);
  if (r === 'HEAD') return '';
  return r.startsWith('refs/heads/') ? r.slice(11) : r;
}
