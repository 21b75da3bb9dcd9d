import assert from 'node:assert/strict';
import { decisionOf, findingsOf, rulesOf } from '../helpers';

// [command that runs destructive SQL through a cloud CLI, expected target, a near miss that runs]
type Row = [string, string, string];

const DESTRUCTIVE: Row[] = [
  ["heroku pg:psql -c 'DROP TABLE users' -a shop", 'users', "heroku pg:psql -c 'SELECT count(*) FROM users' -a shop"],
  ["heroku pg:psql -a shop <<< 'TRUNCATE orders'", 'orders', 'heroku pg:psql -a shop'],
  ['wrangler d1 execute prod-db --remote --command "DROP TABLE users"', 'users', 'wrangler d1 execute prod-db --remote --command "SELECT * FROM users LIMIT 5"'],
  ['aws rds-data execute-statement --resource-arn arn:db --secret-arn arn:s --sql "TRUNCATE orders"', 'orders', 'aws rds-data execute-statement --resource-arn arn:db --secret-arn arn:s --sql "SELECT 1"'],
  ['aws athena start-query-execution --query-string "DROP TABLE logs" --work-group primary', 'logs', 'aws athena start-query-execution --query-string "SELECT * FROM logs LIMIT 10"'],
  ["bq query --nouse_legacy_sql 'DELETE FROM ds.events WHERE true'", 'ds.events', "bq query --nouse_legacy_sql 'DELETE FROM ds.events WHERE id = 42'"],
  ['turso db shell mydb "DROP TABLE users"', 'users', 'turso db shell mydb "SELECT * FROM users"'],
  ['az postgres flexible-server execute -n pg1 -u admin -p x --querytext "DROP TABLE users"', 'users', 'az postgres flexible-server execute -n pg1 -u admin -p x --querytext "SELECT 1"'],
  ['gcloud spanner databases execute-sql orders --instance main --sql "DELETE FROM Orders"', 'Orders', 'gcloud spanner databases execute-sql orders --instance main --sql "SELECT 1"'],
  ['gcloud sql connect prod-db --user=postgres <<< "DROP DATABASE app"', 'app', 'gcloud sql connect prod-db --user=postgres'],
  ['fly postgres connect -a my-db <<< "DROP TABLE users"', 'users', 'fly postgres connect -a my-db'],
  ['echo "DELETE FROM sessions" | railway connect postgres', 'sessions', 'echo "SELECT 1" | railway connect postgres'],
  ['pscale shell app main <<< "DROP TABLE users"', 'users', 'pscale shell app main'],
  ['snowsql -q "DROP DATABASE analytics"', 'analytics', 'snowsql -q "SELECT CURRENT_VERSION()"'],
  ['snow sql -q "TRUNCATE TABLE raw.events"', 'raw.events', 'snow sql -q "SHOW TABLES"'],
  ['cockroach sql --url "$DB" -e "DROP TABLE x"', 'x', 'cockroach sql --url "$DB" -e "SHOW TABLES"'],
];

const UNREADABLE: Row[] = [
  ['heroku pg:psql -a shop < restore.sql', '', 'heroku pg:psql -a shop --help'],
  ['wrangler d1 execute prod-db --remote --file=./dump.sql', '', 'wrangler d1 migrations apply prod-db --remote'],
  ['heroku pg:psql -c "$SQL" -a shop', '', 'heroku pg:info -a shop'],
  ['cat dump.sql | fly pg connect -a my-db', '', 'fly pg list'],
];

describe('cloud SQL carriers', () => {
  for (const [positive, target, negative] of DESTRUCTIVE) {
    it(`cloud.sql-destructive: stops \`${positive}\``, () => {
      const f = findingsOf(positive).filter((x) => x.rule === 'cloud.sql-destructive');
      assert.equal(f.length, 1, rulesOf(positive).join(', '));
      assert.equal(f[0].target, target);
      assert.notEqual(decisionOf(positive), 'allow');
    });
    it(`cloud.sql-destructive: runs \`${negative}\``, () => {
      assert.deepStrictEqual(rulesOf(negative).filter((r) => r.startsWith('cloud.')), []);
      assert.equal(decisionOf(negative), 'allow');
    });
  }
  for (const [positive, , negative] of UNREADABLE) {
    it(`cloud.sql-unreadable: stops \`${positive}\``, () => {
      assert.ok(rulesOf(positive).includes('cloud.sql-unreadable'), rulesOf(positive).join(', '));
      assert.notEqual(decisionOf(positive), 'allow');
    });
    it(`cloud.sql-unreadable: runs \`${negative}\``, () => {
      assert.deepStrictEqual(rulesOf(negative).filter((r) => r.startsWith('cloud.')), []);
    });
  }

  it('reads `--file` through the reader: a DROP asks, a forward migration runs', () => {
    const readFile = (p: string): string | undefined => (p === 'wipe.sql' ? 'DROP TABLE users;' : p === 'add.sql' ? 'ALTER TABLE users ADD COLUMN plan text;' : undefined);
    assert.deepStrictEqual(rulesOf('wrangler d1 execute prod --remote --file wipe.sql', { readFile }), ['cloud.sql-destructive']);
    assert.deepStrictEqual(rulesOf('wrangler d1 execute prod --remote --file add.sql', { readFile }), []);
  });
});
