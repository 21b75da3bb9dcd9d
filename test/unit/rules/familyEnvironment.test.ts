// The environment for the issue-9 families: the same flags, URLs, variables and remote names as elsewhere,
// so the confirmation can name production where the command says it.
import assert from 'node:assert/strict';
import { verdictOf } from '../helpers';

const CASES: ReadonlyArray<readonly [string, string, Record<string, string>?]> = [
  ['kafka-topics --bootstrap-server kafka.prod.internal:9092 --delete --topic orders', 'production'],
  ['rpk --brokers redpanda-staging:9092 topic delete orders', 'staging'],
  ['kafka-topics --delete --topic orders', 'production', { KAFKA_BROKERS: 'kafka.prod.internal:9092' }],
  ['vault kv destroy -address=https://vault.prod.example.com:8200 -versions=1 secret/x', 'production'],
  ['vault secrets disable kv/', 'staging', { VAULT_ADDR: 'https://vault.staging.example.com' }],
  ['VAULT_ADDR=https://vault.prod.example.com vault kv metadata delete secret/db', 'production'],
  ['nats -s nats://nats.prod:4222 stream rm ORDERS -f', 'production'],
  ['rclone purge prod-s3:uploads', 'production'],
  ['mc rb --force prod/uploads', 'production'],
  ['mc rm --recursive --force staging/uploads/tmp', 'staging'],
  ['velero --kubecontext prod-eu backup delete nightly --confirm', 'production'],
  ['restic -r /mnt/prod-backups forget latest', 'production'],
  ['restic forget latest', 'production', { RESTIC_REPOSITORY: 'sftp:backup.prod.example.com:/restic' }],
  ['doppler secrets delete STRIPE_KEY -p api -c prd', 'production'],
  ["Invoke-Sqlcmd -ServerInstance sql-prod-01 -Query 'DROP TABLE users'", 'production'],
  ['aws s3 sync ./empty s3://prod-assets --delete', 'production'],
  ['Remove-AzResourceGroup -Name prod-rg -Force', 'production'],
  ['railway environment delete production', 'production'],
  ['flagsmith environments delete prod-env', 'production'],
  ['split environments delete staging', 'staging'],
  ['Remove-S3Bucket -BucketName staging-uploads -Force', 'staging'],
];

describe('environment of the new families', () => {
  for (const [command, name, env] of CASES) {
    it(`names ${name} for \`${command}\`${env ? ` with ${Object.keys(env).join(', ')}` : ''}`, () => {
      const v = verdictOf(command, env ? { env } : undefined);
      assert.notEqual(v.decision, 'allow', `${command} was allowed`);
      assert.equal(v.environment.name, name, v.environment.source);
    });
  }

  it('a variable of the process names the target only for the tool that reads it', () => {
    const v = verdictOf('rm -rf src', { env: { VAULT_ADDR: 'https://vault.prod.example.com' } });
    assert.equal(v.environment.name, 'unknown');
  });
});
