import { GIT_HOSTING_RULES } from '../../../src/engine/rules/gitHostingRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['hosting.glab-repo-delete', 'glab repo delete acme/web --yes', 'acme/web', 'glab repo view acme/web'],
  ['hosting.glab-release-delete', 'glab release delete v1.0.0', 'v1.0.0', 'glab release view v1.0.0'],
  ['hosting.tea-repo-delete', 'tea repos delete --repo acme/web', 'acme/web', 'tea repos list'],
  ['hosting.bitbucket-repo-delete', 'bb repo delete acme/web', 'acme/web', 'bb repo list'],
  ['hosting.glab-api-delete', 'glab api -X DELETE projects/42', 'projects/42', 'glab api projects/42'],
  ['hosting.glab-api-delete', 'glab api --method DELETE groups/acme', 'groups/acme', 'glab api --method GET groups/acme'],
  ['hosting.gitlab-rails-runner-destroy', `gitlab-rails runner "Project.where(archived: true).destroy_all"`, 'destroy_all', `gitlab-rails runner "puts Project.count"`],
  ['hosting.gitlab-rails-runner-destroy', 'gitlab-rake gitlab:backup:restore BACKUP=1700000000_2024_01_01', 'gitlab:backup:restore', 'gitlab-rake gitlab:backup:create'],
  ['hosting.gitlab-rails-runner-destroy', 'gitlab-backup restore BACKUP=1700000000', 'gitlab-backup restore', 'gitlab-backup create'],
];

describe('git hosting rules', () => {
  describeRows(GIT_HOSTING_RULES, ROWS);
});
