// SQL, Mongo and Redis statements run through a database client (psql, mysql, sqlite3, mongosh,
// redis-cli, clickhouse-client, cqlsh, duckdb, sqlcmd, usql). The parser hands us the client as a
// simple command; sqlClientInput works out what it would execute, sqlClassifier what that destroys.
// One rule per kind of loss, so a person can disable one without losing the others.
import type { Rule, RuleContext, RuleHit, RulePack, SimpleCommand } from '../types';
import type { SqlFinding, SqlFindingKind } from '../sql/sqlClassifier';
import { SQL_CLIENT_NAMES, analyseClient } from './sqlClientInput';

/** " in database `app`" when the client names it, so the modal says which database loses the table. */
function inDatabase(f: SqlFinding, database: string | undefined): string {
  if (!database || f.object === 'DATABASE' || f.object === 'SERVER' || f.kind === 'mongo-drop-database') return '';
  return ` in ${f.kind === 'redis-flush' ? '' : 'database '}\`${database}\``;
}

function kindRule(id: string, kinds: readonly SqlFindingKind[], severity: Rule['severity'], summary: string, rationale: string): Rule {
  return {
    id,
    category: 'sql',
    severity,
    commands: SQL_CLIENT_NAMES,
    summary,
    rationale,
    match(cmd: SimpleCommand, rc: RuleContext): RuleHit[] | null {
      const a = analyseClient(cmd, rc);
      const hits: RuleHit[] = [];
      for (const f of a.findings) {
        if (!kinds.includes(f.kind)) continue;
        const fromClient = f.target === undefined && (f.object === 'DATABASE' || f.object === 'SERVER') ? a.database : undefined;
        const where = fromClient ? (f.kind === 'redis-flush' ? ` on \`${fromClient}\`` : ` \`${fromClient}\``) : inDatabase(f, a.database);
        hits.push({ summary: `${f.summary}${where}`, target: f.target ?? a.database, severity: f.severity });
      }
      return hits.length ? hits : null;
    },
  };
}

const drop = kindRule(
  'sql.drop',
  ['drop'],
  'high',
  'drops a database object (DROP)',
  'DROP DATABASE/SCHEMA/TABLE removes the object and every row in it; only a backup brings it back. ' +
    'Indexes, views, roles and functions are cheaper to rebuild but their definitions are lost too.',
);

const truncate = kindRule(
  'sql.truncate',
  ['truncate'],
  'high',
  'empties a table (TRUNCATE)',
  'TRUNCATE removes every row at once and, in most databases, cannot be rolled back outside a transaction.',
);

const deleteAll = kindRule(
  'sql.delete-all',
  ['delete-all'],
  'high',
  'deletes every row of a table (DELETE without a restricting WHERE)',
  'A DELETE without WHERE, or with one that is always true (WHERE 1=1), empties the table. A DELETE that ' +
    'names the rows (WHERE id = 42) runs.',
);

const updateAll = kindRule(
  'sql.update-all',
  ['update-all'],
  'high',
  'overwrites every row of a table (UPDATE without a restricting WHERE)',
  'An UPDATE without WHERE replaces a column in every row; the old values are gone.',
);

const alterDrop = kindRule(
  'sql.alter-drop',
  ['alter-drop'],
  'medium',
  'drops a column or constraint (ALTER TABLE … DROP)',
  'Dropping a column deletes its data in every row; dropping a constraint or partition changes what the table holds.',
);

const mongoDropDatabase = kindRule(
  'sql.mongo-drop-database',
  ['mongo-drop-database'],
  'critical',
  'drops a whole MongoDB database',
  'db.dropDatabase() removes every collection and document of the database.',
);

const mongoDropCollection = kindRule(
  'sql.mongo-drop-collection',
  ['mongo-drop-collection'],
  'high',
  'drops a MongoDB collection',
  'collection.drop() removes the collection, its documents and indexes.',
);

const mongoDeleteAll = kindRule(
  'sql.mongo-delete-all',
  ['mongo-delete-all', 'mongo-update-all'],
  'high',
  'deletes or overwrites every document of a collection',
  'deleteMany({}) and remove({}) match every document; updateMany({}, …) rewrites them all. deleteOne by id runs.',
);

const redisFlush = kindRule(
  'sql.redis-flush',
  ['redis-flush'],
  'high',
  'deletes every key of a Redis database (FLUSHALL/FLUSHDB)',
  'FLUSHALL wipes every database of the server and FLUSHDB the selected one; Redis keeps no undo.',
);

const redisScanDelete: Rule = {
  id: 'sql.redis-scan-delete',
  category: 'sql',
  severity: 'high',
  commands: ['redis-cli'],
  summary: 'deletes Redis keys listed by another command (scan piped into DEL)',
  rationale:
    '`redis-cli --scan --pattern … | xargs redis-cli del` deletes every key the pattern matches, which is ' +
    'usually far more than intended. Deleting one named key runs.',
  match(cmd, rc) {
    const a = analyseClient(cmd, rc);
    if (!a.scanDelete) return null;
    return { summary: `deletes every Redis key in ${a.scanDelete}${a.database ? ` on \`${a.database}\`` : ''}`, target: a.database };
  },
};

const unreadableInput: Rule = {
  id: 'sql.unreadable-input',
  category: 'sql',
  severity: 'medium',
  commands: SQL_CLIENT_NAMES,
  summary: 'runs database statements the guard cannot read',
  rationale:
    'A client told to run a file the guard cannot open, a variable holding SQL, or the output of another ' +
    'program may run anything, including DROP. Unknown content asks instead of passing unseen.',
  match(cmd, rc) {
    const a = analyseClient(cmd, rc);
    return a.unreadable.map((what) => ({
      summary: `runs statements from ${what} that the guard could not read${a.database ? ` against \`${a.database}\`` : ''}`,
      target: a.database,
    }));
  },
};

const shellEscape: Rule = {
  id: 'sql.shell-escape',
  category: 'sql',
  severity: 'medium',
  commands: SQL_CLIENT_NAMES,
  summary: 'runs a shell command from inside a database client',
  rationale: 'psql/mysql `\\!`, mysql `system` and sqlite `.shell` run shell commands the guard does not see as commands.',
  match(cmd, rc) {
    const a = analyseClient(cmd, rc);
    return a.shellEscapes.map((c) => ({ summary: `runs a shell command from inside \`${cmd.name}\`${c ? `: \`${c}\`` : ''}` }));
  },
};

export const SQL_RULES: RulePack = {
  name: 'sql',
  rules: [
    drop,
    truncate,
    deleteAll,
    updateAll,
    alterDrop,
    mongoDropDatabase,
    mongoDropCollection,
    mongoDeleteAll,
    redisFlush,
    redisScanDelete,
    unreadableInput,
    shellEscape,
  ],
};
