// A throwaway PostgreSQL cluster on loopback for the suite: initdb into a temp dir, pg_ctl start on a
// free port, and a query helper that checks what really happened to the data. As root the server
// runs as the `postgres` user (PostgreSQL refuses to run as root).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, run } from './proc.mjs';

function pgBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))) : [];
  if (!versions.length) throw new Error('no PostgreSQL server found under /usr/lib/postgresql/*/bin (run scripts/e2e/setup.sh)');
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(base, versions[0], 'bin');
}

export async function startPostgres({ database = 'shop' } = {}) {
  const bin = pgBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb and postgres refuse root: run them as the postgres user, who must own the folder.
  const as = (cmd, args) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    run('chown', ['postgres:postgres', dir]);
  }
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const port = await freePort();
  as(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  as(path.join(bin, 'pg_ctl'), [
    '-D', data, '-l', logFile, '-w', '-t', '30',
    '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  const pg = {
    dir,
    port,
    database,
    logFile,
    url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
    psql(sql, db = database) {
      return run('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-c', sql]).trim();
    },
    tableExists(name) {
      return pg.psql(`SELECT to_regclass('public.${name}') IS NOT NULL`) === 't';
    },
    /** The seed: a customers table with rows, recreated for each scenario that destroys it. */
    seedCustomers() {
      pg.psql(
        "DROP TABLE IF EXISTS customers; CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL); " +
          "INSERT INTO customers (name, email) VALUES ('Ada Lovelace','ada@example.com'), ('Grace Hopper','grace@example.com'), ('Alan Turing','alan@example.com');",
      );
    },
    stop() {
      try {
        as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '20', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  pg.psql(`CREATE DATABASE ${database}`, 'postgres');
  return pg;
}
