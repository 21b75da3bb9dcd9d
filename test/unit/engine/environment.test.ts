// The target environment and how it was worked out.
import * as assert from 'assert';
import { compilePolicy, defaultPolicy } from '../../../src/engine/policy';
import { evaluate } from '../../../src/engine/evaluate';
import type { EvalContext } from '../../../src/engine/types';

function envOf(command: string, ctx: EvalContext = {}, policy = defaultPolicy()) {
  return evaluate({ kind: 'shell', command }, policy, ctx).environment;
}

describe('environment resolution', () => {
  it('reads --environment', () => {
    const e = envOf('railway volume delete pg-data --environment production');
    assert.strictEqual(e.name, 'production');
    assert.strictEqual(e.production, true);
    assert.match(e.source, /--environment production/);
  });
  it('reads a short -e for railway only', () => {
    assert.strictEqual(envOf('railway down -e staging').name, 'staging');
    assert.strictEqual(envOf('mysql -e "DROP TABLE t"').name, 'unknown');
  });
  it('reads a connection string host', () => {
    const e = envOf('psql postgres://app:pw@db.prod.internal:5432/app -c "DROP TABLE users"');
    assert.strictEqual(e.production, true);
    assert.match(e.source, /db\.prod\.internal/);
    assert.match(e.source, /\*prod\*/);
  });
  it('reads $DATABASE_URL from the environment handed in', () => {
    const e = envOf('psql "$DATABASE_URL" -c "DROP TABLE users"', { env: { DATABASE_URL: 'postgres://u:p@db.staging.example.com/app' } });
    assert.strictEqual(e.name, 'staging');
    assert.match(e.source, /\$DATABASE_URL/);
  });
  it('reads variables set on the command line', () => {
    assert.strictEqual(envOf('RAILS_ENV=production bin/rails db:drop').production, true);
    assert.strictEqual(envOf('AWS_PROFILE=prod-admin aws s3 rb s3://x --force').production, true);
  });
  it('reads --context, kube current-context and terraform workspace', () => {
    assert.strictEqual(envOf('kubectl --context prod-eu delete namespace shop').production, true);
    assert.strictEqual(envOf('kubectl delete namespace shop', { kubeContext: 'gke_live_cluster' }).production, true);
    assert.strictEqual(envOf('terraform destroy', { terraformWorkspace: 'staging' }).name, 'staging');
  });
  it('reads where it runs: ssh host', () => {
    const e = envOf("ssh db-prod-1 'psql -c \"TRUNCATE orders\"'");
    assert.strictEqual(e.production, true);
    assert.match(e.source, /db-prod-1/);
  });
  it('uses the person’s own mapping first', () => {
    const { policy } = compilePolicy({ environments: [{ pattern: '127.0.0.1', name: 'production', production: true }] });
    const e = envOf('psql postgres://postgres@127.0.0.1:5432/app -c "DROP TABLE customers"', {}, policy);
    assert.strictEqual(e.name, 'production');
    assert.match(e.source, /your mapping/);
  });
  it('says plainly when it is unknown', () => {
    const e = envOf('terraform destroy');
    assert.strictEqual(e.name, 'unknown');
    assert.match(e.source, /unknown/);
  });
  it('raises severity one step on production', () => {
    const { policy } = compilePolicy({ rules: [{ id: 'wipe', command: 'wipe-tool', severity: 'medium' }] });
    const staging = evaluate({ kind: 'shell', command: 'wipe-tool --environment staging' }, policy);
    const prod = evaluate({ kind: 'shell', command: 'wipe-tool --environment production' }, policy);
    assert.strictEqual(staging.findings[0].severity, 'medium');
    assert.strictEqual(prod.findings[0].severity, 'high');
  });
});

describe('environment from the process environment', () => {
  const env = { DATABASE_URL: 'postgres://u:p@db.prod.internal/app', RAILWAY_ENVIRONMENT: 'production' };
  it('applies DATABASE_URL to database clients', () => assert.strictEqual(envOf('psql -c "DROP TABLE users"', { env }).production, true));
  it('does not apply DATABASE_URL to unrelated commands (e2e finding F2)', () => assert.strictEqual(envOf('rm -rf ~/project', { env: { DATABASE_URL: env.DATABASE_URL } }).name, 'unknown'));
  it('applies RAILWAY_ENVIRONMENT to railway only', () => {
    assert.strictEqual(envOf('railway volume delete v1', { env }).production, true);
    assert.strictEqual(envOf('git push --force', { env: { RAILWAY_ENVIRONMENT: 'production' } }).name, 'unknown');
  });
});
