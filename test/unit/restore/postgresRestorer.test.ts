// PostgreSQL restore points against a real throwaway server on loopback (the e2e suite's helper):
// `DROP TABLE customers` allowed by the person through the CLI decision path takes a pg_dump of
// exactly that table; after the drop, the command `restore` prints brings the table and its rows
// back. A table over the size bound gets "none possible" in the modal's words, before any decision.
import * as assert from 'assert';
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decideWithPerson } from '../../../src/cli/decideWithPerson';
import { defaultPolicy } from '../../../src/engine/policy';
import type { AskExtensionRequest, AskResult } from '../../../src/protocol/askClient';
import { makePostgresRestorer } from '../../../src/restore/postgresRestorer';
import { restorePoint } from '../../../src/restore/restorePoint';
import { RESTORE_DEFAULTS } from '../../../src/restore/restoreSettings';
import { listPoints } from '../../../src/restore/restoreStore';
import { tempDir } from './restoreFixtures';

interface Pg {
  url: string;
  port: number;
  psql(sql: string): string;
  tableExists(name: string): boolean;
  seedCustomers(): void;
  stop(): void;
}

const HELPER = path.join(__dirname, '..', '..', '..', 'scripts', 'e2e', 'lib', 'postgres.mjs');

describe('restore: PostgreSQL (real server)', function () {
  this.timeout(120_000);
  let pg: Pg;
  before(async function () {
    const mod = (await import(pathToFileURL(HELPER).href)) as { startPostgres(o?: { database?: string }): Promise<Pg> };
    pg = await mod.startPostgres({ database: 'shop' });
  });
  after(() => pg?.stop());

  const allowAs = (seen: AskExtensionRequest[]) => async (req: AskExtensionRequest): Promise<AskResult> => {
    seen.push(req);
    return { ok: true, answer: { v: 1, id: 'x', type: 'answer', decision: 'allow', by: 'person', message: 'The person allowed this once.' } };
  };

  it('DROP TABLE customers allowed by the person → restore brings the table and its rows back', async () => {
    pg.seedCustomers();
    const cwd = tempDir('ag-restore-pg-');
    const store = tempDir('ag-restore-store-');
    // As in the seed: the connection comes from the environment the command runs with.
    const command = `psql "$DATABASE_URL" -c "DROP TABLE customers"`;
    const env = { ...process.env, DATABASE_URL: pg.url };
    const seen: AskExtensionRequest[] = [];
    const d = await decideWithPerson({ kind: 'shell', command }, { door: 'terminal' }, {
      cwd,
      policy: defaultPolicy(),
      env,
      ask: allowAs(seen),
      spool: false,
      restorePoints: { store, settings: RESTORE_DEFAULTS, windowOpen: () => true, spool: false },
    });
    assert.strictEqual(d.decision, 'allow');
    assert.match(seen[0].restorePoint?.text ?? '', /^will keep table `customers` \(\d+ KB, a pg_dump\)$/, 'the modal is told before the person decides');
    const id = seen[0].restorePoint?.id;
    assert.ok(id);
    assert.deepStrictEqual(listPoints(store).points.map((p) => [p.id, p.kind, p.complete]), [[id, 'postgres', true]]);
    const dump = fs.readFileSync(path.join(store, id, 'dump.sql'), 'utf8');
    assert.match(dump, /CREATE TABLE public\.customers/);
    assert.doesNotMatch(dump, /CREATE DATABASE/);

    execSync(command, { stdio: 'ignore', env });
    assert.strictEqual(pg.tableExists('customers'), false);

    const out = await restorePoint(store, id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(out.report.commands.length, 1, 'loading a dump is the person’s act: the command is printed');
    assert.doesNotMatch(out.report.commands[0], /password/i);
    execSync(out.report.commands[0], { stdio: 'ignore' });
    assert.strictEqual(pg.psql('SELECT string_agg(name, \', \' ORDER BY id) FROM customers'), 'Ada Lovelace, Grace Hopper, Alan Turing');
  });

  it('DROP SCHEMA … CASCADE: every table of the schema comes back', async () => {
    pg.psql("DROP SCHEMA IF EXISTS billing CASCADE; CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int, total int); INSERT INTO billing.invoices VALUES (1, 10), (2, 20); CREATE TABLE billing.notes (t text); INSERT INTO billing.notes VALUES ('keep me');");
    const store = tempDir('ag-restore-store-');
    const command = `psql ${pg.url} -c "DROP SCHEMA billing CASCADE"`;
    const seen: AskExtensionRequest[] = [];
    await decideWithPerson({ kind: 'shell', command }, { door: 'hook', agent: 'Claude Code' }, {
      cwd: tempDir('ag-restore-pg-'),
      policy: defaultPolicy(),
      env: process.env,
      ask: allowAs(seen),
      spool: false,
      restorePoints: { store, settings: RESTORE_DEFAULTS, windowOpen: () => true, spool: false },
    });
    assert.match(seen[0].restorePoint?.text ?? '', /^will keep schema `billing` \(\d+ KB, a pg_dump\)$/);
    execSync(command, { stdio: 'ignore' });
    assert.strictEqual(pg.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'"), '0');
    const out = await restorePoint(store, seen[0].restorePoint?.id ?? '', { force: false });
    assert.ok(typeof out !== 'string');
    execSync(out.report.commands[0], { stdio: 'ignore' });
    assert.strictEqual(pg.psql('SELECT sum(total) FROM billing.invoices'), '30');
    assert.strictEqual(pg.psql('SELECT t FROM billing.notes'), 'keep me');
  });

  it('a table over the bound gets "none possible" before the person decides, and nothing is dumped', async () => {
    pg.seedCustomers();
    const cwd = tempDir('ag-restore-pg-');
    const store = tempDir('ag-restore-store-');
    const seen: AskExtensionRequest[] = [];
    await decideWithPerson({ kind: 'shell', command: `psql ${pg.url} -c "TRUNCATE customers"` }, { door: 'terminal' }, {
      cwd,
      policy: defaultPolicy(),
      env: process.env,
      ask: allowAs(seen),
      spool: false,
      restorePoints: { store, settings: RESTORE_DEFAULTS, windowOpen: () => true, spool: false, restorers: [makePostgresRestorer(1024)] },
    });
    assert.match(seen[0].restorePoint?.text ?? '', /^none possible: table `customers` is \d+ KB, over the 1 KB bound for a dump$/);
    assert.strictEqual(seen[0].restorePoint?.id, undefined);
    assert.deepStrictEqual(listPoints(store).points, []);
    assert.strictEqual(pg.psql('SELECT count(*) FROM customers'), '3', 'the size question is read-only');
  });

  it('a server out of reach: none possible, said plainly', async () => {
    const cwd = tempDir('ag-restore-pg-');
    const seen: AskExtensionRequest[] = [];
    await decideWithPerson({ kind: 'shell', command: 'psql postgresql://postgres@127.0.0.1:1/shop -c "DROP TABLE customers"' }, { door: 'terminal' }, {
      cwd,
      policy: defaultPolicy(),
      env: process.env,
      ask: allowAs(seen),
      spool: false,
      restorePoints: { store: tempDir('ag-restore-store-'), settings: RESTORE_DEFAULTS, windowOpen: () => true, spool: false },
    });
    assert.strictEqual(seen[0].restorePoint?.text, 'none possible: the size of table `customers` could not be read from the server (no connection)');
  });

  it('a connection named by a variable that is not set: none possible, and no client is run', async () => {
    const seen: AskExtensionRequest[] = [];
    const env = { ...process.env };
    delete env.NOT_SET_URL;
    await decideWithPerson({ kind: 'shell', command: 'psql "$NOT_SET_URL" -c "DROP TABLE customers"' }, { door: 'terminal' }, {
      cwd: tempDir('ag-restore-pg-'),
      policy: defaultPolicy(),
      env,
      ask: allowAs(seen),
      spool: false,
      restorePoints: { store: tempDir('ag-restore-store-'), settings: RESTORE_DEFAULTS, windowOpen: () => true, spool: false },
    });
    assert.strictEqual(seen[0].restorePoint?.text, 'none possible: the connection `$NOT_SET_URL` is not known before it runs');
  });
});
