// git rules: commands that throw away uncommitted work, rewrite or delete published history, or delete
// the safety nets (stash, reflog). Committed work that only moves (`reset --soft`, `branch -d`) runs.

import type { Rule, RuleHit, RulePack, SimpleCommand } from '../types';
import { asksForHelp, code, hasLong, hasShort, scanArgs, subcommandIndex } from './scanArgs';
import type { ArgSpec, ScannedArgs } from './scanArgs';

/** git's own options before the subcommand: `git -C dir -c k=v --git-dir x push …`. */
const GIT_GLOBAL: ArgSpec = {
  shortWithValue: 'Cc',
  longWithValue: new Set(['git-dir', 'work-tree', 'namespace', 'super-prefix', 'config-env', 'exec-path']),
};

interface GitCall {
  sub: string;
  /** Index of the first argument after the subcommand. */
  rest: number;
}

/** The subcommand of a `git` command line, or null for `git --version`, `git help …` and `--help`. */
function gitCall(cmd: SimpleCommand): GitCall | null {
  const i = subcommandIndex(cmd.args, GIT_GLOBAL);
  if (i < 0) return null;
  const sub = cmd.args[i];
  if (sub === 'help' || asksForHelp(cmd.args)) return null;
  return { sub, rest: i + 1 };
}

/** Where a rule's target names the repository: `git -C ../api …` → ` in \`../api\``. */
function where(cmd: SimpleCommand): string {
  const i = cmd.args.indexOf('-C');
  return i >= 0 && i + 1 < cmd.args.length ? ` in ${code(cmd.args[i + 1])}` : '';
}

const ONLY_PARENTS = /^(?:\.\.\/)+$/;
const GLOB = /[*?[]/;

/** Pathspecs that cover the whole tree or a whole folder: a discard there loses every uncommitted edit. */
function isBroadPathspec(p: string): boolean {
  if (p === '.' || p === './' || p === '*' || p === ':/' || p === ':/*' || p === ':(top)' || p === ':' || p === '..') return true;
  // A folder, or a glob after `--` (`'*.ts'`): every matching edited file.
  if (p.endsWith('/') || GLOB.test(p)) return true;
  return ONLY_PARENTS.test(p);
}

/** Pathspecs after `--`, or (without `--`) operands that can only be broad pathspecs. */
function broadPathspecs(s: ScannedArgs, args: readonly string[], rest: number): string[] {
  const dashdash = args.indexOf('--', rest);
  const out: string[] = [];
  for (let k = 0; k < s.positionals.length; k++) {
    const afterDashes = dashdash >= 0 && s.positionalIndexes[k] > dashdash;
    const p = s.positionals[k];
    if ((afterDashes || p === '.' || p === '*' || p === ':/' || p === './') && isBroadPathspec(p)) out.push(p);
  }
  return out;
}

const resetHard: Rule = {
  id: 'git.reset-hard',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'throws away every uncommitted change',
  rationale: '`git reset --hard` overwrites the working tree and index; uncommitted edits are not in any reflog and cannot be recovered.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'reset') return null;
    const s = scanArgs(cmd.args, {}, c.rest);
    // --hard: resets the files on disk too (--soft/--mixed/--keep leave edits alone).
    if (!hasLong(s, 'hard')) return null;
    const ref = s.positionals[0];
    return {
      summary: `throws away every uncommitted change${where(cmd)}${ref !== undefined && ref !== 'HEAD' ? ` and moves the branch to ${code(ref)}, dropping later commits from it` : ''}`,
      target: ref ?? 'HEAD',
    };
  },
};

const cleanForce: Rule = {
  id: 'git.clean-force',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'deletes untracked files',
  rationale: 'Untracked files were never committed: `git clean -f` deletes them for good (with -x also ignored files such as `.env`).',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'clean') return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'e', longWithValue: new Set(['exclude']) }, c.rest);
    // -n/--dry-run only lists; without -f git refuses (clean.requireForce).
    if (hasShort(s, 'n') || hasLong(s, 'dry-run')) return null;
    if (!hasShort(s, 'f') && !hasLong(s, 'force')) return null;
    // -d: untracked folders too; -x/-X: ignored files too (secrets, local databases, build caches).
    const folders = hasShort(s, 'd') ? ' and folders' : '';
    const ignored = hasShort(s, 'x') ? ', including ignored ones such as `.env`' : hasShort(s, 'X') ? ' (only ignored ones, such as `.env`)' : '';
    return { summary: `deletes untracked files${folders}${ignored}${where(cmd)}; they were never committed`, target: s.positionals.join(' ') || '.' };
  },
};

const PUSH_SPEC: ArgSpec = {
  shortWithValue: 'o',
  longWithValue: new Set(['repo', 'receive-pack', 'exec', 'push-option']),
};
const PROTECTED_BRANCHES: ReadonlySet<string> = new Set(['main', 'master', 'trunk', 'production', 'prod', 'release', 'develop']);

interface PushShape {
  s: ScannedArgs;
  remote: string;
  /** For summaries: "`origin`" or "the default remote". */
  remoteWords: string;
  refspecs: string[];
}

function readPush(cmd: SimpleCommand): PushShape | null {
  const c = gitCall(cmd);
  if (c === null || c.sub !== 'push') return null;
  const s = scanArgs(cmd.args, PUSH_SPEC, c.rest);
  // -n/--dry-run: shows what would be pushed, changes nothing.
  if (hasShort(s, 'n') || hasLong(s, 'dry-run')) return null;
  const remote = s.positionals[0];
  return { s, remote: remote ?? 'default remote', remoteWords: remote === undefined ? 'the default remote' : code(remote), refspecs: s.positionals.slice(1) };
}

/** The remote branch a refspec writes: `+HEAD:refs/heads/main` → `main`. */
function destination(refspec: string): string {
  let r = refspec.startsWith('+') ? refspec.slice(1) : refspec;
  const colon = r.indexOf(':');
  if (colon >= 0) r = r.slice(colon + 1);
  return r.startsWith('refs/heads/') ? r.slice(11) : r;
}

const pushForce: Rule = {
  id: 'git.push-force',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'force-pushes, overwriting commits on the remote',
  rationale:
    'A force push replaces the remote branch: commits others pushed are gone from it. `--force-with-lease` refuses when ' +
    'the remote moved, so it runs, unless a plain `--force` or a `+refspec` beside it overrides the lease.',
  match(cmd) {
    const p = readPush(cmd);
    if (p === null) return null;
    // -f/--force: overwrite whatever the remote has. --force-with-lease alone is the safe form.
    const force = hasShort(p.s, 'f') || hasLong(p.s, 'force');
    // `+ref`: forces that one ref, lease or not.
    const plus = p.refspecs.filter((r) => r.startsWith('+'));
    if (!force && plus.length === 0) return null;
    const forced = force ? p.refspecs : plus;
    const branches = forced.map(destination).filter((b) => b !== '');
    const target = `${p.remote}${branches.length > 0 ? ' ' + branches.join(' ') : ''}`;
    const onProtected = branches.some((b) => PROTECTED_BRANCHES.has(b));
    return {
      summary: `force-pushes to ${branches.length > 0 ? listBranches(branches) : 'the current branch'} on ${p.remoteWords}, replacing the commits there`,
      target,
      severity: onProtected ? 'critical' : 'high',
    } satisfies RuleHit;
  },
};

function listBranches(branches: readonly string[]): string {
  return branches.map(code).join(', ');
}

const pushDelete: Rule = {
  id: 'git.push-delete',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'deletes branches or tags on the remote',
  rationale: '`push --delete`, `push origin :branch` and `push --prune` remove refs on the remote; unmerged commits there become unreachable.',
  match(cmd) {
    const p = readPush(cmd);
    if (p === null) return null;
    // -d/--delete: every listed ref is deleted on the remote.
    const deleteAll = hasShort(p.s, 'd') || hasLong(p.s, 'delete');
    // `:branch`: pushing nothing onto a ref deletes it.
    const refs = deleteAll ? p.refspecs : p.refspecs.filter((r) => r.startsWith(':') && r.length > 1).map((r) => r.slice(1));
    // --prune: deletes remote branches that have no local counterpart.
    if (hasLong(p.s, 'prune')) {
      return { summary: `deletes every branch on ${p.remoteWords} that does not exist locally`, target: p.remote };
    }
    if (refs.length === 0) return null;
    return { summary: `deletes ${listBranches(refs)} on ${p.remoteWords}`, target: `${p.remote} ${refs.join(' ')}` };
  },
};

const pushMirror: Rule = {
  id: 'git.push-mirror',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'mirrors the local refs onto the remote, deleting and overwriting its branches',
  rationale: '`push --mirror` force-updates every ref and deletes every remote ref that does not exist locally.',
  match(cmd) {
    const p = readPush(cmd);
    if (p === null || !hasLong(p.s, 'mirror')) return null;
    return { summary: `overwrites ${p.remoteWords} with the local branches and tags, deleting every other branch there`, target: p.remote };
  },
};

const branchForceDelete: Rule = {
  id: 'git.branch-force-delete',
  category: 'git',
  severity: 'medium',
  commands: ['git'],
  summary: 'deletes a branch even though its commits are not merged',
  rationale: '`branch -D` deletes unmerged branches (plain `-d` refuses); their commits survive only in the HEAD reflog, for a while.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'branch') return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'u', longWithValue: new Set(['set-upstream-to', 'contains', 'merged', 'no-merged', 'points-at', 'sort', 'format']) }, c.rest);
    // -D = --delete --force; -r deletes only remote-tracking refs, which the next fetch restores.
    const force = hasShort(s, 'D') || ((hasShort(s, 'd') || hasLong(s, 'delete')) && (hasShort(s, 'f') || hasLong(s, 'force')));
    if (!force || hasShort(s, 'r') || hasLong(s, 'remotes') || s.positionals.length === 0) return null;
    return { summary: `deletes the branch${s.positionals.length > 1 ? 'es' : ''} ${listBranches(s.positionals)} even if not merged`, target: s.positionals.join(' ') };
  },
};

const stashDrop: Rule = {
  id: 'git.stash-drop',
  category: 'git',
  severity: 'medium',
  commands: ['git'],
  summary: 'deletes stashed changes',
  rationale: 'A stash holds uncommitted work; `stash drop` deletes one and `stash clear` deletes them all.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'stash') return null;
    const verb = subcommandIndex(cmd.args, {}, c.rest);
    const action = verb < 0 ? undefined : cmd.args[verb];
    if (action === 'clear') return { summary: `deletes every stash${where(cmd)}`, target: 'all stashes', severity: 'high' };
    if (action === 'drop') {
      const which = cmd.args[verb + 1] ?? 'stash@{0}';
      return { summary: `deletes the stash ${code(which)}${where(cmd)}`, target: which };
    }
    return null;
  },
};

const checkoutDiscard: Rule = {
  id: 'git.checkout-discard',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'throws away uncommitted changes in the working tree',
  rationale: '`checkout -- .`, `checkout -f` and `switch --discard-changes` overwrite edited files with the committed version.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || (c.sub !== 'checkout' && c.sub !== 'switch')) return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'bBcC', longWithValue: new Set(['orphan', 'conflict', 'pathspec-from-file']) }, c.rest);
    // -f/--force/--discard-changes: switch branches even over local edits, dropping them.
    if (hasShort(s, 'f') || hasLong(s, 'force', 'discard-changes')) {
      return { summary: `throws away uncommitted changes${where(cmd)} while switching branches`, target: s.positionals[0] ?? 'working tree', severity: 'medium' };
    }
    if (c.sub !== 'checkout') return null;
    const broad = broadPathspecs(s, cmd.args, c.rest);
    if (broad.length === 0) return null;
    return { summary: `throws away every uncommitted change under ${listBranches(broad)}${where(cmd)}`, target: broad.join(' ') };
  },
};

const restoreDiscard: Rule = {
  id: 'git.restore-discard',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'throws away uncommitted changes in the working tree',
  rationale: '`git restore .` overwrites edited files with the committed version; `--staged` alone only unstages and runs.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'restore') return null;
    const s = scanArgs(cmd.args, { shortWithValue: 's', longWithValue: new Set(['source', 'pathspec-from-file']) }, c.rest);
    // --staged without --worktree touches only the index: the edits on disk stay.
    const staged = hasShort(s, 'S') || hasLong(s, 'staged');
    const worktree = hasShort(s, 'W') || hasLong(s, 'worktree');
    if (staged && !worktree) return null;
    const broad = broadPathspecs(s, cmd.args, c.rest);
    if (broad.length === 0) return null;
    return { summary: `throws away every uncommitted change under ${listBranches(broad)}${where(cmd)}`, target: broad.join(' ') };
  },
};

const filterBranch: Rule = {
  id: 'git.filter-branch',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'rewrites the repository\'s whole history',
  rationale: '`filter-branch` / `filter-repo` rewrite every commit; pushed afterwards, the old history is gone for everyone.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || (c.sub !== 'filter-branch' && c.sub !== 'filter-repo')) return null;
    const s = scanArgs(cmd.args, {}, c.rest);
    // filter-repo --analyze only reports; --dry-run writes nothing.
    if (hasLong(s, 'analyze', 'dry-run')) return null;
    return { summary: `rewrites every commit of the repository${where(cmd)} (${code('git ' + c.sub)})`, target: 'history' };
  },
};

const reflogExpire: Rule = {
  id: 'git.reflog-expire',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'deletes the reflog, git\'s record for recovering lost commits',
  rationale: 'The reflog is how a bad reset or a deleted branch is undone; expiring it (then `gc`) makes those commits unrecoverable.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'reflog') return null;
    const action = cmd.args[c.rest];
    if (action !== 'expire' && action !== 'delete') return null;
    const s = scanArgs(cmd.args, {}, c.rest + 1);
    // -n/--dry-run: only prints what would be pruned.
    if (hasShort(s, 'n') || hasLong(s, 'dry-run')) return null;
    return { summary: `deletes reflog entries${where(cmd)}, the record used to recover lost commits`, target: s.positionals.join(' ') || 'reflog' };
  },
};

const updateRefDelete: Rule = {
  id: 'git.update-ref-delete',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'deletes a ref (branch or tag) directly',
  rationale: '`update-ref -d` removes a ref with no safety check for unmerged commits.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null || c.sub !== 'update-ref') return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'm' }, c.rest);
    // -d: delete the named ref.
    if (!hasShort(s, 'd')) return null;
    const ref = s.positionals[0] ?? '?';
    return { summary: `deletes the ref ${code(ref)}${where(cmd)}`, target: ref };
  },
};

/**
 * The same loss spelled with plumbing or other porcelain: `read-tree -u --reset` is `reset --hard`,
 * `checkout-index -f -a` is `checkout -- .`, `worktree remove --force` deletes a work tree with its
 * uncommitted edits, and `rm -f` of the whole tree deletes every edited file with it.
 */
const plumbingDiscard: Rule = {
  id: 'git.plumbing-discard',
  category: 'git',
  severity: 'high',
  commands: ['git'],
  summary: 'throws away uncommitted changes in the working tree',
  rationale: 'Plumbing commands overwrite or delete the working tree like `reset --hard` and `checkout -- .`; uncommitted edits cannot be recovered.',
  match(cmd) {
    const c = gitCall(cmd);
    if (c === null) return null;
    const s = scanArgs(cmd.args, { shortWithValue: '', longWithValue: new Set(['prefix', 'index-output', 'exclude-per-directory', 'stage', 'temp']) }, c.rest);
    const force = hasShort(s, 'f') || hasLong(s, 'force');
    if (c.sub === 'read-tree' && hasShort(s, 'u') && hasLong(s, 'reset')) {
      return { summary: `throws away every uncommitted change${where(cmd)} (${code('git read-tree -u --reset')})`, target: s.positionals[0] ?? 'HEAD' };
    }
    if (c.sub === 'checkout-index' && force && (hasShort(s, 'a') || hasLong(s, 'all'))) {
      return { summary: `overwrites every edited file${where(cmd)} with the staged version (${code('git checkout-index -f -a')})`, target: 'working tree' };
    }
    if (c.sub === 'worktree' && s.positionals[0] === 'remove' && force) {
      const tree = s.positionals[1] ?? '?';
      return { summary: `deletes the work tree ${code(tree)} with its uncommitted and untracked changes`, target: tree };
    }
    if (c.sub === 'rm' && force && !hasLong(s, 'cached', 'dry-run') && !hasShort(s, 'n')) {
      const broad = broadPathspecs(s, cmd.args, c.rest);
      if (broad.length > 0) return { summary: `deletes every file under ${listBranches(broad)}${where(cmd)}, edited or not`, target: broad.join(' ') };
    }
    return null;
  },
};

export const GIT_RULES: RulePack = {
  name: 'git',
  rules: [
    resetHard, cleanForce, pushForce, pushDelete, pushMirror, branchForceDelete, stashDrop, checkoutDiscard,
    restoreDiscard, filterBranch, reflogExpire, updateRefDelete, plumbingDiscard,
  ],
};
