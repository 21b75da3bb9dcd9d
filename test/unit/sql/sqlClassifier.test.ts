import assert from 'node:assert/strict';
import { type ClassifyDialect, type SqlFindingKind, classifySql } from '../../../src/engine/sql/sqlClassifier';

// [sql, expected kind (or null: nothing destructive), expected target, dialect]
type Row = [string, SqlFindingKind | null, string?, ClassifyDialect?];

const DESTRUCTIVE: Row[] = [
  ['DROP TABLE users', 'drop', 'users'],
  ['drop table users;', 'drop', 'users'],
  ['DROP TABLE IF EXISTS public.users CASCADE', 'drop', 'public.users'],
  ['DROP TABLE a, b', 'drop', 'a, b'],
  ['DROP TABLE "Order Items"', 'drop', 'Order Items'],
  ['DROP TABLE `orders`', 'drop', 'orders', 'mysql'],
  ['DROP TABLE [dbo].[orders]', 'drop', 'dbo.orders', 'tsql'],
  ['DROP DATABASE app', 'drop', 'app'],
  ['DROP DATABASE IF EXISTS app_production', 'drop', 'app_production'],
  ['DROP SCHEMA public CASCADE', 'drop', 'public'],
  ['DROP INDEX CONCURRENTLY idx_users_email', 'drop', 'idx_users_email'],
  ['DROP VIEW active_users', 'drop', 'active_users'],
  ['DROP MATERIALIZED VIEW stats', 'drop', 'stats'],
  ['DROP USER bob', 'drop', 'bob'],
  ['DROP ROLE readonly', 'drop', 'readonly'],
  ['DROP OWNED BY app_user', 'drop', 'app_user'],
  ['DROP KEYSPACE analytics', 'drop', 'analytics', 'cql'],
  ['SELECT 1; DROP TABLE users; SELECT 2', 'drop', 'users'],
  ['BEGIN;\nDROP TABLE users;\nCOMMIT;', 'drop', 'users'],
  ['/* cleanup */ DROP TABLE users', 'drop', 'users'],
  ['-- remove\nDROP TABLE users', 'drop', 'users'],
  ['/*!40101 DROP TABLE legacy */', 'drop', 'legacy', 'mysql'],
  ["SELECT 'it\\'s'; DROP TABLE y", 'drop', 'y', 'mysql'],
  // Standard quoting: the backslash does not escape, so the string ends early and DROP is code.
  ["SELECT 'a\\'; DROP TABLE y; --'", 'drop', 'y', 'postgres'],
  ["DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$;", 'drop', 'x'],
  ['DO $body$ BEGIN DELETE FROM audit; END $body$', 'delete-all', 'audit'],
  ["EXEC('DROP TABLE staging')", 'drop', 'staging', 'tsql'],
  ['TRUNCATE orders', 'truncate', 'orders'],
  ['truncate table orders restart identity cascade', 'truncate', 'orders'],
  ['TRUNCATE ONLY a, b', 'truncate', 'a, b'],
  ['DELETE FROM users', 'delete-all', 'users'],
  ['delete from users;', 'delete-all', 'users'],
  ['DELETE FROM users WHERE 1=1', 'delete-all', 'users'],
  ['DELETE FROM users WHERE 1 = 1', 'delete-all', 'users'],
  ['DELETE FROM users WHERE true', 'delete-all', 'users'],
  ["DELETE FROM users WHERE 'a'='a'", 'delete-all', 'users'],
  ['DELETE FROM users WHERE 1', 'delete-all', 'users', 'mysql'],
  ['DELETE FROM users WHERE 2 > 1', 'delete-all', 'users'],
  ['DELETE FROM users WHERE NOT false', 'delete-all', 'users'],
  ['DELETE FROM users WHERE (1=1)', 'delete-all', 'users'],
  ['DELETE FROM users WHERE id = 5 OR 1=1', 'delete-all', 'users'],
  ["DELETE FROM users WHERE email LIKE '%'", 'delete-all', 'users'],
  ['DELETE FROM users WHERE id = id', 'delete-all', 'users'],
  ['DELETE FROM users LIMIT 1000', 'delete-all', 'users', 'mysql'],
  ['DELETE FROM users RETURNING *', 'delete-all', 'users'],
  ['DELETE FROM ONLY sessions', 'delete-all', 'sessions'],
  ['DELETE sessions', 'delete-all', 'sessions', 'tsql'],
  ['WITH gone AS (DELETE FROM events RETURNING id) SELECT count(*) FROM gone WHERE id > 0', 'delete-all', 'events'],
  ['EXPLAIN ANALYZE DELETE FROM t', 'delete-all', 't'],
  ['UPDATE users SET admin = true', 'update-all', 'users'],
  ['UPDATE users SET email = NULL WHERE 1=1', 'update-all', 'users'],
  // The WHERE belongs to the subquery, not the UPDATE: every row is overwritten.
  ['UPDATE users SET plan = (SELECT p FROM plans WHERE plans.id = 1)', 'update-all', 'users'],
  ['DELETE FROM users WHERE $COND', 'delete-all', 'users'],
  ['UPDATE users SET a = 1 WHERE ${FILTER}', 'update-all', 'users'],
  ['ALTER TABLE users DROP COLUMN email', 'alter-drop', 'users.email'],
  ['ALTER TABLE users DROP COLUMN IF EXISTS email', 'alter-drop', 'users.email'],
  ['alter table users drop email', 'alter-drop', 'users.email', 'mysql'],
  ['ALTER TABLE orders DROP CONSTRAINT orders_pkey', 'alter-drop', 'orders.orders_pkey'],
  ['ALTER TABLE orders ADD COLUMN x int, DROP COLUMN y', 'alter-drop', 'orders.y'],
  ['ALTER TABLE logs DROP PARTITION p2023', 'alter-drop', 'logs.p2023', 'mysql'],
  ['ALTER TABLE events DELETE WHERE 1 = 1', 'delete-all', 'events', 'clickhouse'],
  ['db.dropDatabase()', 'mongo-drop-database', undefined, 'mongo'],
  ['use shop\ndb.dropDatabase()', 'mongo-drop-database', 'shop', 'mongo'],
  ["db.getSiblingDB('shop').dropDatabase()", 'mongo-drop-database', 'shop', 'mongo'],
  ['db.runCommand({ dropDatabase: 1 })', 'mongo-drop-database', undefined, 'mongo'],
  ['db.users.drop()', 'mongo-drop-collection', 'users', 'mongo'],
  ["db.getCollection('users').drop()", 'mongo-drop-collection', 'users', 'mongo'],
  ['db["users"].drop()', 'mongo-drop-collection', 'users', 'mongo'],
  ["db.runCommand({ drop: 'users' })", 'mongo-drop-collection', 'users', 'mongo'],
  ['db.users.deleteMany({})', 'mongo-delete-all', 'users', 'mongo'],
  ['db.users.deleteMany( { } )', 'mongo-delete-all', 'users', 'mongo'],
  ['db.users.remove({})', 'mongo-delete-all', 'users', 'mongo'],
  ['db.users.updateMany({}, { $set: { plan: "free" } })', 'mongo-update-all', 'users', 'mongo'],
  ['db.users.drop()', 'mongo-drop-collection', 'users'],
  ['FLUSHALL', 'redis-flush', undefined, 'redis'],
  ['flushdb async', 'redis-flush', undefined, 'redis'],
  ['SET a 1\nFLUSHALL\n', 'redis-flush', undefined, 'redis'],
  ['EVAL "return redis.call(\'flushall\')" 0', 'redis-flush', undefined, 'redis'],
];

const HARMLESS: Row[] = [
  ['SELECT * FROM users', null],
  ['SELECT * FROM drop_shipping', null],
  ["SELECT 'drop table x'", null],
  ["SELECT 'DELETE FROM users'", null],
  ['SELECT "drop table" FROM t', null],
  ['SELECT * FROM truncated_logs', null],
  ["INSERT INTO notes (body) VALUES ('DROP DATABASE prod; TRUNCATE x')", null],
  ["INSERT INTO notes VALUES ('it''s; DROP TABLE x')", null],
  ['INSERT INTO users (name) VALUES ($1)', null],
  ['CREATE TABLE users (id serial primary key)', null],
  ['CREATE INDEX idx ON users (email)', null],
  ['EXPLAIN DELETE FROM users', null],
  ['EXPLAIN UPDATE users SET a = 1', null],
  ['DELETE FROM users WHERE id = 42', null],
  ['delete from sessions where expires_at < now()', null],
  ['DELETE FROM users WHERE id IN (SELECT id FROM banned)', null],
  ['DELETE FROM t WHERE id BETWEEN 1 AND 5', null],
  ['DELETE FROM t WHERE id = $1', null],
  ['DELETE FROM t WHERE id = $ID', null],
  ['DELETE FROM t WHERE 1=1 AND tenant_id = 7', null],
  ["DELETE FROM t WHERE status = 'done' AND 'a' = 'a'", null],
  ['DELETE FROM t USING u WHERE t.id = u.id', null],
  ['DELETE t1 FROM t1 INNER JOIN t2 ON t1.id = t2.id', null, undefined, 'mysql'],
  ['UPDATE users SET admin = false WHERE id = 7', null],
  ['UPDATE users SET x = 1 WHERE id = 1 RETURNING *', null],
  ['SELECT * FROM t FOR UPDATE', null],
  ['INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1', null],
  ['INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1', null, undefined, 'mysql'],
  ['CREATE TABLE a (id int REFERENCES b(id) ON DELETE CASCADE ON UPDATE CASCADE)', null],
  ['GRANT SELECT, INSERT, UPDATE, DELETE ON users TO app', null],
  ['REVOKE DELETE ON users FROM app', null],
  ['GRANT DROP ON app.* TO admin', null, undefined, 'mysql'],
  ['CREATE TEMP TABLE scratch (a int) ON COMMIT DROP', null],
  ['CREATE TRIGGER t BEFORE UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION audit()', null],
  ['CREATE FUNCTION purge() RETURNS void AS $$ DELETE FROM logs $$ LANGUAGE sql', null],
  ['ALTER TABLE users ALTER COLUMN email DROP NOT NULL', null],
  ['ALTER TABLE users ALTER COLUMN plan DROP DEFAULT', null],
  ['ALTER TABLE users ADD COLUMN plan text', null],
  ['-- DROP TABLE users\nSELECT 1', null],
  ['SELECT 1 /* DROP TABLE users */', null],
  ['SELECT 1 /* nested /* DROP TABLE x */ still comment */', null, undefined, 'postgres'],
  ['SELECT 1 # DROP TABLE users', null, undefined, 'mysql'],
  ['SELECT $tag$ DROP TABLE x $tag$', null],
  ["SELECT E'\\' DROP TABLE x'", null, undefined, 'postgres'],
  ['VACUUM ANALYZE users', null],
  ['COPY users TO STDOUT', null],
  ['db.users.find({ name: "drop table" })', null, undefined, 'mongo'],
  ['db.users.deleteOne({ _id: ObjectId("65f0") })', null, undefined, 'mongo'],
  ['db.users.deleteMany({ status: "inactive" })', null, undefined, 'mongo'],
  ['db.users.insertOne({ op: "dropDatabase" })', null, undefined, 'mongo'],
  ['// db.dropDatabase()\ndb.users.countDocuments()', null, undefined, 'mongo'],
  ['db.users.createIndex({ email: 1 })', null, undefined, 'mongo'],
  ['GET session:1', null, undefined, 'redis'],
  ['DEL session:1', null, undefined, 'redis'],
  ['SET note "FLUSHALL later"', null, undefined, 'redis'],
  ['', null],
];

function check([sql, kind, target, dialect]: Row): void {
  const findings = classifySql(sql, dialect ?? 'generic');
  if (kind === null) {
    assert.deepEqual(findings, [], `expected nothing for ${JSON.stringify(sql)}`);
    return;
  }
  const hit = findings.find((f) => f.kind === kind);
  assert.ok(hit, `expected ${kind} for ${JSON.stringify(sql)}, got ${JSON.stringify(findings)}`);
  assert.equal(hit.target, target, `target of ${JSON.stringify(sql)}`);
  assert.ok(hit.summary.length > 0);
  assert.notEqual(hit.severity, 'low');
}

describe('classifySql', () => {
  describe('destructive statements', () => {
    for (const row of DESTRUCTIVE) it(`${row[3] ?? 'generic'}: ${row[0].replace(/\n/g, '⏎')}`, () => check(row));
  });
  describe('statements that run', () => {
    for (const row of HARMLESS) it(`${row[3] ?? 'generic'}: ${row[0].replace(/\n/g, '⏎') || '(empty)'}`, () => check(row));
  });

  it('names the object type and a severity by what is lost', () => {
    const [db] = classifySql('DROP DATABASE app');
    assert.equal(db.object, 'DATABASE');
    assert.equal(db.severity, 'critical');
    const [idx] = classifySql('DROP INDEX i');
    assert.equal(idx.severity, 'medium');
    const [tmp] = classifySql('DROP TEMPORARY TABLE t', 'mysql');
    assert.equal(tmp.severity, 'low');
  });

  it('reports every destructive statement of a script, with its text', () => {
    const findings = classifySql('DROP TABLE a;\nSELECT 1;\nTRUNCATE b;\nDELETE FROM c WHERE id = 1;\nDELETE FROM d;');
    assert.deepEqual(findings.map((f) => [f.kind, f.target]), [['drop', 'a'], ['truncate', 'b'], ['delete-all', 'd']]);
    assert.equal(findings[2].statement, 'DELETE FROM d');
  });

  it('says why a WHERE does not restrict', () => {
    const [f] = classifySql('DELETE FROM users WHERE 1=1');
    assert.match(f.summary, /always true/);
    const [g] = classifySql('DELETE FROM users');
    assert.match(g.summary, /without WHERE/);
  });

  it('clips long statements for display', () => {
    const [f] = classifySql(`DELETE FROM t WHERE ${Array(100).fill('1=1').join(' AND ')}`);
    assert.ok(f.statement.length <= 160);
  });

  it('stays linear on large input', () => {
    const big = 'INSERT INTO t VALUES (1, \'x\');\n'.repeat(20000) + 'DROP TABLE t;';
    const t0 = process.hrtime.bigint();
    const findings = classifySql(big);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(findings.length, 1);
    // Generous for a shared, loaded machine; a quadratic walk (re-reading the text per statement)
    // would take minutes on 20 000 statements.
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  it('survives unterminated quotes and comments without throwing', () => {
    for (const s of ["SELECT 'abc", 'SELECT "abc', '/* open', 'SELECT $$ x', 'DROP', 'DELETE', 'UPDATE', 'ALTER TABLE']) {
      assert.doesNotThrow(() => classifySql(s));
    }
    assert.equal(classifySql('DROP')[0].kind, 'drop');
  });
});
