// Cloud and PaaS CLIs that carry SQL to a hosted database: `heroku pg:psql -c`, `wrangler d1 execute
// --command`, `aws rds-data execute-statement --sql`, `bq query '…'`, `turso db shell db '…'`, a heredoc
// into `railway connect` / `fly postgres connect` / `gcloud sql connect` … The SQL pack reads the classic
// clients (psql, mysql …); these CLIs are ours. What they would run is classified by the same SQL classifier.
// An interactive session (no SQL on the line, nothing on stdin) runs: the person types into it.
import type { Rule, RuleContext, RuleHit, RulePack, SimpleCommand } from '../types';
import { classifySql } from '../sql/sqlClassifier';
import type { ClassifyDialect, SqlFinding } from '../sql/sqlClassifier';
import { WHOLE_SUBSTITUTION, hasStdin, readInput, stdinText } from '../http/commandInput';
import { findPath, flagValueAt, positionals } from './cloudVerbTable';
import type { WordPattern } from './cloudVerbTable';

interface SqlCarrier {
  /** Command names after unwrapping. */
  names: readonly string[];
  /** Subcommand path, from the first positional word (`['d1', 'execute']`); empty when the command itself runs SQL. */
  path: readonly WordPattern[];
  /** Options whose value is SQL text. */
  textFlags?: readonly string[];
  /** Options whose value is a file of SQL. */
  fileFlags?: readonly string[];
  /** Index, among the positionals after the path, of an SQL text operand (`bq query 'SQL'` → 0). */
  sqlOperand?: number;
  /** Reads SQL from stdin when something is fed to it. */
  stdin?: boolean;
  /** Options taking a value, so the value is not read as a positional. */
  valueFlags?: readonly string[];
  dialect: ClassifyDialect;
}

const CARRIERS: readonly SqlCarrier[] = [
  { names: ['heroku'], path: ['pg:psql'], textFlags: ['-c', '--command'], fileFlags: ['-f', '--file'], stdin: true, valueFlags: ['-a', '--app', '-r', '--remote', '--credential'], dialect: 'postgres' },
  { names: ['wrangler'], path: ['d1', 'execute'], textFlags: ['--command'], fileFlags: ['--file'], valueFlags: ['-e', '--env', '-c', '--config', '--persist-to'], dialect: 'sqlite' },
  { names: ['aws'], path: [['rds-data', 'redshift-data'], ['execute-statement', 'batch-execute-statement']], textFlags: ['--sql', '--sqls'], dialect: 'generic' },
  { names: ['aws'], path: ['athena', 'start-query-execution'], textFlags: ['--query-string'], dialect: 'generic' },
  { names: ['bq'], path: ['query'], sqlOperand: 0, stdin: true, valueFlags: ['--project_id', '--location', '--format', '--destination_table', '--parameter', '--max_rows', '-n', '--dataset_id'], dialect: 'generic' },
  { names: ['turso'], path: ['db', 'shell'], sqlOperand: 1, stdin: true, valueFlags: ['--instance', '--location'], dialect: 'sqlite' },
  { names: ['az'], path: [['postgres', 'mysql'], 'flexible-server', 'execute'], textFlags: ['--querytext', '-q'], fileFlags: ['--file-path', '-f'], valueFlags: ['-n', '--name', '-u', '--admin-user', '-p', '--admin-password', '-d', '--database-name', '-g', '--resource-group'], dialect: 'generic' },
  { names: ['gcloud'], path: ['spanner', 'databases', 'execute-sql'], textFlags: ['--sql'], valueFlags: ['--instance', '--project'], dialect: 'generic' },
  { names: ['gcloud'], path: ['sql', 'connect'], stdin: true, valueFlags: ['--user', '--database', '--project', '--port'], dialect: 'generic' },
  { names: ['fly', 'flyctl'], path: [['postgres', 'pg', 'mpg'], 'connect'], stdin: true, valueFlags: ['-a', '--app', '-d', '--database', '-u', '--user'], dialect: 'postgres' },
  { names: ['railway'], path: ['connect'], stdin: true, valueFlags: ['-e', '--environment', '-s', '--service'], dialect: 'generic' },
  { names: ['pscale'], path: ['shell'], stdin: true, valueFlags: ['--org', '--role'], dialect: 'mysql' },
  { names: ['snowsql'], path: [], textFlags: ['-q', '--query'], fileFlags: ['-f', '--filename'], stdin: true, valueFlags: ['-a', '--accountname', '-u', '--username', '-d', '--dbname', '-s', '--schemaname', '-w', '--warehouse', '-r', '--rolename', '-c', '--connection'], dialect: 'generic' },
  { names: ['snow'], path: ['sql'], textFlags: ['-q', '--query'], fileFlags: ['-f', '--filename'], stdin: true, valueFlags: ['-c', '--connection', '--database', '--schema', '--role', '--warehouse'], dialect: 'generic' },
  { names: ['cockroach'], path: ['sql'], textFlags: ['-e', '--execute'], fileFlags: ['-f', '--file'], stdin: true, valueFlags: ['--url', '--host', '--user', '-u', '--database', '-d', '--certs-dir', '--format'], dialect: 'postgres' },
];

const NO_EFFECT = new Set(['--help', '-h', 'help']);

interface CarrierInput {
  carrier: SqlCarrier;
  /** The typed subcommand, for messages: `heroku pg:psql`. */
  typed: string;
  texts: string[];
  unreadable: string[];
}

interface CompiledCarrier {
  carrier: SqlCarrier;
  valueFlags: ReadonlySet<string>;
}

const COMPILED: readonly CompiledCarrier[] = CARRIERS.map((carrier) => ({
  carrier,
  valueFlags: new Set([...(carrier.valueFlags ?? []), ...(carrier.textFlags ?? []), ...(carrier.fileFlags ?? [])]),
}));

/** The SQL a carrier command would run (texts it can read, and what it could not), or null when it is not one. */
function carrierInput(cmd: SimpleCommand, rc: RuleContext): CarrierInput | null {
  if (cmd.args.some((a) => NO_EFFECT.has(a))) return null;
  for (const { carrier, valueFlags } of COMPILED) {
    if (!carrier.names.includes(cmd.name)) continue;
    const pos = positionals(cmd, valueFlags);
    const end = carrier.path.length === 0 ? 0 : findPath(pos, carrier.path, true);
    if (end < 0) continue;
    const input: CarrierInput = { carrier, typed: [cmd.name, ...pos.slice(0, end).map((p) => p.word)].join(' '), texts: [], unreadable: [] };
    let given = false;
    const text = carrier.textFlags && flagValueAt(cmd.args, carrier.textFlags);
    if (text) {
      given = true;
      addText(input, text.value, cmd.dynamic[text.index] === true);
    }
    const operand = carrier.sqlOperand !== undefined ? pos[end + carrier.sqlOperand] : undefined;
    if (operand) {
      given = true;
      addText(input, operand.word, cmd.dynamic[operand.index] === true);
    }
    const file = carrier.fileFlags && flagValueAt(cmd.args, carrier.fileFlags);
    if (file) {
      given = true;
      const content = readInput(file.value, cmd, rc.ctx.readFile, cmd.dynamic[file.index] === true);
      if (content === undefined) input.unreadable.push(`\`${file.value}\``);
      else input.texts.push(content);
    }
    if (!given && carrier.stdin && hasStdin(cmd)) {
      const content = stdinText(cmd, rc.ctx.readFile);
      if (content === undefined) input.unreadable.push('its standard input');
      else input.texts.push(content);
    }
    return input;
  }
  return null;
}

function addText(input: CarrierInput, text: string, dynamic: boolean): void {
  if (dynamic && WHOLE_SUBSTITUTION.test(text)) input.unreadable.push(`\`${text}\``);
  else input.texts.push(text);
}

const ALL_NAMES: readonly string[] = [...new Set(CARRIERS.flatMap((c) => c.names))];

const destructiveSql: Rule = {
  id: 'cloud.sql-destructive',
  category: 'sql',
  severity: 'high',
  commands: ALL_NAMES,
  summary: 'runs destructive SQL on a hosted database through its cloud CLI',
  rationale:
    'Cloud CLIs run SQL on hosted databases directly (`heroku pg:psql -c`, `wrangler d1 execute --command`, ' +
    '`aws rds-data execute-statement --sql`, a heredoc into `railway connect`). DROP, TRUNCATE and DELETE/UPDATE ' +
    'without WHERE ask the same as through psql; SELECT and restricted writes run.',
  match(cmd, rc): RuleHit[] | null {
    const input = carrierInput(cmd, rc);
    if (!input) return null;
    const found: SqlFinding[] = input.texts.flatMap((t) => classifySql(t, input.carrier.dialect));
    return found.length > 0 ? found.map((f) => ({ summary: `${f.summary} through \`${input.typed}\``, target: f.target, severity: f.severity })) : null;
  },
};

const unreadableSql: Rule = {
  id: 'cloud.sql-unreadable',
  category: 'sql',
  severity: 'medium',
  commands: ALL_NAMES,
  summary: 'runs SQL the guard cannot read on a hosted database',
  rationale:
    'A file the guard cannot open, a variable holding SQL, or another program\'s output piped into a cloud ' +
    'database session may hold a DROP; unknown content asks instead of passing unseen.',
  match(cmd, rc): RuleHit[] | null {
    const input = carrierInput(cmd, rc);
    if (!input || input.unreadable.length === 0) return null;
    return input.unreadable.map((what) => ({ summary: `runs SQL from ${what} through \`${input.typed}\`, which the guard could not read` }));
  },
};

export const CLOUD_SQL_RULES: RulePack = { name: 'cloud-sql', rules: [destructiveSql, unreadableSql] };
