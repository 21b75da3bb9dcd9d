// Cloud and PaaS CLIs: deleting or destroying databases, volumes, disks, buckets, snapshots, backups,
// projects, environments, apps, clusters or stacks asks, in every environment (the confirmation names
// which one). `list`, `describe`, `create`, `deploy`, `logs`, backup capture and help run: no row matches them.
// One table per CLI; a row is a subcommand path and what it destroys. See cloudVerbTable.ts for the matcher.
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli } from './cloudVerbTable';

const DELETE = ['delete', 'del', 'rm', 'remove'] as const;
const DESTROY = ['destroy', 'delete', 'remove', 'rm'] as const;

// ---------------------------------------------------------------------------------------------
// AWS: `aws [global options] <service> <operation> --<resource>-identifier x`.
const AWS: CloudCli = {
  cli: 'aws',
  names: ['aws'],
  valueFlags: [
    '--profile', '--region', '--output', '--endpoint-url', '--query', '--cli-read-timeout', '--cli-connect-timeout',
    '--ca-bundle', '--color', '--cli-binary-format', '--cli-input-json', '--cli-input-yaml', '--final-db-snapshot-identifier',
    '--final-snapshot-identifier', '--exclude', '--include',
  ],
  verbs: [
    { id: 'aws-rds-delete-instance', path: [['rds', 'docdb', 'neptune'], 'delete-db-instance'], what: 'the database instance', targetFlags: ['--db-instance-identifier'] },
    { id: 'aws-rds-delete-cluster', path: [['rds', 'docdb', 'neptune'], ['delete-db-cluster', 'delete-global-cluster']], what: 'the database cluster', targetFlags: ['--db-cluster-identifier', '--global-cluster-identifier'] },
    { id: 'aws-rds-delete-snapshot', path: [['rds', 'docdb', 'neptune'], ['delete-db-snapshot', 'delete-db-cluster-snapshot']], what: 'the database snapshot', targetFlags: ['--db-snapshot-identifier', '--db-cluster-snapshot-identifier'] },
    { id: 'aws-rds-delete-backup', path: [['rds'], /^delete-db-(instance|cluster)-automated-backup$/], what: 'the automated database backups', targetFlags: ['--dbi-resource-id', '--db-cluster-resource-id', '--db-instance-automated-backups-arn'] },
    // `aws s3 rb` removes a bucket (with `--force`, everything in it); `s3 rm` of one object is like `rm` of one file.
    { id: 'aws-s3-rb', path: ['s3', 'rb'], what: 'the S3 bucket' },
    { id: 'aws-s3-rm-recursive', path: ['s3', 'rm'], what: 'every object under that prefix', bulk: { flags: ['--recursive'] } },
    { id: 'aws-s3api-delete-bucket', path: ['s3api', ['delete-bucket', 'delete-objects']], what: 'the objects of the S3 bucket', targetFlags: ['--bucket'] },
    { id: 'aws-ec2-delete-volume', path: ['ec2', 'delete-volume'], what: 'the EBS volume', targetFlags: ['--volume-id'] },
    { id: 'aws-ec2-delete-snapshot', path: ['ec2', 'delete-snapshot'], what: 'the EBS snapshot', targetFlags: ['--snapshot-id'] },
    { id: 'aws-ec2-terminate-instances', path: ['ec2', 'terminate-instances'], what: 'the EC2 instances (with their delete-on-termination volumes)', targetFlags: ['--instance-ids'] },
    { id: 'aws-dynamodb-delete-table', path: ['dynamodb', ['delete-table', 'delete-backup']], what: 'the DynamoDB table or backup', targetFlags: ['--table-name', '--backup-arn'] },
    { id: 'aws-cloudformation-delete-stack', path: ['cloudformation', 'delete-stack'], what: 'the CloudFormation stack (and the resources it owns)', targetFlags: ['--stack-name'] },
    { id: 'aws-eks-delete-cluster', path: ['eks', 'delete-cluster'], what: 'the EKS cluster', targetFlags: ['--name'] },
    { id: 'aws-lambda-delete-function', path: ['lambda', 'delete-function'], what: 'the Lambda function', severity: 'medium', targetFlags: ['--function-name'] },
    // Every `aws backup delete-*` removes vaults, plans or recovery points: the copies of last resort.
    { id: 'aws-backup-delete', path: ['backup', /^delete-/], what: 'AWS Backup data', targetFlags: ['--backup-vault-name', '--recovery-point-arn', '--backup-plan-id'] },
    { id: 'aws-efs-delete', path: ['efs', 'delete-file-system'], what: 'the EFS file system', targetFlags: ['--file-system-id'] },
    { id: 'aws-elasticache-delete', path: ['elasticache', /^delete-(cache-cluster|replication-group|serverless-cache|snapshot)$/], what: 'the ElastiCache data', targetFlags: ['--cache-cluster-id', '--replication-group-id', '--serverless-cache-name', '--snapshot-name'] },
    { id: 'aws-redshift-delete-cluster', path: ['redshift', ['delete-cluster', 'delete-cluster-snapshot']], what: 'the Redshift cluster', targetFlags: ['--cluster-identifier', '--snapshot-identifier'] },
    { id: 'aws-opensearch-delete-domain', path: [['opensearch', 'es'], ['delete-domain', 'delete-elasticsearch-domain']], what: 'the search domain', targetFlags: ['--domain-name'] },
    { id: 'aws-memorydb-delete', path: ['memorydb', ['delete-cluster', 'delete-snapshot']], what: 'the MemoryDB data', targetFlags: ['--cluster-name', '--snapshot-name'] },
    { id: 'aws-ecr-delete-repository', path: ['ecr', 'delete-repository'], what: 'the container image repository', severity: 'medium', targetFlags: ['--repository-name'] },
    // Secrets and keys cannot be rebuilt; a scheduled KMS key deletion makes everything encrypted with it unreadable.
    { id: 'aws-secretsmanager-delete-secret', path: ['secretsmanager', 'delete-secret'], what: 'the secret', targetFlags: ['--secret-id'] },
    { id: 'aws-kms-schedule-key-deletion', path: ['kms', 'schedule-key-deletion'], what: 'the KMS key (data encrypted with it becomes unreadable)', targetFlags: ['--key-id'] },
    { id: 'aws-lightsail-delete', path: ['lightsail', /^delete-(instance|relational-database|disk|bucket|.*snapshot)$/], what: 'the Lightsail resource', targetFlags: ['--instance-name', '--relational-database-name', '--disk-name', '--bucket-name'] },
    { id: 'aws-timestream-delete', path: [['timestream-write', 'keyspaces', 'qldb'], /^delete-(database|table|keyspace|ledger)$/], what: 'the database', targetFlags: ['--database-name', '--table-name', '--keyspace-name', '--name'] },
    { id: 'aws-glacier-delete-vault', path: ['glacier', ['delete-vault', 'delete-archive']], what: 'the Glacier archive', targetFlags: ['--vault-name'] },
    { id: 'aws-logs-delete-log-group', path: ['logs', 'delete-log-group'], what: 'the log group and its logs', severity: 'medium', targetFlags: ['--log-group-name'] },
    // Queues and streams: the messages waiting in them exist nowhere else.
    { id: 'aws-sqs-delete-queue', path: ['sqs', ['delete-queue', 'purge-queue']], what: 'the SQS queue and the messages in it', targetFlags: ['--queue-url'] },
    { id: 'aws-sns-delete-topic', path: ['sns', 'delete-topic'], what: 'the SNS topic (and its subscriptions)', severity: 'medium', targetFlags: ['--topic-arn'] },
    { id: 'aws-kinesis-delete-stream', path: [['kinesis', 'firehose'], ['delete-stream', 'delete-delivery-stream']], what: 'the Kinesis stream and its records', targetFlags: ['--stream-name', '--delivery-stream-name'] },
    { id: 'aws-kafka-delete-cluster', path: [['kafka', 'mq'], ['delete-cluster', 'delete-cluster-v2', 'delete-broker']], what: 'the managed Kafka cluster or broker', targetFlags: ['--cluster-arn', '--broker-id'] },
    // Parameters hold configuration and secrets (SecureString) that the repository does not.
    { id: 'aws-ssm-delete-parameter', path: ['ssm', ['delete-parameter', 'delete-parameters']], what: 'the SSM parameters', severity: 'medium', targetFlags: ['--name', '--names'] },
  ],
};

// ---------------------------------------------------------------------------------------------
// Google Cloud: `gcloud [alpha|beta] <group…> delete NAME`, plus gsutil and bq.
const GCLOUD: CloudCli = {
  cli: 'gcloud',
  names: ['gcloud'],
  valueFlags: [
    '--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account',
    '--billing-project', '--zone', '--region', '--location', '--instance', '--cluster', '--flags-file', '--trace-token',
    '--database', '--async-timeout',
  ],
  verbs: [
    { id: 'gcloud-sql-delete', path: ['sql', ['instances', 'databases', 'backups'], 'delete'], what: 'the Cloud SQL instance, database or backup' },
    // A restore overwrites the instance's current data with the backup's.
    { id: 'gcloud-sql-restore', path: ['sql', ['backups', 'instances'], ['restore', 'restore-backup']], what: 'the current data of the Cloud SQL instance (overwritten by a backup)', targetFlags: ['--restore-instance'] },
    { id: 'gcloud-firestore-bulk-delete', path: ['firestore', 'bulk-delete'], what: 'the Firestore documents of the collections', targetFlags: ['--collection-ids', '--database'] },
    { id: 'gcloud-projects-delete', path: ['projects', 'delete'], what: 'the whole Google Cloud project' },
    { id: 'gcloud-compute-delete', path: ['compute', ['disks', 'instances', 'snapshots', 'images', 'machine-images', 'instance-groups'], 'delete'], what: 'the Compute Engine resource' },
    { id: 'gcloud-storage-buckets-delete', path: ['storage', 'buckets', 'delete'], what: 'the Cloud Storage bucket' },
    { id: 'gcloud-storage-rm-recursive', path: ['storage', 'rm'], what: 'every object under that prefix', bulk: { flags: ['-r', '-R', '--recursive'], wildcard: true } },
    { id: 'gcloud-container-clusters-delete', path: ['container', 'clusters', 'delete'], what: 'the GKE cluster' },
    { id: 'gcloud-datastore-delete', path: [['spanner', 'bigtable', 'firestore', 'redis', 'filestore', 'alloydb', 'memcache', 'datastore'], /^[a-z-]+$/, 'delete'], what: 'the database or its instance' },
    // Objects by wildcard or from a listing; one object by name runs (see exemptPaths below).
    { id: 'gcloud-storage-objects-delete-bulk', path: ['storage', 'objects', 'delete'], what: 'every object the wildcard matches', bulk: { flags: ['-r', '--recursive'], wildcard: true } },
    { id: 'gcloud-pubsub-delete', path: ['pubsub', ['topics', 'subscriptions', 'snapshots', 'lite-topics', 'lite-subscriptions'], 'delete'], what: 'the Pub/Sub topic or subscription (with its undelivered messages)' },
    { id: 'gcloud-secrets-delete', path: ['secrets', 'delete'], what: 'the secret and every version of it' },
    { id: 'gcloud-secrets-versions-destroy', path: ['secrets', 'versions', 'destroy'], what: 'the secret version' },
  ],
  generic: {
    id: 'gcloud-delete',
    verbs: ['delete'],
    what: 'the Google Cloud resource',
    severity: 'medium',
    exemptGroups: ['config', 'components', 'auth', 'topic', 'help', 'meta', 'emulators', 'survey', 'feedback'],
    // One named object is like `rm` of one file (the bulk form is a row above).
    exemptPaths: [['storage', 'objects', 'delete']],
  },
};

const GSUTIL: CloudCli = {
  cli: 'gsutil',
  names: ['gsutil'],
  valueFlags: ['-o', '-h', '-u', '-i'],
  verbs: [
    { id: 'gsutil-rb', path: ['rb'], what: 'the Cloud Storage bucket', anchored: true },
    { id: 'gsutil-rm-recursive', path: ['rm'], what: 'every object under that prefix', anchored: true, bulk: { flags: ['-r', '-R'], wildcard: true } },
  ],
};

// `bq rm` removes a BigQuery table or dataset: the same as DROP TABLE.
const BQ: CloudCli = {
  cli: 'bq',
  names: ['bq'],
  valueFlags: ['--project_id', '--location', '--dataset_id', '--format', '--api', '--credential_file'],
  verbs: [{ id: 'bq-rm', path: ['rm'], what: 'the BigQuery table or dataset', anchored: true }],
};

// ---------------------------------------------------------------------------------------------
// Azure: `az <group…> delete`.
const AZ: CloudCli = {
  cli: 'az',
  names: ['az'],
  valueFlags: [
    '--subscription', '--output', '-o', '--query', '--resource-group', '-g', '--name', '-n', '--server', '-s',
    '--account-name', '--location', '-l', '--vault-name', '--container-name', '-c',
  ],
  targetFlags: ['--name', '-n', '--ids', '--account-name', '--container-name'],
  verbs: [
    { id: 'az-group-delete', path: ['group', 'delete'], what: 'the resource group and every resource in it' },
    { id: 'az-sql-delete', path: ['sql', ['db', 'server', 'mi', 'midb'], 'delete'], what: 'the Azure SQL database or server' },
    { id: 'az-db-server-delete', path: [['postgres', 'mysql', 'mariadb'], ['server', 'flexible-server', 'db'], 'delete'], what: 'the database server' },
    { id: 'az-db-flexible-db-delete', path: [['postgres', 'mysql'], 'flexible-server', 'db', 'delete'], what: 'the database', targetFlags: ['--database-name', '-d'] },
    { id: 'az-cosmosdb-delete', path: ['cosmosdb', 'delete'], what: 'the Cosmos DB account' },
    { id: 'az-storage-delete', path: ['storage', ['account', 'container', 'share', 'fs', 'queue', 'table'], 'delete'], what: 'the storage account, container or share' },
    { id: 'az-storage-blob-delete-batch', path: ['storage', ['blob', 'file'], 'delete-batch'], what: 'every blob in that container matching the pattern', targetFlags: ['--source', '-s'] },
    { id: 'az-disk-delete', path: [['disk', 'snapshot'], 'delete'], what: 'the managed disk or snapshot' },
    { id: 'az-vm-delete', path: [['vm', 'vmss'], 'delete'], what: 'the virtual machine' },
    { id: 'az-aks-delete', path: ['aks', 'delete'], what: 'the AKS cluster' },
    { id: 'az-backup-delete', path: ['backup', 'vault', 'delete'], what: 'the backup vault' },
    { id: 'az-keyvault-delete', path: ['keyvault', ['delete', 'purge']], what: 'the key vault (and its secrets)' },
    { id: 'az-redis-delete', path: ['redis', 'delete'], what: 'the Redis cache' },
  ],
  generic: {
    id: 'az-delete',
    verbs: ['delete', 'purge'],
    what: 'the Azure resource',
    severity: 'medium',
    exemptGroups: ['config', 'extension', 'account', 'cache', 'login', 'logout', 'cloud', 'devops', 'feedback'],
    // One named blob or file is like `rm` of one file.
    exemptPaths: [['storage', 'blob', 'delete'], ['storage', 'file', 'delete']],
  },
};

// ---------------------------------------------------------------------------------------------
// PaaS CLIs.
const RAILWAY: CloudCli = {
  cli: 'railway',
  // `npx @railway/cli …` runs the same binary.
  names: ['railway', '@railway/cli'],
  valueFlags: ['--environment', '-e', '--service', '-s', '--project', '-p', '--volume', '-v', '--json-output'],
  verbs: [
    // `railway down` removes the latest deployment (`-y` skips its prompt).
    { id: 'railway-down', path: ['down'], anchored: true, what: 'the latest deployment of the service', severity: 'medium', targetFlags: ['--service', '-s'] },
    { id: 'railway-delete', path: ['delete'], anchored: true, what: 'the Railway project', targetFlags: ['--project', '-p'] },
    { id: 'railway-project-delete', path: [['project', 'projects'], DELETE], what: 'the Railway project', targetFlags: ['--project', '-p'] },
    { id: 'railway-volume-delete', path: [['volume', 'volumes'], DELETE], what: 'the Railway volume', targetFlags: ['--volume', '-v'] },
    { id: 'railway-environment-delete', path: [['environment', 'environments', 'env'], DELETE], what: 'the Railway environment (and its services)', targetFlags: ['--environment', '-e'] },
    { id: 'railway-service-delete', path: [['service', 'services'], DELETE], what: 'the Railway service', targetFlags: ['--service', '-s'] },
  ],
};

const FLY: CloudCli = {
  cli: 'fly',
  names: ['fly', 'flyctl'],
  valueFlags: ['-a', '--app', '-c', '--config', '-o', '--org', '-r', '--region', '--access-token', '-t', '--machine'],
  verbs: [
    { id: 'fly-apps-destroy', path: [['apps', 'app'], DESTROY], what: 'the Fly app (with its machines and volumes)', targetFlags: ['-a', '--app'] },
    { id: 'fly-destroy', path: ['destroy'], anchored: true, what: 'the Fly app (with its machines and volumes)', targetFlags: ['-a', '--app'] },
    { id: 'fly-volumes-destroy', path: [['volumes', 'volume', 'vol'], DESTROY], what: 'the Fly volume' },
    { id: 'fly-postgres-destroy', path: [['postgres', 'pg', 'mpg', 'redis', 'mysql', 'storage', 'tigris'], DESTROY], what: 'the Fly database or storage' },
    { id: 'fly-machine-destroy', path: [['machine', 'machines', 'm'], DESTROY], what: 'the Fly machine', severity: 'medium' },
    // Extensions are databases and stores run by partners (`fly ext supabase destroy`, `fly ext tigris destroy`).
    { id: 'fly-ext-destroy', path: [['ext', 'extensions'], /^[a-z-]+$/, DESTROY], what: 'the Fly extension (a partner database or store) and its data' },
  ],
};

const HEROKU: CloudCli = {
  cli: 'heroku',
  names: ['heroku'],
  valueFlags: ['-a', '--app', '-r', '--remote', '--confirm', '-t', '--team'],
  verbs: [
    { id: 'heroku-apps-destroy', path: [['apps:destroy', 'destroy', 'apps:delete']], what: 'the Heroku app (with its add-ons)', targetFlags: ['-a', '--app', '--confirm'] },
    { id: 'heroku-pg-reset', path: ['pg:reset'], what: "every table of the app's Postgres database", targetFlags: ['-a', '--app'] },
    { id: 'heroku-addons-destroy', path: [['addons:destroy', 'addons:remove', 'addons:delete']], what: 'the Heroku add-on (a database add-on takes its data with it)' },
    { id: 'heroku-pg-backups-delete', path: [['pg:backups:delete', 'pg:backups:destroy']], what: 'the Postgres backup' },
    // A restore or copy overwrites the target database with other data.
    { id: 'heroku-pg-overwrite', path: [['pg:backups:restore', 'pg:copy']], what: "the current contents of the app's Postgres database", targetFlags: ['-a', '--app'] },
    { id: 'heroku-spaces-destroy', path: ['spaces:destroy'], what: 'the Heroku private space', targetFlags: ['--space', '-s'] },
  ],
};

const VERCEL: CloudCli = {
  cli: 'vercel',
  names: ['vercel', 'vc'],
  valueFlags: ['--token', '-t', '--scope', '-S', '--team', '-T', '--cwd', '--local-config', '-A', '--global-config', '-Q'],
  verbs: [
    { id: 'vercel-remove', path: [['remove', 'rm']], anchored: true, what: 'the Vercel project (or deployment)' },
    { id: 'vercel-project-remove', path: [['project', 'projects'], ['remove', 'rm']], what: 'the Vercel project' },
    { id: 'vercel-blob-store-remove', path: ['blob', 'store', ['remove', 'rm']], what: 'the Vercel Blob store and every file in it' },
  ],
};

const NETLIFY: CloudCli = {
  cli: 'netlify',
  names: ['netlify', 'ntl', 'netlify-cli'],
  valueFlags: ['--auth', '--site', '--filter'],
  verbs: [{ id: 'netlify-sites-delete', path: ['sites:delete'], what: 'the Netlify site', targetFlags: ['--site'] }],
};

const DOCTL: CloudCli = {
  cli: 'doctl',
  names: ['doctl'],
  valueFlags: ['--access-token', '-t', '--context', '--config', '-c', '--output', '-o', '--format', '--api-url', '-u'],
  verbs: [
    // Anchored: `db` is both an alias of `databases` and the name of its `db` subgroup.
    { id: 'doctl-databases-delete', path: [['databases', 'database', 'db', 'dbs', 'd'], DELETE], anchored: true, what: 'the managed database cluster' },
    { id: 'doctl-databases-db-delete', path: [['databases', 'database', 'db', 'dbs', 'd'], ['db', 'pool'], DELETE], anchored: true, what: 'the database', targetWords: 2 },
    { id: 'doctl-compute-delete', path: ['compute', ['volume', 'droplet', 'snapshot', 'image', 'volume-action'], DELETE], what: 'the DigitalOcean volume, droplet or snapshot' },
    { id: 'doctl-kubernetes-delete', path: [['kubernetes', 'k8s', 'k'], ['cluster', 'c'], DELETE], what: 'the Kubernetes cluster' },
    { id: 'doctl-apps-delete', path: [['apps', 'app'], DELETE], what: 'the App Platform app' },
    { id: 'doctl-projects-delete', path: [['projects', 'project'], DELETE], what: 'the DigitalOcean project' },
  ],
  generic: { id: 'doctl-delete', verbs: ['delete', 'rm', 'del'], what: 'the DigitalOcean resource', severity: 'medium', exemptGroups: ['auth', 'version', 'completion'] },
};

const NEON: CloudCli = {
  cli: 'neonctl',
  names: ['neonctl', 'neon'],
  valueFlags: ['--project-id', '--api-key', '--context-file', '--output', '-o', '--config-dir', '--org-id', '--branch', '--parent'],
  verbs: [
    { id: 'neon-projects-delete', path: [['projects', 'project'], DELETE], what: 'the Neon project (with all its branches)' },
    { id: 'neon-branches-delete', path: [['branches', 'branch'], DELETE], what: 'the Neon branch' },
    // `reset` replaces a branch's data with its parent's; `restore` overwrites it from a point in time.
    { id: 'neon-branches-reset', path: [['branches', 'branch'], ['reset', 'restore']], what: 'the current data of the Neon branch' },
    { id: 'neon-databases-delete', path: [['databases', 'database', 'db'], DELETE], what: 'the Neon database' },
  ],
};

const SUPABASE: CloudCli = {
  cli: 'supabase',
  names: ['supabase'],
  valueFlags: ['--project-ref', '--workdir', '--profile', '-o', '--output', '--experimental'],
  verbs: [
    { id: 'supabase-projects-delete', path: [['projects', 'project'], 'delete'], what: 'the Supabase project (with its database)' },
    { id: 'supabase-branches-delete', path: [['branches', 'branch'], 'delete'], what: 'the Supabase branch (with its database)' },
    // Stopping without a backup deletes the local database volumes.
    { id: 'supabase-stop-no-backup', path: ['stop'], anchored: true, requireFlags: ['--no-backup'], what: 'the local Supabase database volumes', severity: 'medium' },
  ],
};

const RENDER: CloudCli = {
  cli: 'render',
  names: ['render'],
  valueFlags: ['--output', '-o', '--confirm'],
  verbs: [{ id: 'render-delete', path: [['services', 'postgres', 'redis', 'disks', 'keyvalue'], 'delete'], what: 'the Render service or database' }],
};

// `gh repo delete` takes the issues, pull requests, releases and wiki with it; a local clone keeps only the git data.
// (`gh api -X DELETE` is the HTTP pack's.)
const GITHUB: CloudCli = {
  cli: 'gh',
  names: ['gh'],
  valueFlags: ['-R', '--repo', '--hostname'],
  verbs: [
    { id: 'gh-repo-delete', path: ['repo', 'delete'], anchored: true, what: 'the GitHub repository (with its issues, pull requests and releases)' },
    { id: 'gh-release-delete', path: ['release', 'delete'], anchored: true, what: 'the GitHub release and its uploaded assets', severity: 'medium' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Edge platforms and hosted databases agents reach for.
const WRANGLER: CloudCli = {
  cli: 'wrangler',
  names: ['wrangler'],
  valueFlags: ['-c', '--config', '-e', '--env', '--binding', '--namespace-id', '--account-id', '--name'],
  verbs: [
    { id: 'wrangler-d1-delete', path: ['d1', 'delete'], what: 'the D1 database' },
    { id: 'wrangler-r2-bucket-delete', path: ['r2', 'bucket', 'delete'], what: 'the R2 bucket' },
    { id: 'wrangler-kv-delete', path: ['kv', ['namespace', 'bulk'], 'delete'], what: 'the KV namespace (or the keys listed)', targetFlags: ['--namespace-id', '--binding'] },
    { id: 'wrangler-kv-delete-legacy', path: [['kv:namespace', 'kv:bulk'], 'delete'], what: 'the KV namespace (or the keys listed)', targetFlags: ['--namespace-id', '--binding'] },
    { id: 'wrangler-vectorize-delete', path: ['vectorize', 'delete'], what: 'the Vectorize index' },
    { id: 'wrangler-queues-delete', path: [['queues', 'queue'], 'delete'], what: 'the Cloudflare queue and its messages' },
    { id: 'wrangler-pages-project-delete', path: ['pages', 'project', 'delete'], what: 'the Pages project (with its deployments)' },
    // Time travel overwrites the database with its state at an earlier moment.
    { id: 'wrangler-d1-time-travel-restore', path: ['d1', 'time-travel', 'restore'], what: 'the current contents of the D1 database', verb: 'overwrites' },
    // A Worker's code is in the repository, but its Durable Object storage, secrets and routes are not.
    { id: 'wrangler-delete', path: ['delete'], anchored: true, what: 'the Worker (with its Durable Object data and secrets)', severity: 'medium', targetFlags: ['--name'] },
  ],
};

const TURSO: CloudCli = {
  cli: 'turso',
  names: ['turso'],
  valueFlags: ['--group', '--location'],
  verbs: [
    { id: 'turso-db-destroy', path: [['db', 'database'], ['destroy', 'delete']], what: 'the Turso database' },
    { id: 'turso-group-destroy', path: ['group', ['destroy', 'delete']], what: 'the Turso group and its databases' },
  ],
};

const PLANETSCALE: CloudCli = {
  cli: 'pscale',
  names: ['pscale'],
  valueFlags: ['--org', '--service-token', '--service-token-id', '-f', '--format'],
  verbs: [
    { id: 'pscale-database-delete', path: [['database', 'db'], 'delete'], what: 'the PlanetScale database' },
    { id: 'pscale-branch-delete', path: ['branch', 'delete'], what: 'the PlanetScale branch', targetWords: 2 },
    { id: 'pscale-backup-delete', path: ['backup', 'delete'], what: 'the PlanetScale backup' },
  ],
};

// MongoDB Atlas CLI (`atlas clusters delete`); Ariga's `atlas schema clean` is the database-tools pack's.
const MONGODB_ATLAS: CloudCli = {
  cli: 'atlas',
  names: ['atlas'],
  valueFlags: ['--projectId', '--profile', '-P', '--clusterName', '-o', '--output'],
  verbs: [
    { id: 'atlas-clusters-delete', path: [['clusters', 'cluster'], 'delete'], what: 'the MongoDB Atlas cluster' },
    { id: 'atlas-backups-delete', path: ['backups', ['snapshots', 'schedule'], 'delete'], what: 'the MongoDB Atlas backup' },
    { id: 'atlas-projects-delete', path: [['projects', 'project'], 'delete'], what: 'the MongoDB Atlas project' },
  ],
};

const FIREBASE: CloudCli = {
  cli: 'firebase',
  names: ['firebase', 'firebase-tools'],
  valueFlags: ['-P', '--project', '--token', '--database', '--instance', '--site', '--region'],
  verbs: [
    // Disabling hosting takes the live site down; deleting a site or database removes it with its data.
    { id: 'firebase-hosting-disable', path: [['hosting:disable', 'hosting:sites:delete']], what: 'the Firebase Hosting site (it stops serving)', targetFlags: ['--site'] },
    { id: 'firebase-databases-delete', path: [['firestore:databases:delete', 'database:instances:delete', 'apphosting:backends:delete', 'dataconnect:services:delete']], what: 'the Firebase database or backend' },
    { id: 'firebase-functions-delete', path: ['functions:delete'], what: 'the deployed Cloud Functions', severity: 'medium' },
    // One document by path is like `rm` of one file; `-r` and `--all-collections` delete trees.
    { id: 'firebase-firestore-delete', path: ['firestore:delete'], what: 'the Firestore documents under that path', bulk: { flags: ['-r', '--recursive', '--all-collections'] } },
    { id: 'firebase-database-remove', path: ['database:remove'], what: 'the Realtime Database data under that path' },
  ],
};

const HCLOUD: CloudCli = {
  cli: 'hcloud',
  names: ['hcloud'],
  valueFlags: ['--context', '--config', '-o', '--output'],
  verbs: [{ id: 'hcloud-data-delete', path: [['server', 'volume', 'image'], 'delete'], what: 'the Hetzner server, volume or snapshot' }],
  generic: { id: 'hcloud-delete', verbs: ['delete'], what: 'the Hetzner Cloud resource', severity: 'medium', exemptGroups: ['context'] },
};

const TABLES: readonly CloudCli[] = [AWS, GCLOUD, GSUTIL, BQ, AZ, RAILWAY, FLY, HEROKU, VERCEL, NETLIFY, DOCTL, NEON, SUPABASE, RENDER, GITHUB, WRANGLER, TURSO, PLANETSCALE, MONGODB_ATLAS, FIREBASE, HCLOUD];

// Built on the first command one of these tables names (lazyPack.ts).
export const CLOUD_RULES: RulePack = lazyPack('cloud', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli)));
