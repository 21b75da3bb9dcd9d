import assert from 'node:assert/strict';
import { CLOUD_RULES } from '../../../src/engine/rules/cloudRules';
import { decisionOf, findingsOf, rulesOf } from '../helpers';

// [rule id, a command it stops, the target it names (undefined: none expected), a near miss that runs]
type Row = [string, string, string | undefined, string];

const ROWS: Row[] = [
  // aws
  ['cloud.aws-rds-delete-instance', 'aws rds delete-db-instance --db-instance-identifier app-db --skip-final-snapshot', 'app-db', 'aws rds describe-db-instances --db-instance-identifier app-db'],
  ['cloud.aws-rds-delete-cluster', 'aws --region eu-west-1 rds delete-db-cluster --db-cluster-identifier core', 'core', 'aws rds create-db-cluster --db-cluster-identifier core --engine aurora-postgresql'],
  ['cloud.aws-rds-delete-snapshot', 'aws rds delete-db-snapshot --db-snapshot-identifier nightly-01', 'nightly-01', 'aws rds create-db-snapshot --db-snapshot-identifier nightly-01 --db-instance-identifier app'],
  ['cloud.aws-rds-delete-backup', 'aws rds delete-db-instance-automated-backup --dbi-resource-id db-ABC', 'db-ABC', 'aws rds describe-db-instance-automated-backups'],
  ['cloud.aws-s3-rb', 'aws s3 rb s3://app-uploads --force', 's3://app-uploads', 'aws s3 ls s3://app-uploads'],
  ['cloud.aws-s3-rm-recursive', 'aws s3 rm s3://app-uploads/ --recursive', 's3://app-uploads/', 'aws s3 rm s3://app-uploads/tmp/report.csv'],
  ['cloud.aws-s3api-delete-bucket', 'aws s3api delete-bucket --bucket app-uploads', 'app-uploads', 'aws s3api delete-bucket-policy --bucket app-uploads'],
  ['cloud.aws-ec2-delete-volume', 'aws ec2 delete-volume --volume-id vol-0abc', 'vol-0abc', 'aws ec2 delete-volume --volume-id vol-0abc --dry-run'],
  ['cloud.aws-ec2-delete-snapshot', 'aws ec2 delete-snapshot --snapshot-id snap-1', 'snap-1', 'aws ec2 describe-snapshots --owner-ids self'],
  ['cloud.aws-ec2-terminate-instances', 'aws ec2 terminate-instances --instance-ids i-0123', 'i-0123', 'aws ec2 stop-instances --instance-ids i-0123'],
  ['cloud.aws-dynamodb-delete-table', 'aws dynamodb delete-table --table-name Orders', 'Orders', 'aws dynamodb describe-table --table-name Orders'],
  ['cloud.aws-cloudformation-delete-stack', 'aws cloudformation delete-stack --stack-name prod-stack', 'prod-stack', 'aws cloudformation deploy --stack-name prod-stack --template-file t.yml'],
  ['cloud.aws-eks-delete-cluster', 'aws eks delete-cluster --name main', 'main', 'aws eks describe-cluster --name main'],
  ['cloud.aws-lambda-delete-function', 'aws lambda delete-function --function-name resize', 'resize', 'aws lambda invoke --function-name resize out.json'],
  ['cloud.aws-backup-delete', 'aws backup delete-recovery-point --backup-vault-name v --recovery-point-arn arn:rp', 'v', 'aws backup start-backup-job --backup-vault-name v --resource-arn arn:db --iam-role-arn arn:r'],
  ['cloud.aws-efs-delete', 'aws efs delete-file-system --file-system-id fs-1', 'fs-1', 'aws efs describe-file-systems'],
  ['cloud.aws-elasticache-delete', 'aws elasticache delete-replication-group --replication-group-id cache', 'cache', 'aws elasticache describe-replication-groups'],
  ['cloud.aws-redshift-delete-cluster', 'aws redshift delete-cluster --cluster-identifier wh --skip-final-cluster-snapshot', 'wh', 'aws redshift describe-clusters'],
  ['cloud.aws-opensearch-delete-domain', 'aws opensearch delete-domain --domain-name logs', 'logs', 'aws opensearch describe-domain --domain-name logs'],
  ['cloud.aws-memorydb-delete', 'aws memorydb delete-cluster --cluster-name sessions', 'sessions', 'aws memorydb describe-clusters'],
  ['cloud.aws-ecr-delete-repository', 'aws ecr delete-repository --repository-name api --force', 'api', 'aws ecr describe-repositories'],
  ['cloud.aws-secretsmanager-delete-secret', 'aws secretsmanager delete-secret --secret-id prod/db', 'prod/db', 'aws secretsmanager get-secret-value --secret-id prod/db'],
  ['cloud.aws-kms-schedule-key-deletion', 'aws kms schedule-key-deletion --key-id k-1 --pending-window-in-days 7', 'k-1', 'aws kms describe-key --key-id k-1'],
  ['cloud.aws-lightsail-delete', 'aws lightsail delete-relational-database --relational-database-name blog', 'blog', 'aws lightsail get-relational-databases'],
  ['cloud.aws-timestream-delete', 'aws timestream-write delete-database --database-name metrics', 'metrics', 'aws timestream-write describe-database --database-name metrics'],
  ['cloud.aws-glacier-delete-vault', 'aws glacier delete-vault --account-id - --vault-name archive', 'archive', 'aws glacier list-vaults --account-id -'],
  ['cloud.aws-sqs-delete-queue', 'aws sqs purge-queue --queue-url https://sqs.eu-west-1.amazonaws.com/1/orders', 'https://sqs.eu-west-1.amazonaws.com/1/orders', 'aws sqs receive-message --queue-url https://sqs.eu-west-1.amazonaws.com/1/orders'],
  ['cloud.aws-sns-delete-topic', 'aws sns delete-topic --topic-arn arn:aws:sns:1:alerts', 'arn:aws:sns:1:alerts', 'aws sns publish --topic-arn arn:aws:sns:1:alerts --message hi'],
  ['cloud.aws-kinesis-delete-stream', 'aws kinesis delete-stream --stream-name clicks', 'clicks', 'aws kinesis describe-stream --stream-name clicks'],
  ['cloud.aws-kafka-delete-cluster', 'aws kafka delete-cluster --cluster-arn arn:msk:1', 'arn:msk:1', 'aws kafka list-clusters'],
  ['cloud.aws-ssm-delete-parameter', 'aws ssm delete-parameter --name /prod/db/password', '/prod/db/password', 'aws ssm get-parameter --name /prod/db/password'],
  ['cloud.aws-logs-delete-log-group', 'aws logs delete-log-group --log-group-name /app/prod', '/app/prod', 'aws logs tail /app/prod --follow'],
  // gcloud, gsutil, bq
  ['cloud.gcloud-sql-delete', 'gcloud sql instances delete prod-db --quiet', 'prod-db', 'gcloud sql instances describe prod-db'],
  ['cloud.gcloud-sql-restore', 'gcloud sql backups restore 1700000000 --restore-instance=prod-db', 'prod-db', 'gcloud sql backups list --instance prod-db'],
  ['cloud.gcloud-firestore-bulk-delete', 'gcloud firestore bulk-delete --collection-ids=users', 'users', 'gcloud firestore export gs://backups/fs'],
  ['cloud.gcloud-projects-delete', 'gcloud projects delete my-proj', 'my-proj', 'gcloud projects list'],
  ['cloud.gcloud-compute-delete', 'gcloud compute disks delete data-disk --zone us-central1-a', 'data-disk', 'gcloud compute disks list --zone us-central1-a'],
  ['cloud.gcloud-storage-buckets-delete', 'gcloud storage buckets delete gs://uploads', 'gs://uploads', 'gcloud storage buckets create gs://uploads'],
  ['cloud.gcloud-storage-rm-recursive', 'gcloud storage rm -r gs://uploads', 'gs://uploads', 'gcloud storage rm gs://uploads/tmp/a.txt'],
  ['cloud.gcloud-container-clusters-delete', 'gcloud container clusters delete main --region us-east1', 'main', 'gcloud container clusters get-credentials main --region us-east1'],
  ['cloud.gcloud-datastore-delete', 'gcloud spanner databases delete orders --instance main', 'orders', 'gcloud spanner databases list --instance main'],
  ['cloud.gcloud-delete', 'gcloud functions delete resize', 'resize', 'gcloud config configurations delete old-config'],
  ['cloud.gcloud-storage-objects-delete-bulk', "gcloud storage objects delete 'gs://uploads/**'", 'gs://uploads/**', 'gcloud storage objects delete gs://uploads/a.txt'],
  ['cloud.gcloud-pubsub-delete', 'gcloud pubsub topics delete events', 'events', 'gcloud pubsub topics publish events --message hi'],
  ['cloud.gcloud-secrets-delete', 'gcloud secrets delete db-password', 'db-password', 'gcloud secrets versions access latest --secret db-password'],
  ['cloud.gcloud-secrets-versions-destroy', 'gcloud secrets versions destroy 3 --secret db-password', '3', 'gcloud secrets versions list db-password'],
  ['cloud.gsutil-rb', 'gsutil rb gs://uploads', 'gs://uploads', 'gsutil mb gs://uploads'],
  ['cloud.gsutil-rm-recursive', 'gsutil -m rm -r gs://uploads', 'gs://uploads', 'gsutil rm gs://uploads/report.csv'],
  ['cloud.bq-rm', 'bq rm -r -f -d myproj:analytics', 'myproj:analytics', 'bq ls myproj:analytics'],
  // az
  ['cloud.az-group-delete', 'az group delete --name prod-rg --yes', 'prod-rg', 'az group show --name prod-rg'],
  ['cloud.az-sql-delete', 'az sql db delete -g rg -s srv -n appdb --yes', 'appdb', 'az sql db show -g rg -s srv -n appdb'],
  ['cloud.az-db-server-delete', 'az postgres flexible-server delete -g rg -n pg1 --yes', 'pg1', 'az postgres flexible-server list -g rg'],
  ['cloud.az-db-flexible-db-delete', 'az postgres flexible-server db delete -g rg -s pg1 --database-name app', 'app', 'az postgres flexible-server db list -g rg -s pg1'],
  ['cloud.az-cosmosdb-delete', 'az cosmosdb delete -g rg -n cosmo', 'cosmo', 'az cosmosdb show -g rg -n cosmo'],
  ['cloud.az-storage-delete', 'az storage account delete -n appstore -g rg', 'appstore', 'az storage account show -n appstore -g rg'],
  ['cloud.az-storage-blob-delete-batch', 'az storage blob delete-batch --account-name st --source uploads', 'uploads', 'az storage blob delete --account-name st -c uploads -n a.txt'],
  ['cloud.az-disk-delete', 'az disk delete -g rg -n data1 --yes', 'data1', 'az disk list -g rg'],
  ['cloud.az-vm-delete', 'az vm delete -g rg -n web1 --yes', 'web1', 'az vm restart -g rg -n web1'],
  ['cloud.az-aks-delete', 'az aks delete -g rg -n k8s', 'k8s', 'az aks get-credentials -g rg -n k8s'],
  ['cloud.az-backup-delete', 'az backup vault delete -g rg -n vault1', 'vault1', 'az backup vault list -g rg'],
  ['cloud.az-keyvault-delete', 'az keyvault purge --name kv1', 'kv1', 'az keyvault secret show --vault-name kv1 --name db'],
  ['cloud.az-redis-delete', 'az redis delete -g rg -n cache1', 'cache1', 'az redis show -g rg -n cache1'],
  ['cloud.az-delete', 'az network vnet delete -g rg -n vnet1', 'vnet1', 'az extension remove --name aks-preview'],
  // railway
  ['cloud.railway-down', 'railway down -y', undefined, 'railway up --detach'],
  ['cloud.railway-delete', 'railway delete -p my-project', 'my-project', 'railway link -p my-project'],
  ['cloud.railway-project-delete', 'railway project delete my-project', 'my-project', 'railway project list'],
  ['cloud.railway-volume-delete', 'railway volume delete pg-data --environment production', 'pg-data', 'railway volume list --environment production'],
  ['cloud.railway-environment-delete', 'railway environment delete staging', 'staging', 'railway environment new staging'],
  ['cloud.railway-service-delete', 'railway service delete api', 'api', 'railway service status api'],
  // fly
  ['cloud.fly-apps-destroy', 'fly apps destroy my-app -y', 'my-app', 'fly apps list'],
  ['cloud.fly-destroy', 'flyctl destroy my-app --yes', 'my-app', 'flyctl deploy --app my-app'],
  ['cloud.fly-volumes-destroy', 'fly volumes destroy vol_123 -y', 'vol_123', 'fly volumes list -a my-app'],
  ['cloud.fly-postgres-destroy', 'fly postgres destroy my-db', 'my-db', 'fly postgres connect -a my-db'],
  ['cloud.fly-machine-destroy', 'fly machine destroy 148e --force', '148e', 'fly machine stop 148e'],
  ['cloud.fly-ext-destroy', 'fly ext tigris destroy media-bucket', 'media-bucket', 'fly ext tigris list'],
  // heroku
  ['cloud.heroku-apps-destroy', 'heroku apps:destroy --app shop --confirm shop', 'shop', 'heroku apps:info --app shop'],
  ['cloud.heroku-pg-reset', 'heroku pg:reset DATABASE_URL -a shop --confirm shop', 'shop', 'heroku pg:info -a shop'],
  ['cloud.heroku-addons-destroy', 'heroku addons:destroy heroku-postgresql -a shop', 'heroku-postgresql', 'heroku addons:create heroku-postgresql -a shop'],
  ['cloud.heroku-pg-backups-delete', 'heroku pg:backups:delete b101 -a shop', 'b101', 'heroku pg:backups:capture -a shop'],
  ['cloud.heroku-pg-overwrite', 'heroku pg:backups:restore b101 DATABASE_URL -a shop', 'shop', 'heroku pg:backups:download b101 -a shop'],
  ['cloud.heroku-spaces-destroy', 'heroku spaces:destroy --space prod-space', 'prod-space', 'heroku spaces:info --space prod-space'],
  // vercel, netlify
  ['cloud.vercel-remove', 'vercel rm my-app --yes', 'my-app', 'vercel env rm API_KEY production'],
  ['cloud.vercel-project-remove', 'vercel project rm my-app', 'my-app', 'vercel project ls'],
  ['cloud.vercel-blob-store-remove', 'vercel blob store remove store_abc', 'store_abc', 'vercel blob del https://x.public.blob.vercel-storage.com/a.png'],
  ['cloud.netlify-sites-delete', 'netlify sites:delete 12ab --force', '12ab', 'netlify sites:list'],
  // doctl
  ['cloud.doctl-databases-delete', 'doctl databases delete 9cc1 --force', '9cc1', 'doctl databases list'],
  ['cloud.doctl-databases-db-delete', 'doctl databases db delete 9cc1 appdb', '9cc1/appdb', 'doctl databases db list 9cc1'],
  ['cloud.doctl-compute-delete', 'doctl compute volume delete 506f --force', '506f', 'doctl compute volume list'],
  ['cloud.doctl-kubernetes-delete', 'doctl kubernetes cluster delete prod-k8s', 'prod-k8s', 'doctl kubernetes cluster kubeconfig save prod-k8s'],
  ['cloud.doctl-apps-delete', 'doctl apps delete 4f2a', '4f2a', 'doctl apps list'],
  ['cloud.doctl-projects-delete', 'doctl projects delete 7d1e', '7d1e', 'doctl projects list'],
  ['cloud.doctl-delete', 'doctl compute firewall delete fw-1', 'fw-1', 'doctl auth remove --context old'],
  // neon, supabase, render
  ['cloud.neon-projects-delete', 'neonctl projects delete shy-sun-123', 'shy-sun-123', 'neonctl projects list'],
  ['cloud.neon-branches-delete', 'neonctl branches delete preview-42 --project-id p1', 'preview-42', 'neonctl branches create --name preview-42 --project-id p1'],
  ['cloud.neon-branches-reset', 'neon branches reset dev --parent', 'dev', 'neon branches get dev'],
  ['cloud.neon-databases-delete', 'neonctl databases delete appdb --branch main', 'appdb', 'neonctl databases list --branch main'],
  ['cloud.supabase-projects-delete', 'supabase projects delete abcdefghijkl', 'abcdefghijkl', 'supabase projects list'],
  ['cloud.supabase-branches-delete', 'supabase branches delete feature-x', 'feature-x', 'supabase branches list'],
  ['cloud.supabase-stop-no-backup', 'supabase stop --no-backup', undefined, 'supabase stop'],
  ['cloud.gh-repo-delete', 'gh repo delete acme/web --yes', 'acme/web', 'gh repo view acme/web'],
  ['cloud.gh-release-delete', 'gh release delete v1.2.0 --yes', 'v1.2.0', 'gh release view v1.2.0'],
  // edge platforms and hosted databases
  ['cloud.wrangler-d1-delete', 'wrangler d1 delete prod-db -y', 'prod-db', 'wrangler d1 list'],
  ['cloud.wrangler-r2-bucket-delete', 'wrangler r2 bucket delete uploads', 'uploads', 'wrangler r2 object delete uploads/tmp.txt'],
  ['cloud.wrangler-kv-delete', 'wrangler kv namespace delete --namespace-id abc123', 'abc123', 'wrangler kv key delete --binding CACHE session:1'],
  ['cloud.wrangler-kv-delete-legacy', 'wrangler kv:namespace delete --binding CACHE', 'CACHE', 'wrangler kv:namespace list'],
  ['cloud.wrangler-vectorize-delete', 'wrangler vectorize delete docs-index', 'docs-index', 'wrangler vectorize list'],
  ['cloud.wrangler-delete', 'wrangler delete --name api', 'api', 'wrangler deploy --name api'],
  ['cloud.wrangler-queues-delete', 'wrangler queues delete orders', 'orders', 'wrangler queues list'],
  ['cloud.wrangler-pages-project-delete', 'npx wrangler pages project delete site', 'site', 'npx wrangler pages project list'],
  ['cloud.wrangler-d1-time-travel-restore', 'wrangler d1 time-travel restore prod-db --timestamp=1700000000', 'prod-db', 'wrangler d1 time-travel info prod-db'],
  ['cloud.turso-db-destroy', 'turso db destroy mydb --yes', 'mydb', 'turso db list'],
  ['cloud.turso-group-destroy', 'turso group destroy eu', 'eu', 'turso group list'],
  ['cloud.pscale-database-delete', 'pscale database delete app --force', 'app', 'pscale database list'],
  ['cloud.pscale-branch-delete', 'pscale branch delete app feature-x', 'app/feature-x', 'pscale branch create app feature-y'],
  ['cloud.pscale-backup-delete', 'pscale backup delete app main bk-1', 'app', 'pscale backup create app main'],
  ['cloud.atlas-clusters-delete', 'atlas clusters delete Cluster0 --force', 'Cluster0', 'atlas clusters list'],
  ['cloud.atlas-backups-delete', 'atlas backups snapshots delete 5f3a --clusterName Cluster0', '5f3a', 'atlas backups snapshots list Cluster0'],
  ['cloud.atlas-projects-delete', 'atlas projects delete 64ab', '64ab', 'atlas projects list'],
  ['cloud.firebase-firestore-delete', 'firebase firestore:delete -r /users', '/users', 'firebase firestore:delete /users/abc'],
  ['cloud.firebase-database-remove', 'firebase database:remove /sessions -f', '/sessions', 'firebase database:get /sessions'],
  ['cloud.firebase-hosting-disable', 'firebase hosting:disable --project shop-prod -f', undefined, 'firebase hosting:channel:list'],
  ['cloud.firebase-databases-delete', 'npx firebase-tools firestore:databases:delete orders', 'orders', 'npx firebase-tools firestore:databases:list'],
  ['cloud.firebase-functions-delete', 'firebase functions:delete resizeImage --force', 'resizeImage', 'firebase functions:log'],
  ['cloud.hcloud-data-delete', 'hcloud volume delete data-1', 'data-1', 'hcloud volume list'],
  ['cloud.hcloud-delete', 'hcloud firewall delete fw-1', 'fw-1', 'hcloud context delete old'],
  ['cloud.render-delete', 'render services delete srv-123', 'srv-123', 'render services list'],
];

describe('cloud rules', () => {
  for (const [id, positive, target, negative] of ROWS) {
    it(`${id}: stops \`${positive}\``, () => {
      const found = findingsOf(positive).filter((f) => f.rule === id);
      assert.equal(found.length, 1, `rules found: ${rulesOf(positive).join(', ')}`);
      assert.equal(found[0].target, target);
      assert.notEqual(decisionOf(positive), 'allow');
    });
    it(`${id}: runs \`${negative}\``, () => {
      assert.deepStrictEqual(rulesOf(negative).filter((r) => r.startsWith('cloud.')), []);
      assert.equal(decisionOf(negative), 'allow');
    });
  }

  it('every cloud rule has a row', () => {
    const covered = new Set(ROWS.map((r) => r[0]));
    assert.deepStrictEqual(CLOUD_RULES.rules.map((r) => r.id).filter((id) => !covered.has(id)), []);
  });

  it('reads short-option clusters for the bulk flag (`-rf`)', () => {
    assert.ok(rulesOf('gsutil rm -rf gs://uploads').includes('cloud.gsutil-rm-recursive'));
    assert.ok(rulesOf('gcloud storage rm -rq gs://uploads').includes('cloud.gcloud-storage-rm-recursive'));
  });

  // Help, dry runs and wrappers.
  const RUNS: string[] = [
    'aws rds delete-db-instance help',
    'fly apps destroy --help',
    'railway help',
    'gcloud sql instances delete --help',
    'aws s3 rm s3://b --recursive --dryrun',
    'echo "railway down"',
    'git commit -m "aws rds delete-db-instance cleanup"',
    'heroku pg:backups:capture -a shop',
    'gcloud sql backups create --instance prod-db',
    'railway logs --service api',
    'vercel deploy --prod',
    'doctl compute droplet list',
  ];
  for (const command of RUNS) {
    it(`runs \`${command}\``, () => assert.deepStrictEqual(rulesOf(command).filter((r) => r.startsWith('cloud.')), []));
  }

  const WRAPPED: [string, string][] = [
    ['sudo railway volume delete pg-data', 'cloud.railway-volume-delete'],
    ["bash -c 'fly volumes destroy vol_1 -y'", 'cloud.fly-volumes-destroy'],
    ['npx vercel rm my-app --yes', 'cloud.vercel-remove'],
    ['AWS_PROFILE=prod aws s3 rb s3://x --force', 'cloud.aws-s3-rb'],
    ['/usr/local/bin/gcloud projects delete p1 --quiet', 'cloud.gcloud-projects-delete'],
  ];
  for (const [command, id] of WRAPPED) {
    it(`sees through wrappers: \`${command}\``, () => assert.ok(rulesOf(command).includes(id), rulesOf(command).join(', ')));
  }
});
