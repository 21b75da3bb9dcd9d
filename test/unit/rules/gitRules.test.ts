import assert from 'node:assert/strict';
import { GIT_RULES } from '../../../src/engine/rules/gitRules';
import { decisionOf, findingsOf } from '../helpers';
import { describeRows, summaryOf } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['git.reset-hard', 'git reset --hard', 'HEAD', 'git reset --soft HEAD~1'],
  ['git.reset-hard', 'git -C ../api reset --hard origin/main', 'origin/main', 'git -C ../api reset HEAD file.txt'],
  ['git.clean-force', 'git clean -fdx', '.', 'git clean -n'],
  ['git.clean-force', 'git clean --force src/', 'src/', 'git clean --dry-run -fdx'],
  ['git.push-force', 'git push --force', 'default remote', 'git push'],
  ['git.push-force', 'git push -f origin main', 'origin main', 'git push origin main'],
  ['git.push-force', 'git push -fu origin feature', 'origin feature', 'git push -u origin feature'],
  ['git.push-force', 'git push origin +main', 'origin main', 'git push origin main:main'],
  ['git.push-force', 'git push --force-with-lease --force origin x', 'origin x', 'git push --force-with-lease origin x'],
  ['git.push-force', 'git --git-dir=.git push --force origin x', 'origin x', 'git push --dry-run --force origin x'],
  ['git.push-delete', 'git push origin --delete old', 'origin old', 'git push origin old'],
  ['git.push-delete', 'git push origin :old', 'origin old', 'git push origin HEAD:old'],
  ['git.push-delete', 'git push --prune origin', 'origin', 'git fetch --prune origin'],
  ['git.push-mirror', 'git push --mirror backup', 'backup', 'git push --all backup'],
  ['git.branch-force-delete', 'git branch -D feature', 'feature', 'git branch -d feature'],
  ['git.branch-force-delete', 'git branch --delete --force feature', 'feature', 'git branch -D -r origin/feature'],
  ['git.stash-drop', 'git stash drop', 'stash@{0}', 'git stash pop'],
  ['git.stash-drop', 'git stash clear', 'all stashes', 'git stash list'],
  ['git.checkout-discard', 'git checkout -- .', '.', 'git checkout -- README.md'],
  ['git.checkout-discard', 'git checkout .', '.', 'git checkout main'],
  ['git.checkout-discard', 'git checkout HEAD -- src/', 'src/', 'git checkout -b feature/x'],
  ['git.checkout-discard', 'git checkout -f main', 'main', 'git switch main'],
  ['git.checkout-discard', "git checkout -- '*.ts'", '*.ts', 'git checkout -- src/app.ts'],
  ['git.restore-discard', 'git restore .', '.', 'git restore --staged .'],
  ['git.restore-discard', 'git restore --staged --worktree .', '.', 'git restore src/app.ts'],
  ['git.filter-branch', 'git filter-branch --tree-filter "rm -f x" HEAD', 'history', 'git filter-repo --analyze'],
  ['git.reflog-expire', 'git reflog expire --expire=now --all', 'reflog', 'git reflog show main'],
  ['git.update-ref-delete', 'git update-ref -d refs/heads/x', 'refs/heads/x', 'git update-ref refs/heads/x HEAD'],
  ['git.plumbing-discard', 'git read-tree -u --reset HEAD', 'HEAD', 'git read-tree HEAD'],
  ['git.plumbing-discard', 'git checkout-index -f -a', 'working tree', 'git checkout-index -a --prefix=/tmp/export/'],
  ['git.plumbing-discard', 'git worktree remove --force ../wt', '../wt', 'git worktree remove ../wt'],
  ['git.plumbing-discard', 'git rm -rf .', '.', 'git rm -r --cached .'],
];

describe('git rules', () => {
  describeRows(GIT_RULES, ROWS);

  it('rates a force push to main critical, to a feature branch high', () => {
    const sev = (c: string) => findingsOf(c).find((f) => f.rule === 'git.push-force')?.severity;
    assert.equal(sev('git push -f origin main'), 'critical');
    assert.equal(sev('git push -f origin feature'), 'high');
  });

  it('says where and what for a person', () => {
    assert.equal(summaryOf('git push -f origin main', 'git.push-force'), 'force-pushes to `main` on `origin`, replacing the commits there');
    assert.match(summaryOf('git -C ../api reset --hard', 'git.reset-hard'), /in `\.\.\/api`/);
    assert.match(summaryOf('git clean -fdx', 'git.clean-force'), /ignored ones such as `\.env`/);
  });

  // Words that only mention git commands, and help, run.
  for (const command of ['git commit -m "git push --force"', 'git log --grep "reset --hard"', 'echo "git clean -fdx"', 'git push --help', 'git help reset']) {
    it(`runs \`${command}\``, () => assert.equal(decisionOf(command), 'allow'));
  }
  for (const command of ['/usr/bin/git reset --hard', "g''it push --force", 'git "pu"sh -f', "ssh ci 'git reset --hard'", "bash -c 'git push -f'"]) {
    it(`sees through \`${command}\``, () => assert.notEqual(decisionOf(command), 'allow'));
  }
});
