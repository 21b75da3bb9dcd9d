// Git hosting: a repository deleted on the host takes its issues, merge requests, wiki, releases and CI
// settings with it; a local clone keeps only the git data. GitLab's own admin tools (`gitlab-rails runner`,
// `gitlab-rake gitlab:backup:restore`) destroy or overwrite the whole instance's data. `gh` is a row of the
// cloud tables (cloudRules.ts); `gh api -X DELETE` is the HTTP pack's, and `glab api -X DELETE` is here.
import type { Rule, RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf, flagValueAt } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';
import { code } from './scanArgs';

const RATIONALE =
  'A repository, project or group deleted on the host loses its issues, merge requests, wiki, releases and CI ' +
  'settings, which no clone holds; listing, viewing, cloning and creating run.';

const FAMILY: VerbFamily = { prefix: 'hosting', category: 'hosting', rationale: RATIONALE };

const DELETE = ['delete', 'del', 'rm', 'remove'] as const;

const GLAB: CloudCli = {
  cli: 'glab',
  names: ['glab'],
  valueFlags: ['-R', '--repo', '-g', '--group', '--hostname'],
  verbs: [
    { id: 'glab-repo-delete', path: [['repo', 'project'], DELETE], anchored: true, what: 'the GitLab project (with its issues, merge requests and wiki)', targetFlags: ['-R', '--repo'] },
    { id: 'glab-release-delete', path: ['release', 'delete'], anchored: true, what: 'the GitLab release and its assets', severity: 'medium' },
  ],
};

// Gitea's `tea` and the Bitbucket CLIs.
const TEA: CloudCli = {
  cli: 'tea',
  names: ['tea'],
  valueFlags: ['--login', '-l', '--repo', '-r', '--remote', '-R', '--output', '-o'],
  verbs: [{ id: 'tea-repo-delete', path: [['repos', 'repo', 'r', 'organizations', 'org'], DELETE], anchored: true, what: 'the Gitea repository or organization', targetFlags: ['--repo', '-r'] }],
};

const BITBUCKET: CloudCli = {
  cli: 'bitbucket',
  names: ['bb', 'bitbucket', 'bkt'],
  valueFlags: ['-w', '--workspace', '-r', '--repo', '-p', '--project'],
  verbs: [{ id: 'bitbucket-repo-delete', path: [['repo', 'repos', 'repository', 'project'], DELETE], anchored: true, what: 'the Bitbucket repository or project', targetFlags: ['-r', '--repo'] }],
};

const METHOD_FLAGS = ['-X', '--method'];

/** `glab api -X DELETE projects/1`: the same as `gh api -X DELETE`, which the HTTP pack reads. */
const glabApiDelete: Rule = {
  id: 'hosting.glab-api-delete',
  category: 'hosting',
  severity: 'high',
  commands: ['glab'],
  summary: 'sends a DELETE to the GitLab API',
  rationale: RATIONALE,
  match(cmd) {
    if (cmd.args[0] !== 'api') return null;
    const m = flagValueAt(cmd.args, METHOD_FLAGS);
    const glued = cmd.args.find((a) => a.startsWith('-X') && a.length > 2);
    const method = (m?.value ?? glued?.slice(2) ?? '').toUpperCase();
    if (method !== 'DELETE') return null;
    const endpoint = cmd.args.slice(1).find((a, i, rest) => !a.startsWith('-') && (i === 0 || !METHOD_FLAGS.includes(rest[i - 1])));
    return { summary: `sends a DELETE to the GitLab API${endpoint ? ` for ${code(endpoint)}` : ''}`, target: endpoint };
  },
};

/** Ruby that a `gitlab-rails runner` evaluates: bulk deletes of records or whole projects. */
const RAILS_DESTROY = /\b(?:destroy_all|delete_all|destroy|delete|truncate|drop_table|Projects::DestroyService|Groups::DestroyService|Users::DestroyService)\b/;

const gitlabRailsRunner: Rule = {
  id: 'hosting.gitlab-rails-runner-destroy',
  category: 'hosting',
  severity: 'high',
  commands: ['gitlab-rails', 'gitlab-rake', 'gitlab-backup'],
  summary: "deletes or overwrites GitLab's own data",
  rationale:
    "`gitlab-rails runner` runs Ruby against GitLab's production database; `destroy`/`delete_all` remove projects, users " +
    'or records for the whole instance, and `gitlab-rake gitlab:backup:restore` overwrites everything with a backup.',
  match(cmd) {
    if (cmd.name === 'gitlab-backup') {
      return cmd.args[0] === 'restore' ? { summary: "overwrites the whole GitLab instance's data with a backup", target: 'gitlab-backup restore' } : null;
    }
    if (cmd.name === 'gitlab-rake') {
      const task = cmd.args.find((a) => a.startsWith('gitlab:'));
      if (task === undefined) return null;
      if (task.startsWith('gitlab:backup:restore')) return { summary: "overwrites the whole GitLab instance's data with a backup", target: task };
      if (task.startsWith('gitlab:cleanup:') && cmd.args.some((a) => a === 'DRY_RUN=false' || a === 'REMOVE=true')) {
        return { summary: `removes GitLab data with ${code(task)}`, target: task, severity: 'medium' };
      }
      return null;
    }
    if (cmd.args[0] !== 'runner') return null;
    const text = cmd.args.slice(1).join(' ');
    const m = RAILS_DESTROY.exec(text);
    if (!m) return null;
    return { summary: `runs Ruby against GitLab's database that calls ${code(m[0])}`, target: m[0] };
  },
};

const TABLES = [GLAB, TEA, BITBUCKET];

// Built on the first command it names (lazyPack.ts).
export const GIT_HOSTING_RULES: RulePack = lazyPack('hosting', [...TABLES.flatMap((cli) => cli.names), ...glabApiDelete.commands, ...gitlabRailsRunner.commands], () => [
  ...TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)),
  glabApiDelete,
  gitlabRailsRunner,
]);
