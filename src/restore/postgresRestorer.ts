// PostgreSQL tables before `DROP TABLE/SCHEMA`, `TRUNCATE` or an unbounded `DELETE`/`UPDATE` through
// `psql`: a `pg_dump` of exactly the tables involved, on the server the command itself connects to.
// Their total size is asked first, read-only (`pg_total_relation_size`, in a read-only transaction);
// over the bound, or without `pg_dump`, or with the server out of reach, the modal says why not.
// Restoring is the person's act: it prints the exact `psql` command that loads the dump.
import * as path from 'path';
import type { Finding, SimpleCommand } from '../engine/types';
import { scanArgs } from '../engine/rules/scanArgs';
import { runTool, toolFailure } from './runTool';
import type { ToolRun } from './runTool';
import { NOTHING_AT_RISK } from './restoreTypes';
import type { PlannedPart, PlanResult, RestoreReport, RestoreSubject, Restorer, TakenPart, TakeContext } from './restoreTypes';
import { formatBytes, shellQuote } from './restoreWords';

export const DEFAULT_PG_MAX_BYTES = 200 * 1024 * 1024;
const PLAN_TIMEOUT_MS = 3000;
const PSQL_SPEC = { shortWithValue: 'hpUdcfvPFRTLoE', longWithValue: new Set(['host', 'port', 'username', 'dbname', 'command', 'file', 'set', 'variable', 'output', 'log-file']) };

/** How to reach the server, without the password (it stays in the environment the command had). */
interface PgConn {
  host?: string;
  port?: string;
  user?: string;
  /** A database name, or a `postgresql://` URL / `key=value` conninfo with any password removed. */
  dbname?: string;
}

interface PgData extends Record<string, unknown> {
  conn: PgConn;
  /** Qualified names for `pg_dump -t` (tables) and `-n` (schemas). */
  tables: string[];
  schemas: string[];
  file?: string;
}

const URL_PASSWORD = /^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/;
const KV_PASSWORD = /(^|\s)password\s*=\s*(?:'[^']*'|\S+)/g;

function withoutPassword(conninfo: string): string {
  return conninfo.replace(URL_PASSWORD, '$1@').replace(KV_PASSWORD, '');
}

const NO_CONNECTION = /Connection refused|could not connect|No such file or directory/i;
const BAD_PASSWORD = /password authentication failed|no password supplied/i;
const PSQL_PREFIX = /^psql: (?:error: )?/;
const SOLE_VARIABLE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/**
 * A word as the command will see it: `"$DATABASE_URL"` is read from the environment the command runs
 * with (as the shell would expand it); any other word built from variables is not guessed at.
 */
function expandWord(word: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!word.includes('$') && !word.includes('`')) return word;
  const m = SOLE_VARIABLE.exec(word);
  const name = m?.[1] ?? m?.[2];
  return name !== undefined ? env[name] : undefined;
}

/** How the command connects, or the word Agent Guard cannot read. */
export function readPsqlConn(cmd: SimpleCommand, env: NodeJS.ProcessEnv): PgConn | { unreadable: string } {
  const s = scanArgs(cmd.args, PSQL_SPEC);
  let unreadable: string | undefined;
  const v = (short: string, long: string): string | undefined => {
    const raw = s.values.get(long) ?? s.values.get(short);
    return raw === undefined ? undefined : word(raw);
  };
  const word = (raw: string): string | undefined => {
    const w = expandWord(raw, env);
    if (w === undefined) unreadable = raw;
    return w;
  };
  const conn: PgConn = {};
  const host = v('h', 'host');
  const port = v('p', 'port');
  const user = v('U', 'username') ?? (s.positionals[1] !== undefined ? word(s.positionals[1]) : undefined);
  const db = v('d', 'dbname') ?? (s.positionals[0] !== undefined ? word(s.positionals[0]) : undefined);
  if (unreadable !== undefined) return { unreadable };
  if (host) conn.host = host;
  if (port) conn.port = port;
  if (user) conn.user = user;
  if (db) conn.dbname = withoutPassword(db);
  return conn;
}

function connArgs(c: PgConn): string[] {
  return [...(c.host ? ['-h', c.host] : []), ...(c.port ? ['-p', c.port] : []), ...(c.user ? ['-U', c.user] : []), ...(c.dbname ? ['-d', c.dbname] : [])];
}

/** The tables and schemas the command's findings name. */
function objectsOf(findings: readonly Finding[]): { tables: string[]; schemas: string[] } {
  const tables: string[] = [];
  const schemas: string[] = [];
  for (const f of findings) {
    if (!f.target) continue;
    const names = f.target.split(',').map((n) => n.trim()).filter(Boolean);
    if (f.rule === 'sql.drop' && f.summary.startsWith('drops schema')) schemas.push(...names);
    else if (f.rule === 'sql.drop' && f.summary.startsWith('drops table')) tables.push(...names);
    else if (f.rule === 'sql.truncate' || f.rule === 'sql.delete-all' || f.rule === 'sql.update-all') tables.push(...names);
  }
  return { tables: [...new Set(tables)], schemas: [...new Set(schemas)] };
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?$/;

/** A SQL string literal for a name the guard already checked against SAFE_NAME. */
const lit = (name: string): string => `'${name}'`;

function sizeQuery(tables: string[], schemas: string[]): string {
  const parts: string[] = [];
  for (const t of tables) parts.push(`coalesce((SELECT pg_total_relation_size(to_regclass(${lit(t)}))), 0)`);
  for (const s of schemas) {
    parts.push(`coalesce((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${lit(s)} AND c.relkind IN ('r','p','m')), 0)`);
  }
  const existing = tables.map((t) => `(to_regclass(${lit(t)}) IS NOT NULL)::int`).concat(schemas.map((s) => `(SELECT count(*) FROM pg_namespace WHERE nspname = ${lit(s)})::int`));
  return `SELECT (${parts.join(' + ')})::bigint, ${existing.join(' + ')}`;
}

/** Why the server did not answer, in a few words: "no answer in time", "connection refused", psql's own last line. */
function serverWhy(r: ToolRun): string {
  if (r.startError) return r.startError.includes('ENOENT') ? 'psql is not installed' : 'psql could not start';
  if (r.timedOut) return 'no answer in time';
  if (NO_CONNECTION.test(r.stderr)) return 'no connection';
  if (BAD_PASSWORD.test(r.stderr)) return 'the password was not accepted';
  const last = r.stderr.split('\n').filter((l) => l.trim() !== '').pop();
  return last ? last.replace(PSQL_PREFIX, '').trim().slice(0, 160) : `psql exit ${r.code}`;
}

function pgEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Read-only by construction, and never waiting for a password prompt or a slow server.
  return { ...env, PGOPTIONS: `${env.PGOPTIONS ?? ''} -c default_transaction_read_only=on`.trim(), PGCONNECT_TIMEOUT: '2' };
}

export function makePostgresRestorer(maxBytes: number = DEFAULT_PG_MAX_BYTES): Restorer {
  async function plan(subject: RestoreSubject): Promise<PlanResult> {
    if (subject.cmd.name !== 'psql') return undefined;
    const mine = subject.verdict.findings.filter((f) => f.command === subject.cmd.text && String(f.category) === 'sql');
    const { tables, schemas } = objectsOf(mine);
    if (tables.length === 0 && schemas.length === 0) return undefined;
    const odd = [...tables, ...schemas].find((n) => !SAFE_NAME.test(n));
    if (odd) return { reason: `the name \`${odd}\` is not one Agent Guard dumps` };
    const names = [...tables.map((t) => `table \`${t}\``), ...schemas.map((s) => `schema \`${s}\``)];
    const conn = readPsqlConn(subject.cmd, subject.env);
    if ('unreadable' in conn) return { reason: `the connection \`${conn.unreadable}\` is not known before it runs` };
    const version = await runTool('pg_dump', ['--version'], { cwd: subject.cwd, env: subject.env, timeoutMs: PLAN_TIMEOUT_MS });
    if (version.code !== 0) return { reason: `pg_dump is not available (${toolFailure('pg_dump', version)})` };
    const q = await runTool('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', ...connArgs(conn), '-c', sizeQuery(tables, schemas)], {
      cwd: subject.cwd,
      env: pgEnv(subject.env),
      timeoutMs: PLAN_TIMEOUT_MS,
    });
    if (q.code !== 0) return { reason: `the size of ${names.join(', ')} could not be read from the server (${serverWhy(q)})` };
    const [sizeText, existsText] = q.stdout.toString('utf8').trim().split('|');
    const bytes = Number(sizeText);
    if (!Number.isFinite(bytes) || Number(existsText) === 0) return NOTHING_AT_RISK;
    if (bytes > maxBytes) return { reason: `${names.join(', ')} is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} bound for a dump` };
    const data: PgData = { conn, tables, schemas };
    return { kind: 'postgres', what: `${names.join(', ')} (${formatBytes(bytes)}, a pg_dump)`, bytes, paths: [...tables, ...schemas], data, env: subject.env };
  }

  async function take(part: PlannedPart, ctx: TakeContext): Promise<TakenPart> {
    const d = part.data as PgData;
    const file = path.join(ctx.dir, 'dump.sql');
    const quoted = (n: string): string => n.split('.').map((p) => `"${p}"`).join('.');
    const args = ['--clean', '--if-exists', '--no-owner', '-f', file, ...connArgs(d.conn), ...d.tables.flatMap((t) => ['-t', quoted(t)]), ...d.schemas.flatMap((s) => ['-n', quoted(s)])];
    const r = await runTool('pg_dump', args, { cwd: ctx.dir, env: pgEnv(part.env ?? process.env), timeoutMs: Math.max(1, ctx.deadline - Date.now()) });
    const ok = r.code === 0;
    return {
      kind: 'postgres',
      what: part.what,
      paths: part.paths,
      bytes: part.bytes,
      complete: ok,
      ...(ok ? {} : { note: `the dump failed: ${toolFailure('pg_dump', r)}` }),
      data: { ...d, ...(ok ? { file: 'dump.sql' } : {}) },
    };
  }

  async function restore(part: TakenPart, dir: string): Promise<RestoreReport> {
    const d = part.data as PgData;
    const report: RestoreReport = { restored: [], conflicts: [], commands: [], notes: [] };
    if (!d.file) {
      report.notes.push('this point holds no dump (it failed when it was taken)');
      return report;
    }
    report.commands.push(['psql', '-X', '-1', '-v', 'ON_ERROR_STOP=1', ...connArgs(d.conn), '-f', path.join(dir, d.file)].map(shellQuote).join(' '));
    report.notes.push(`this replaces ${[...d.tables, ...d.schemas].join(', ')} with the content they had when the point was taken: rows written since are lost. Give the password as the original command did (PGPASSWORD or ~/.pgpass).`);
    return report;
  }

  function describe(part: TakenPart): string {
    const d = part.data as PgData;
    return `pg_dump of ${[...d.tables, ...d.schemas].join(', ')}${d.conn.dbname ? ` from ${d.conn.dbname}` : ''}`;
  }

  return { kind: 'postgres', plan, take, restore, describe };
}

export const postgresRestorer = makePostgresRestorer();
