// Database tools and framework tasks that drop or wipe a whole database: dropdb, mysqladmin drop,
// pg_restore --clean, ORM resets (prisma, rails, django, laravel, knex, sequelize, typeorm, ecto,
// EF Core, diesel, sqlx, alembic), migration-tool wipes (flyway clean, liquibase drop-all, atlas
// schema clean, golang-migrate drop), supabase db reset, mongorestore --drop.
// Forward migrations, seeds and single-step rollbacks run: they are the everyday path.
import type { Rule, RuleHit, RulePack, Severity, SimpleCommand } from '../types';
import { scanArgs } from './scanArgs';
import type { ArgSpec } from './scanArgs';

// ---------------------------------------------------------------------------------------------
// Which tool is really running: `bundle exec rake`, `pnpm prisma`, `npx knex`, `python manage.py`,
// `uv run python manage.py`, `php artisan`, `sail artisan`.

interface ToolCall {
  tool: string;
  args: readonly string[];
}

/** Runners whose next word is the tool (`bundle exec rails`, `poetry run python`). */
const RUNNER_SUBCOMMANDS: Record<string, ReadonlySet<string>> = {
  bundle: new Set(['exec']),
  pnpm: new Set(['exec', 'dlx']),
  yarn: new Set(['exec', 'dlx']),
  npm: new Set(['exec', 'x']),
  bun: new Set(['x', 'run']),
  uv: new Set(['run']),
  poetry: new Set(['run']),
  pipenv: new Set(['run']),
  pdm: new Set(['run']),
  hatch: new Set(['run']),
  rye: new Set(['run']),
  sail: new Set(['artisan']),
};
/** `pnpm prisma …` / `yarn prisma …` run a package binary directly. */
const BARE_BINARY_RUNNERS = new Set(['pnpm', 'yarn', 'bun', 'npx', 'bunx']);
const TOOL_NAMES = new Set([
  'prisma', 'rails', 'rake', 'knex', 'sequelize', 'sequelize-cli', 'typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm',
  'supabase', 'flyway', 'liquibase', 'manage.py', 'django-admin', 'artisan', 'alembic', 'flask', 'atlas', 'migrate', 'drizzle-kit',
]);
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const FLAGS_WITH_VALUE_BEFORE_SCRIPT = new Set(['-W', '-X', '--project', '--with', '--python', '-p']);

export function toolCall(cmd: SimpleCommand): ToolCall {
  let tool = cmd.name;
  let args: readonly string[] = cmd.args;
  for (let hop = 0; hop < 4; hop++) {
    const subs = RUNNER_SUBCOMMANDS[tool];
    if (subs && args.length > 0 && subs.has(args[0])) {
      // `sail artisan migrate:fresh` → artisan; `bundle exec rake db:drop` → rake.
      let i = tool === 'sail' ? 0 : 1;
      while (i < args.length && args[i].startsWith('-')) i += FLAGS_WITH_VALUE_BEFORE_SCRIPT.has(args[i]) ? 2 : 1;
      if (i >= args.length) break;
      tool = basename(args[i]);
      args = args.slice(i + 1);
      continue;
    }
    if (BARE_BINARY_RUNNERS.has(tool) && args.length > 0 && TOOL_NAMES.has(args[0])) {
      tool = args[0];
      args = args.slice(1);
      continue;
    }
    if (PYTHON.test(tool) || tool === 'php') {
      let i = 0;
      while (i < args.length && args[i].startsWith('-') && args[i] !== '-m') i += FLAGS_WITH_VALUE_BEFORE_SCRIPT.has(args[i]) ? 2 : 1;
      if (args[i] === '-m' && i + 1 < args.length) {
        // `python -m django flush`, `python -m alembic downgrade base`
        tool = args[i + 1] === 'django' ? 'django-admin' : args[i + 1];
        args = args.slice(i + 2);
        continue;
      }
      if (i < args.length) {
        tool = basename(args[i]);
        args = args.slice(i + 1);
        continue;
      }
    }
    break;
  }
  return { tool, args };
}

function basename(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash >= 0 ? p.slice(slash + 1) : p;
}

/**
 * `--help`, `help …`: describing a destructive task destroys nothing. Not `-h`: for the PostgreSQL
 * and MySQL tools it names the host (`dropdb -h db.internal app`).
 */
function asksForHelp(args: readonly string[]): boolean {
  return args[0] === 'help' || args.some((a) => a === '--help' || a === '-?' || a === '--version');
}

/** Positionals (non-flags) of a call, with flag values skipped per spec. */
function operands(args: readonly string[], spec: ArgSpec = {}): string[] {
  return scanArgs(args, spec).positionals;
}

/** golang-migrate spells its options with one dash and a value: `-path dir -database URL down`. */
const GOLANG_MIGRATE_VALUES = new Set(['-path', '-database', '-source', '-lock-timeout', '-prefetch', '-ext', '-dir', '-seq-digits', '-format']);

function golangMigrateOperands(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (GOLANG_MIGRATE_VALUES.has(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

function words(args: readonly string[]): Set<string> {
  return new Set(args);
}

const code = (s: string): string => `\`${s}\``;

// ---------------------------------------------------------------------------------------------
// The table. `tools` are names after toolCall; `match` sees the tool's own arguments.

interface ToolRule {
  id: string;
  severity: Severity;
  /** Command names the rule index shows it (the raw name, before runner unwrapping). */
  names: readonly string[];
  tools: ReadonlySet<string>;
  summary: string;
  rationale: string;
  match(call: ToolCall, cmd: SimpleCommand): RuleHit | null;
}

const PG_CLIENT_SPEC: ArgSpec = { shortWithValue: 'hpUdS', longWithValue: new Set(['host', 'port', 'username', 'maintenance-db']) };

const RAILS_DESTROYERS: Record<string, string> = {
  'db:drop': 'drops the database',
  'db:drop:all': 'drops every database in config/database.yml',
  'db:reset': 'drops and re-creates the database from the schema (all data lost)',
  'db:purge': 'empties the database',
  'db:purge:all': 'empties every database',
  'db:schema:load': 'loads the schema over the database, dropping every table first',
  'db:structure:load': 'loads structure.sql over the database, dropping every table first',
  'db:migrate:reset': 'drops the database and re-runs every migration',
  'db:truncate_all': 'truncates every table',
  'db:seed:replant': 'truncates every table, then seeds',
  'db:fixtures:load': 'replaces table contents with fixtures',
};

const DJANGO_DESTROYERS: Record<string, string> = {
  flush: 'deletes every row of every table (manage.py flush)',
  reset_db: 'drops and re-creates the database (django-extensions reset_db)',
  sqlflush: '',
};

const ARTISAN_DESTROYERS: Record<string, string> = {
  'migrate:fresh': 'drops every table and re-runs all migrations',
  'migrate:reset': 'rolls back every migration',
  'migrate:refresh': 'rolls back every migration and re-runs them (data in those tables is lost)',
  'db:wipe': 'drops every table, view and type',
};

const RULES: readonly ToolRule[] = [
  {
    id: 'database.dropdb',
    severity: 'critical',
    names: ['dropdb'],
    tools: new Set(['dropdb']),
    summary: 'drops a PostgreSQL database (dropdb)',
    rationale: 'dropdb removes the database and all its data; only a backup brings it back.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const ops = operands(args, PG_CLIENT_SPEC);
      const db = ops[0];
      return { summary: db ? `drops PostgreSQL database ${code(db)}` : 'drops a PostgreSQL database', target: db };
    },
  },
  {
    id: 'database.dropuser',
    severity: 'medium',
    names: ['dropuser'],
    tools: new Set(['dropuser']),
    summary: 'drops a PostgreSQL role (dropuser)',
    rationale: 'Dropping a role breaks every application that logs in with it.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const role = operands(args, PG_CLIENT_SPEC)[0];
      return { summary: role ? `drops PostgreSQL role ${code(role)}` : 'drops a PostgreSQL role', target: role };
    },
  },
  {
    id: 'database.mysqladmin-drop',
    severity: 'critical',
    names: ['mysqladmin', 'mariadb-admin'],
    tools: new Set(['mysqladmin', 'mariadb-admin']),
    summary: 'drops a MySQL database (mysqladmin drop)',
    rationale: '`mysqladmin drop db` removes the database and every table in it.',
    match({ args }) {
      const ops = operands(args, { shortWithValue: 'hPuSO', longWithValue: new Set(['host', 'port', 'user', 'socket']) });
      const i = ops.findIndex((o) => o.toLowerCase() === 'drop');
      if (i < 0) return null;
      const db = ops[i + 1];
      return { summary: db ? `drops MySQL database ${code(db)}` : 'drops a MySQL database', target: db };
    },
  },
  {
    id: 'database.pg-restore-clean',
    severity: 'high',
    names: ['pg_restore'],
    tools: new Set(['pg_restore']),
    summary: 'restores over a database, dropping its objects first (pg_restore --clean)',
    rationale:
      '`pg_restore --clean -d db` drops every object of the dump in the target database before re-creating it: ' +
      'whatever the target held that the dump does not is lost. Without `-d` it only writes a script.',
    match({ args }) {
      const s = scanArgs(args, { shortWithValue: 'dfFhIjLnNpPStTU', longWithValue: new Set(['dbname', 'file', 'format', 'host', 'port', 'username', 'schema', 'table', 'jobs']) });
      const clean = s.short.includes('c') || s.long.includes('clean');
      const db = s.values.get('d') ?? s.values.get('dbname');
      if (!clean || db === undefined) return null;
      return { summary: `drops and re-creates every object of the dump in database ${code(db)} (pg_restore --clean)`, target: db };
    },
  },
  {
    id: 'database.pg-ctl-stop-immediate',
    // Low on its own: stopping a local dev server is routine. A production target raises it to ask.
    severity: 'low',
    names: ['pg_ctl', 'pg_ctlcluster'],
    tools: new Set(['pg_ctl', 'pg_ctlcluster']),
    summary: 'stops PostgreSQL without a clean shutdown (pg_ctl stop -m immediate)',
    rationale: 'Immediate mode aborts every session and in-flight transaction and forces crash recovery on the next start.',
    match({ args }) {
      if (!args.includes('stop')) return null;
      const s = scanArgs(args, { shortWithValue: 'DmtlowcsNUP', longWithValue: new Set(['pgdata', 'mode', 'timeout', 'log']) });
      const mode = s.values.get('m') ?? s.values.get('mode');
      if (!mode || !'immediate'.startsWith(mode)) return null;
      const dir = s.values.get('D') ?? s.values.get('pgdata');
      return { summary: `stops PostgreSQL${dir ? ` at ${code(dir)}` : ''} in immediate mode (sessions aborted, crash recovery on restart)`, target: dir };
    },
  },
  {
    id: 'database.pg-dropcluster',
    severity: 'critical',
    names: ['pg_dropcluster'],
    tools: new Set(['pg_dropcluster']),
    summary: 'deletes a PostgreSQL cluster and its data directory (pg_dropcluster)',
    rationale: 'pg_dropcluster removes the whole data directory of a cluster.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const ops = operands(args);
      const target = ops.length >= 2 ? `${ops[0]}/${ops[1]}` : ops[0];
      return { summary: target ? `deletes PostgreSQL cluster ${code(target)} and its data` : 'deletes a PostgreSQL cluster and its data', target };
    },
  },
  {
    id: 'database.supabase-db-reset',
    severity: 'high',
    names: ['supabase', 'npx', 'pnpm', 'yarn', 'bun', 'bunx'],
    tools: new Set(['supabase']),
    summary: 'resets the Supabase database (supabase db reset)',
    rationale:
      '`supabase db reset` drops and re-creates the database from migrations; local data is lost and with ' +
      '`--linked`/`--db-url` it resets the remote project. It asks even locally.',
    match({ args }) {
      const ops = operands(args, { longWithValue: new Set(['db-url', 'workdir', 'project-ref', 'version']) });
      if (ops[0] !== 'db' || ops[1] !== 'reset' || asksForHelp(args)) return null;
      const remote = args.includes('--linked') || args.some((a) => a.startsWith('--db-url'));
      return {
        summary: remote ? 'resets the linked (remote) Supabase database: every table is dropped and re-created' : 'resets the local Supabase database: every table is dropped and re-created',
        severity: remote ? 'critical' : 'high',
        target: remote ? 'linked Supabase project' : 'local Supabase database',
      };
    },
  },
  {
    id: 'database.prisma-reset',
    severity: 'high',
    names: ['prisma', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'npm'],
    tools: new Set(['prisma']),
    summary: 'resets the database through Prisma (migrate reset / db push --force-reset)',
    rationale:
      '`prisma migrate reset` drops the database and re-applies migrations; `db push --force-reset` drops it ' +
      'before pushing; `db push --accept-data-loss` drops columns and tables the schema no longer has. ' +
      '`migrate deploy`, `migrate dev` and a plain `db push` run.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const ops = operands(args, { longWithValue: new Set(['schema', 'name']) });
      if (ops[0] === 'migrate' && ops[1] === 'reset') return { summary: 'drops the database and re-applies every migration (prisma migrate reset)' };
      if (ops[0] === 'db' && ops[1] === 'push') {
        if (args.includes('--force-reset')) return { summary: 'drops the database before pushing the schema (prisma db push --force-reset)' };
        if (args.includes('--accept-data-loss')) return { summary: 'pushes a schema that drops columns or tables, accepting the data loss (prisma db push --accept-data-loss)', severity: 'medium' };
      }
      return null;
    },
  },
  {
    id: 'database.rails-db-destroy',
    severity: 'high',
    names: ['rails', 'rake', 'bundle'],
    tools: new Set(['rails', 'rake']),
    summary: 'drops or wipes the Rails database (db:drop, db:reset, db:schema:load …)',
    rationale: 'These tasks drop tables or whole databases. db:migrate, db:seed and db:rollback run.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      for (const a of args) {
        const what = RAILS_DESTROYERS[a];
        if (what) return { summary: `${what} (rails ${a})`, target: a };
      }
      // `db:migrate VERSION=0` migrates down past the first migration: every table is dropped.
      if (args.includes('db:migrate') && args.includes('VERSION=0')) {
        return { summary: 'migrates down to version 0, dropping every table (rails db:migrate VERSION=0)', target: 'db:migrate VERSION=0' };
      }
      return null;
    },
  },
  {
    id: 'database.django-flush',
    severity: 'high',
    names: ['python', 'python3', 'manage.py', 'django-admin', 'uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye'],
    tools: new Set(['manage.py', 'django-admin']),
    summary: 'wipes the Django database (flush / reset_db / migrate app zero)',
    rationale: '`flush` deletes every row of every table; `reset_db` drops the database; `migrate <app> zero` unapplies every migration of the app, dropping its tables.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const ops = operands(args, { longWithValue: new Set(['settings', 'database', 'pythonpath']) });
      const what = DJANGO_DESTROYERS[ops[0]];
      if (what) return { summary: what };
      if (ops[0] === 'migrate' && ops.length >= 3 && ops[2] === 'zero') {
        return { summary: `unapplies every migration of app ${code(ops[1])}, dropping its tables (migrate ${ops[1]} zero)`, target: ops[1] };
      }
      return null;
    },
  },
  {
    id: 'database.artisan-wipe',
    severity: 'high',
    names: ['php', 'artisan', 'sail'],
    tools: new Set(['artisan']),
    summary: 'wipes the Laravel database (migrate:fresh / migrate:reset / migrate:refresh / db:wipe)',
    rationale: 'These drop every table or roll back every migration. `migrate` and `migrate:rollback` (one batch) run.',
    match({ args }) {
      if (asksForHelp(args)) return null;
      const what = ARTISAN_DESTROYERS[operands(args)[0]];
      return what ? { summary: `${what} (artisan ${operands(args)[0]})` } : null;
    },
  },
  {
    id: 'database.migrations-rollback-all',
    severity: 'high',
    names: ['knex', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'npm', 'sequelize', 'sequelize-cli', 'alembic', 'flask', 'python', 'python3', 'uv', 'poetry', 'migrate', 'goose'],
    tools: new Set(['knex', 'sequelize', 'sequelize-cli', 'alembic', 'flask', 'migrate', 'goose']),
    summary: 'rolls back every migration (knex --all, sequelize undo:all, alembic downgrade base …)',
    rationale: 'Rolling back every migration drops every table they created. A single-step rollback runs.',
    match({ tool, args }) {
      if (asksForHelp(args)) return null;
      const w = words(args);
      const ops = operands(args, { longWithValue: new Set(['env', 'knexfile', 'config', 'url', 'database', 'path', 'source', 'dir']), shortWithValue: 'cx' });
      if (tool === 'knex' && ops[0] === 'migrate:rollback' && w.has('--all')) return { summary: 'rolls back every knex migration (migrate:rollback --all)' };
      if ((tool === 'sequelize' || tool === 'sequelize-cli') && ops[0] === 'db:migrate:undo:all') return { summary: 'rolls back every sequelize migration (db:migrate:undo:all)' };
      if ((tool === 'alembic' || tool === 'flask') && ops.includes('downgrade') && ops[ops.indexOf('downgrade') + 1] === 'base') {
        return { summary: `rolls back every migration (${tool} … downgrade base)` };
      }
      // golang-migrate: `migrate -database URL down` (without a count: all) and `drop`.
      if (tool === 'migrate') {
        const verbs = golangMigrateOperands(args);
        if (verbs[0] === 'drop') return { summary: 'drops everything in the database (migrate drop)' };
        if (verbs[0] === 'down' && (verbs.length === 1 || w.has('-all'))) return { summary: 'rolls back every migration (migrate down)' };
      }
      if (tool === 'goose' && (ops.includes('reset') || (ops.includes('down-to') && ops[ops.indexOf('down-to') + 1] === '0'))) {
        return { summary: 'rolls back every goose migration' };
      }
      return null;
    },
  },
  {
    id: 'database.orm-schema-drop',
    severity: 'high',
    names: ['sequelize', 'sequelize-cli', 'typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'npm', 'mix', 'dotnet', 'diesel', 'sqlx', 'atlas', 'mongorestore'],
    tools: new Set(['sequelize', 'sequelize-cli', 'typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm', 'mix', 'dotnet', 'diesel', 'sqlx', 'atlas', 'mongorestore']),
    summary: 'drops the database or its schema through an ORM / migration tool',
    rationale:
      '`sequelize db:drop`, `typeorm schema:drop`, `mix ecto.drop/ecto.reset`, `dotnet ef database drop`, ' +
      '`diesel database reset`, `sqlx database drop/reset`, `atlas schema clean`, `mongorestore --drop` destroy ' +
      'the database or every table in it.',
    match({ tool, args }) {
      if (asksForHelp(args)) return null;
      const ops = operands(args, { longWithValue: new Set(['dataSource', 'd', 'url', 'env', 'config', 'database-url', 'project', 'context']), shortWithValue: 'duhc' });
      const sub = ops[0];
      if ((tool === 'sequelize' || tool === 'sequelize-cli') && sub === 'db:drop') return { summary: 'drops the database (sequelize db:drop)' };
      if (tool.startsWith('typeorm') && sub === 'schema:drop') return { summary: 'drops every table of the database (typeorm schema:drop)' };
      if (tool === 'mix' && (sub === 'ecto.drop' || sub === 'ecto.reset')) return { summary: `drops the database (mix ${sub})` };
      if (tool === 'dotnet' && sub === 'ef' && ops[1] === 'database' && ops[2] === 'drop') return { summary: 'drops the database (dotnet ef database drop)' };
      if ((tool === 'diesel' || tool === 'sqlx') && (sub === 'database' || sub === 'db') && (ops[1] === 'reset' || ops[1] === 'drop')) {
        return { summary: `drops the database (${tool} ${sub} ${ops[1]})` };
      }
      if (tool === 'atlas' && sub === 'schema' && ops[1] === 'clean') return { summary: 'drops every object of the schema (atlas schema clean)' };
      if (tool === 'mongorestore' && args.includes('--drop')) return { summary: 'drops each collection before restoring it (mongorestore --drop)' };
      return null;
    },
  },
  {
    id: 'database.drizzle-push-force',
    severity: 'medium',
    names: ['drizzle-kit', 'npx', 'pnpm', 'yarn', 'bun', 'bunx'],
    tools: new Set(['drizzle-kit']),
    summary: 'pushes a schema and auto-approves data-loss statements (drizzle-kit push --force)',
    rationale: '`drizzle-kit push` asks before statements that lose data (dropping columns or tables); `--force` approves them all unseen.',
    match({ args }) {
      if (asksForHelp(args) || args[0] !== 'push') return null;
      return args.includes('--force') ? { summary: 'pushes the schema approving every data-loss statement (drizzle-kit push --force)' } : null;
    },
  },
  {
    id: 'database.migration-tool-clean',
    severity: 'high',
    names: ['flyway', 'liquibase', 'npx', 'pnpm', 'yarn'],
    tools: new Set(['flyway', 'liquibase']),
    summary: 'drops every object of the schema (flyway clean / liquibase drop-all)',
    rationale: 'flyway clean and liquibase drop-all drop every table, view and procedure of the configured schemas.',
    match({ tool, args }) {
      if (asksForHelp(args)) return null;
      const ops = args.filter((a) => !a.startsWith('-'));
      if (tool === 'flyway' && ops.includes('clean')) return { summary: 'drops every object of the configured schemas (flyway clean)' };
      if (tool === 'liquibase' && (ops.includes('drop-all') || ops.includes('dropAll'))) return { summary: 'drops every object of the database (liquibase drop-all)' };
      return null;
    },
  },
];

function toRule(t: ToolRule): Rule {
  return {
    id: t.id,
    category: 'database',
    severity: t.severity,
    commands: t.names,
    summary: t.summary,
    rationale: t.rationale,
    match(cmd) {
      const call = toolCall(cmd);
      if (!t.tools.has(call.tool)) return null;
      return t.match(call, cmd);
    },
  };
}

export const DATABASE_TOOL_RULES: RulePack = { name: 'database', rules: RULES.map(toRule) };
