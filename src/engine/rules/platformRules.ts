// Application platforms and data services not covered by the cloud tables: self-hosted PaaS (Dokku, Kamal,
// Cloud Foundry), AWS deploy frameworks (SAM, Copilot, Elastic Beanstalk, eksctl) and Splunk's indexes.
// Deleting an app, environment, database service or index asks; deploy, logs, status and help run.
// (`serverless remove`, `cdk destroy`, `sst remove`, `amplify delete` are the IaC pack's.)
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';

const FAMILY: VerbFamily = {
  prefix: 'platform',
  category: 'platform',
  rationale:
    'Apps, environments, database services and indexes on a platform hold data and state (attached databases, ' +
    'volumes, logs, configuration) that a redeploy from the repository does not bring back. Deploying, listing, ' +
    'logs and help run.',
};

const DOKKU: CloudCli = {
  cli: 'dokku',
  names: ['dokku'],
  valueFlags: ['--app', '--remote'],
  verbs: [
    { id: 'dokku-apps-destroy', path: [['apps:destroy', 'destroy']], anchored: true, what: 'the Dokku app' },
    // Datastore plugins: postgres:destroy, redis:destroy, mysql:destroy, mongo:destroy …
    { id: 'dokku-service-destroy', path: [/^[a-z0-9-]+:(destroy|unlink|backup-unschedule)$/], anchored: true, what: 'the Dokku database service and its data' },
    { id: 'dokku-storage-unmount', path: [['storage:unmount']], anchored: true, what: 'the persistent storage mount of the app', severity: 'medium', verb: 'detaches' },
  ],
};

const KAMAL: CloudCli = {
  cli: 'kamal',
  names: ['kamal'],
  valueFlags: ['-d', '--destination', '-c', '--config-file', '-r', '--roles', '-h', '--hosts'],
  verbs: [
    // `kamal remove` tears down the app and its accessories; `accessory remove db` removes the database container and its data directory.
    { id: 'kamal-remove', path: ['remove'], anchored: true, what: 'the app and its accessories (databases included) from the servers' },
    { id: 'kamal-accessory-remove', path: ['accessory', ['remove', 'rm']], anchored: true, what: 'the accessory (often the database) and its data directory' },
  ],
};

const CLOUD_FOUNDRY: CloudCli = {
  cli: 'cf',
  names: ['cf', 'cf7', 'cf8'],
  valueFlags: ['-o', '-s'],
  verbs: [
    { id: 'cf-delete', path: [['delete', 'delete-service', 'delete-space', 'delete-org', 'purge-service-instance', 'purge-service-offering']], anchored: true, what: 'the Cloud Foundry app, service instance, space or org' },
  ],
};

const SAM: CloudCli = {
  cli: 'sam',
  names: ['sam'],
  valueFlags: ['--stack-name', '--region', '--profile', '--config-file', '--config-env', '-t', '--template'],
  targetFlags: ['--stack-name'],
  verbs: [{ id: 'sam-delete', path: ['delete'], anchored: true, what: 'the SAM application stack (and the resources it owns)' }],
};

const COPILOT: CloudCli = {
  cli: 'copilot',
  names: ['copilot'],
  valueFlags: ['-a', '--app', '-e', '--env', '-n', '--name'],
  targetFlags: ['-n', '--name', '-a', '--app'],
  verbs: [{ id: 'copilot-delete', path: [['app', 'env', 'svc', 'job', 'storage'], 'delete'], anchored: true, what: 'the Copilot application, environment or service' }],
};

const ELASTIC_BEANSTALK: CloudCli = {
  cli: 'eb',
  names: ['eb'],
  valueFlags: ['--region', '--profile', '-r'],
  verbs: [{ id: 'eb-terminate', path: ['terminate'], anchored: true, what: 'the Elastic Beanstalk environment (with its instances and attached database)' }],
};

const EKSCTL: CloudCli = {
  cli: 'eksctl',
  names: ['eksctl'],
  valueFlags: ['--name', '-n', '--cluster', '-c', '--region', '-r', '-f', '--config-file', '--profile'],
  targetFlags: ['--name', '-n', '--cluster', '-c'],
  verbs: [{ id: 'eksctl-delete-cluster', path: ['delete', ['cluster', 'nodegroup', 'addon']], anchored: true, what: 'the EKS cluster or node group' }],
};

// Splunk: `splunk remove index main`, `splunk clean eventdata -index web` (or `clean all`).
const SPLUNK: CloudCli = {
  cli: 'splunk',
  names: ['splunk'],
  valueFlags: ['-auth', '-index', '-app', '-uri'],
  targetFlags: ['-index'],
  verbs: [
    { id: 'splunk-remove-index', path: ['remove', 'index'], anchored: true, what: 'the Splunk index and its events' },
    { id: 'splunk-clean', path: ['clean', ['eventdata', 'all', 'userdata', 'kvstore', 'globaldata']], anchored: true, what: 'the Splunk events or stored data' },
  ],
};

const TABLES: readonly CloudCli[] = [DOKKU, KAMAL, CLOUD_FOUNDRY, SAM, COPILOT, ELASTIC_BEANSTALK, EKSCTL, SPLUNK];

// Built on the first command one of these tables names (lazyPack.ts).
export const PLATFORM_RULES: RulePack = lazyPack('platform', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)));
