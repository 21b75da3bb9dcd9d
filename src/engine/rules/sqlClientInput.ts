// What a database client would execute: the `-c`/`-e`/`--eval`/`-q` arguments, the files it is
// told to read (`-f`, `< dump.sql`, `\i`), its stdin (heredoc, here-string, `echo … |`), and, for
// redis-cli, the command in its arguments. Everything it finds is classified; everything it cannot
// read is reported as unreadable, so the rule asks instead of guessing.
import type { RuleContext, SimpleCommand } from '../types';
import { type ClassifyDialect, type SqlFinding, classifySql } from '../sql/sqlClassifier';
import { classifyRedisCommand } from '../sql/redisClassifier';

export interface ClientAnalysis {
  findings: SqlFinding[];
  /** Inputs that would run but could not be read: "file `migrate.sql`", "stdin from `gunzip`". */
  unreadable: string[];
  /** Shell commands run from inside the client (`\!`, `.shell`, `system`), which the guard cannot see into. */
  shellEscapes: string[];
  /** redis-cli DEL/UNLINK whose keys come from a pipe or xargs (a scan-and-delete). */
  scanDelete?: string;
  /** The database the client connects to, when written literally. */
  database?: string;
}

// ---------------------------------------------------------------------------------------------
// Option reading. Each client has its own getopt: which letters take a value decides what is the
// SQL and what is a positional database name.

interface ClientSpec {
  /** Short option letters that take a value (attached `-cSQL` or as the next word). */
  shortValue: string;
  /** Letters whose value may only be attached (`mysql -psecret`; `-p` alone prompts). */
  attachedOnly?: string;
  /** Long options (without dashes) that take the next word as their value. */
  longValue: ReadonlySet<string>;
  /** sqlite3/duckdb spell long options with one dash (`-cmd`, `-init`): no letter bundles. */
  singleDashWords?: boolean;
}

interface ClientArgs {
  /** Options in order: name without dashes (`c`, `command`), value if any. */
  opts: Array<[string, string | undefined, number]>;
  positionals: string[];
  positionalIndexes: number[];
}

function readArgs(args: readonly string[], spec: ClientSpec, from = 0): ClientArgs {
  const out: ClientArgs = { opts: [], positionals: [], positionalIndexes: [] };
  let operands = false;
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (operands || a.length < 2 || a[0] !== '-') {
      out.positionals.push(a);
      out.positionalIndexes.push(i);
      continue;
    }
    if (a === '--') {
      operands = true;
      continue;
    }
    if (a[1] === '-' || spec.singleDashWords) {
      const body = a.slice(a[1] === '-' ? 2 : 1);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      if (eq >= 0) out.opts.push([name, body.slice(eq + 1), i]);
      else if (spec.longValue.has(name) && i + 1 < args.length) out.opts.push([name, args[++i], i]);
      else out.opts.push([name, undefined, i]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (spec.attachedOnly?.includes(c)) {
        out.opts.push([c, j + 1 < a.length ? a.slice(j + 1) : undefined, i]);
        break;
      }
      if (spec.shortValue.includes(c)) {
        if (j + 1 < a.length) out.opts.push([c, a.slice(j + 1), i]);
        else if (i + 1 < args.length) out.opts.push([c, args[++i], i]);
        else out.opts.push([c, undefined, i]);
        break;
      }
      out.opts.push([c, undefined, i]);
    }
  }
  return out;
}

/** Values of the options named, in order: [value, index of the value in args, option name]. */
function valuesOf(ca: ClientArgs, names: ReadonlySet<string>): Array<[string, number, string]> {
  const out: Array<[string, number, string]> = [];
  for (const [name, value, index] of ca.opts) if (names.has(name) && value !== undefined) out.push([value, index, name]);
  return out;
}

function has(ca: ClientArgs, names: ReadonlySet<string>): boolean {
  return ca.opts.some(([name]) => names.has(name));
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

// ---------------------------------------------------------------------------------------------
// The clients.

interface Client {
  spec: ClientSpec;
  dialect: ClassifyDialect;
  /** Options whose value is text that runs. */
  sql: ReadonlySet<string>;
  /** Options whose value is a file that runs (`-` = stdin). */
  file: ReadonlySet<string>;
  /**
   * Options that run before the session and do not replace stdin or the SQL arguments
   * (`mysql --init-command`, `sqlite3 -cmd`/`-init`); the rest of these hold the whole input.
   */
  preamble?: ReadonlySet<string>;
  /** Options naming the database. */
  database?: ReadonlySet<string>;
  /** Which positional (0-based) is the database (or connection string); -1 none. */
  databasePositional: number;
  /** Positionals from this index on are SQL (sqlite3 db.sqlite 'SQL'); -1 none. */
  sqlPositionalsFrom: number;
  /** Positionals ending in `.js` are scripts (mongosh app script.js). */
  scriptPositionals?: boolean;
  /** Whether stdin is read even when SQL is given in arguments (never for these clients). */
}

const PSQL: Client = {
  spec: {
    shortValue: 'cdfFhLopPRTUv',
    longValue: set('command', 'dbname', 'file', 'field-separator', 'host', 'log-file', 'output', 'port', 'pset', 'record-separator', 'table-attr', 'username', 'variable', 'set'),
  },
  dialect: 'postgres',
  sql: set('c', 'command'),
  file: set('f', 'file'),
  database: set('d', 'dbname'),
  databasePositional: 0,
  sqlPositionalsFrom: -1,
};

const MYSQL: Client = {
  spec: {
    shortValue: 'DehPSuOT',
    attachedOnly: 'p',
    longValue: set('execute', 'database', 'host', 'port', 'socket', 'user', 'init-command', 'default-character-set', 'defaults-file', 'defaults-extra-file', 'login-path', 'protocol', 'ssl-ca', 'ssl-cert', 'ssl-key', 'ssl-mode', 'connect-timeout', 'max-allowed-packet'),
  },
  dialect: 'mysql',
  sql: set('e', 'execute', 'init-command'),
  file: set(),
  preamble: set('init-command'),
  database: set('D', 'database'),
  databasePositional: 0,
  sqlPositionalsFrom: -1,
};

const SQLITE: Client = {
  spec: {
    shortValue: '',
    singleDashWords: true,
    longValue: set('cmd', 'init', 'separator', 'newline', 'nullvalue', 'vfs', 'maxsize', 'mmap', 'lookaside', 'pagecache', 'heap', 'A', 'escape'),
  },
  dialect: 'sqlite',
  sql: set('cmd'),
  file: set('init'),
  preamble: set('cmd', 'init'),
  databasePositional: 0,
  sqlPositionalsFrom: 1,
};

const DUCKDB: Client = {
  spec: {
    shortValue: '',
    singleDashWords: true,
    longValue: set('c', 'cmd', 'init', 'separator', 'newline', 'nullvalue', 's', 'f'),
  },
  dialect: 'generic',
  sql: set('c', 'cmd', 's'),
  file: set('init', 'f'),
  preamble: set('cmd', 'init'),
  databasePositional: 0,
  sqlPositionalsFrom: 1,
};

const MONGOSH: Client = {
  spec: {
    shortValue: 'upf',
    longValue: set('host', 'port', 'username', 'password', 'authenticationDatabase', 'authenticationMechanism', 'eval', 'file', 'apiVersion',
      'tlsCAFile', 'tlsCertificateKeyFile', 'tlsCertificateKeyFilePassword', 'keyVaultNamespace', 'kmsURL', 'awsAccessKeyId',
      'awsSecretAccessKey', 'awsSessionToken', 'gssapiServiceName', 'cryptSharedLibPath', 'oidcFlows', 'oidcRedirectUri'),
  },
  dialect: 'mongo',
  sql: set('eval'),
  file: set('f', 'file'),
  databasePositional: 0,
  sqlPositionalsFrom: -1,
  scriptPositionals: true,
};

const CLICKHOUSE: Client = {
  spec: {
    shortValue: 'qhudfC',
    longValue: set('query', 'host', 'port', 'user', 'password', 'database', 'format', 'queries-file', 'config-file', 'param', 'max_threads', 'secure'),
  },
  dialect: 'clickhouse',
  sql: set('q', 'query'),
  file: set('queries-file'),
  database: set('d', 'database'),
  databasePositional: -1,
  sqlPositionalsFrom: -1,
};

const CQLSH: Client = {
  spec: {
    shortValue: 'upkefb',
    longValue: set('username', 'password', 'keyspace', 'execute', 'file', 'cqlshrc', 'cqlversion', 'encoding', 'connect-timeout', 'request-timeout', 'protocol-version'),
  },
  dialect: 'cql',
  sql: set('e', 'execute'),
  file: set('f', 'file'),
  database: set('k', 'keyspace'),
  databasePositional: -1,
  sqlPositionalsFrom: -1,
};

const SQLCMD: Client = {
  spec: { shortValue: 'QqiSdUPHltvshwaocfmVYyAKMNG', longValue: set('query', 'input-file', 'server', 'database-name', 'user-name', 'password') },
  dialect: 'tsql',
  sql: set('Q', 'q', 'query'),
  file: set('i', 'input-file'),
  database: set('d', 'database-name'),
  databasePositional: -1,
  sqlPositionalsFrom: -1,
};

const USQL: Client = {
  spec: { shortValue: 'cfoJ', longValue: set('command', 'file', 'out', 'set', 'variable') },
  dialect: 'generic',
  sql: set('c', 'command'),
  file: set('f', 'file'),
  databasePositional: 0,
  sqlPositionalsFrom: -1,
};

const CLIENTS: ReadonlyMap<string, Client> = new Map([
  ['psql', PSQL],
  ['mysql', MYSQL],
  ['mariadb', MYSQL],
  ['sqlite3', SQLITE],
  ['sqlite', SQLITE],
  ['duckdb', DUCKDB],
  ['mongosh', MONGOSH],
  ['mongo', MONGOSH],
  ['clickhouse-client', CLICKHOUSE],
  ['clickhouse', CLICKHOUSE],
  ['cqlsh', CQLSH],
  ['sqlcmd', SQLCMD],
  ['usql', USQL],
]);

/** Every command name the SQL rules look at. */
export const SQL_CLIENT_NAMES: readonly string[] = [...CLIENTS.keys(), 'redis-cli'];

// ---------------------------------------------------------------------------------------------
// Input sources.

/** `$SQL`, `${SQL}`, `$(cat x.sql)`: the whole text is unknown until it runs. */
const WHOLLY_DYNAMIC = /^\$(\{?[A-Za-z_][A-Za-z0-9_]*\}?|\(.*\)|\{.*\})$|^`.*`$/s;
/** Meta-commands that read a file: psql `\i x.sql`/`\ir`/`\include`, mysql `source x`/`\. x`, sqlite `.read x`. */
const INCLUDE_META = /(?:^|\s)(?:\\i|\\ir|\\include|\\include_relative|\\\.)\s+(\S+)|^[ \t]*(?:source|\.read)\s+(\S+)/gim;
/**
 * Shell escapes: psql/mysql `\!`, mysql `system`, sqlite `.shell`/`.system`, and PostgreSQL's
 * `COPY … FROM/TO PROGRAM '…'`, which runs a shell command on the database server.
 */
const SHELL_ESCAPE =
  /(?:^|\s)\\!\s*(\S[^\n]*)?|^[ \t]*system\s+(\S[^\n]*)|^[ \t]*\.(?:shell|system)\s+(\S[^\n]*)|\bCOPY\b(?:(?!\bCOPY\b)[^;])*?\b(?:FROM|TO)\s+PROGRAM\s+('[^']*'|\S+)/im;
/** `GO` on its own line separates T-SQL batches. */
const TSQL_GO = /^[ \t]*GO[ \t]*$/gim;
const PRINTF_NEWLINE = /\\n/g;
const ECHO_FLAGS = /^-[neE]+$/;
const TRAILING_SEMI = /;$/;
const URI_PREFIX = /^[a-z]+:\/\/(?:[^@/]*@)?/i;
const URI_PATH = /\/[\s\S]*$/;

/** Programs whose output is exactly their text arguments. */
const ECHOES = new Set(['echo', 'printf']);
/** Programs that copy files / their stdin to stdout. */
const CATS = new Set(['cat', 'tac']);

type Input = { text: string; origin: string } | { unreadable: string } | { finding: SqlFinding };

// Every sql.* rule asks about the same command; classify it once. Keyed by the command object the
// parser made (weakly, so nothing outlives it) and checked against the context, whose readFile
// decides what the analysis could see.
const cache = new WeakMap<SimpleCommand, { ctx: RuleContext['ctx']; analysis: ClientAnalysis }>();

export function analyseClient(cmd: SimpleCommand, rc: RuleContext): ClientAnalysis {
  const hit = cache.get(cmd);
  if (hit && hit.ctx === rc.ctx) return hit.analysis;
  const analysis = cmd.name === 'redis-cli' ? analyseRedisCli(cmd, rc) : analyseSqlClient(cmd, rc);
  cache.set(cmd, { ctx: rc.ctx, analysis });
  return analysis;
}

function emptyAnalysis(): ClientAnalysis {
  return { findings: [], unreadable: [], shellEscapes: [] };
}

function analyseSqlClient(cmd: SimpleCommand, rc: RuleContext): ClientAnalysis {
  const out = emptyAnalysis();
  const client = CLIENTS.get(cmd.name);
  let from = 0;
  if (cmd.name === 'clickhouse') {
    // `clickhouse client …`; other subcommands (`local`, `server`) are not a client session.
    if (cmd.args[0] !== 'client') return out;
    from = 1;
  }
  if (!client) return out;
  if (cmd.args.some((a) => a === '--help' || a === '--version' || a === '-?')) return out;
  const ca = readArgs(cmd.args, client.spec, from);
  const inputs: Input[] = [];
  let readsArgs = false;

  for (const [value, index, name] of valuesOf(ca, client.sql)) {
    if (!client.preamble?.has(name)) readsArgs = true;
    inputs.push(argText(value, cmd, index, rc));
  }
  for (const [value, , name] of valuesOf(ca, client.file)) {
    if (!client.preamble?.has(name)) readsArgs = true;
    inputs.push(value === '-' ? stdinInput(cmd, rc) ?? { unreadable: 'stdin' } : fileInput(value, rc));
  }
  if (client.sqlPositionalsFrom >= 0) {
    for (let k = client.sqlPositionalsFrom; k < ca.positionals.length; k++) {
      readsArgs = true;
      inputs.push(argText(ca.positionals[k], cmd, ca.positionalIndexes[k], rc));
    }
  }
  if (client.scriptPositionals) {
    for (const p of ca.positionals) {
      if (p.endsWith('.js') || p.endsWith('.mongodb')) {
        readsArgs = true;
        inputs.push(fileInput(p, rc));
      }
    }
  }
  // With SQL in its arguments a client runs that and exits; otherwise it reads stdin.
  if (!readsArgs) {
    const stdin = stdinInput(cmd, rc);
    if (stdin) inputs.push(stdin);
  }

  out.database = databaseOf(client, ca);
  for (const input of inputs) {
    if ('unreadable' in input) out.unreadable.push(input.unreadable);
    else if ('finding' in input) out.findings.push(input.finding);
    else classifyInput(input.text, client.dialect, rc, out, 0);
  }
  return out;
}

/** A statement that starts with a shell variable (`"$STMT; SELECT 1"`): what runs is only known later. */
const VARIABLE_STATEMENT = /(?:^|;)\s*\$(?:\{|\(|[A-Za-z_])/;

function classifyInput(text: string, dialect: ClassifyDialect, rc: RuleContext, out: ClientAnalysis, depth: number): void {
  if (dialect !== 'mongo' && VARIABLE_STATEMENT.test(text)) {
    const clipped = text.trim().length > 60 ? `${text.trim().slice(0, 59)}…` : text.trim();
    out.unreadable.push(`\`${clipped}\` (a statement comes from a shell variable)`);
  }
  const escape = SHELL_ESCAPE.exec(text);
  if (escape) out.shellEscapes.push((escape[1] ?? escape[2] ?? escape[3] ?? escape[4] ?? '').trim());
  const sql = dialect === 'tsql' ? text.replace(TSQL_GO, ';') : text;
  out.findings.push(...classifySql(sql, dialect));
  if (depth >= 2 || dialect === 'mongo') return;
  // matchAll iterates over a copy of the regex: the nested call below reuses INCLUDE_META.
  for (const m of text.matchAll(INCLUDE_META)) {
    const path = (m[1] ?? m[2]).replace(TRAILING_SEMI, '');
    const input = fileInput(path, rc);
    if ('unreadable' in input) out.unreadable.push(input.unreadable);
    else if ('text' in input) classifyInput(input.text, dialect, rc, out, depth + 1);
  }
}

/** `"$(cat <<EOF … EOF)"`: agents pass multi-line SQL this way; the body is right there to read. */
const CAT_HEREDOC = /^\$\(\s*cat\s+<<-?\s*(['"]?)(\w+)\1[ \t]*\n([\s\S]*?)\n[ \t]*\2\s*\)$/;
/** `"$(cat drop.sql)"` / `"$(< drop.sql)"`: the SQL is that file. */
const CAT_FILE = /^\$\(\s*(?:cat\s+|<\s*)([^\s<>|;&()$`'"]+)\s*\)$/;

function argText(value: string, cmd: SimpleCommand, index: number, rc: RuleContext): Input {
  const heredoc = CAT_HEREDOC.exec(value);
  if (heredoc) return { text: heredoc[3], origin: 'heredoc' };
  const file = CAT_FILE.exec(value);
  if (file) return fileInput(file[1], rc);
  if (WHOLLY_DYNAMIC.test(value) || (cmd.dynamic[index] === true && WHOLLY_DYNAMIC.test(value.trim()))) {
    return { unreadable: `\`${value}\` (its SQL is only known when it runs)` };
  }
  return { text: value, origin: 'argument' };
}

function fileInput(path: string, rc: RuleContext): Input {
  if (WHOLLY_DYNAMIC.test(path) || path.includes('$')) return { unreadable: `file \`${path}\`` };
  // A file that does not exist makes the client fail before it runs anything: nothing to judge (the
  // files step notes it). Any other failure (too big, binary, unreadable) is unreadable SQL: ask.
  const read = rc.ctx.files?.read(path);
  if (read && !read.ok && read.reason === 'missing') return { text: '', origin: `missing file ${path}` };
  const text = read ? (read.ok ? read.text : undefined) : rc.ctx.readFile?.(path);
  return text === undefined ? { unreadable: `file \`${path}\`` } : { text, origin: `file ${path}` };
}

/** What arrives on stdin: heredoc / here-string, `< file`, or the output of the command piped in. */
function stdinInput(cmd: SimpleCommand, rc: RuleContext): Input | undefined {
  if (cmd.stdin !== undefined) return { text: cmd.stdin, origin: 'stdin' };
  for (const r of cmd.redirects) {
    if (r.op === '<') return fileInput(r.target, rc);
  }
  const src = cmd.pipeFrom;
  if (!src) return undefined;
  if (ECHOES.has(src.name)) {
    const args = src.name === 'echo' ? src.args.filter((a, i) => !(i === 0 && ECHO_FLAGS.test(a))) : src.args;
    // `echo -e`/printf turn `\n` into newlines; reading it so everywhere changes nothing SQL cares about.
    return { text: args.join(' ').replace(PRINTF_NEWLINE, '\n'), origin: src.name };
  }
  if (CATS.has(src.name)) {
    const files = src.args.filter((a) => !a.startsWith('-') || a === '-');
    if (files.length === 0) return src.stdin !== undefined ? { text: src.stdin, origin: 'stdin' } : { unreadable: `stdin of \`${src.name}\`` };
    const parts: string[] = [];
    for (const f of files) {
      const input = f === '-' ? stdinInput(src, rc) ?? { unreadable: 'stdin' } : fileInput(f, rc);
      if (!('text' in input)) return input;
      parts.push(input.text);
    }
    return { text: parts.join('\n'), origin: 'cat' };
  }
  const dump = dumpInput(src);
  if (dump) return dump;
  return { unreadable: `the output of \`${src.text}\`` };
}

const PG_DUMP_SPEC: ClientSpec = { shortValue: 'bdEfFhjnNpSTtUZILP', longValue: set('file', 'format', 'dbname', 'host', 'port', 'username', 'schema', 'table', 'jobs', 'encoding', 'exclude-schema', 'exclude-table') };
const CLEAN = set('c', 'clean');
const PG_FILE = set('f', 'file');
const MYSQLDUMP_KEEPS = new Set(['--skip-add-drop-table', '--no-create-info', '-t', '--skip-opt']);

/**
 * A dump piped straight into a client restores over the target. pg_dump/pg_restore only drop first
 * with `--clean`; mysqldump writes `DROP TABLE IF EXISTS` unless told not to.
 */
function dumpInput(src: SimpleCommand): Input | undefined {
  let drops = false;
  if (src.name === 'pg_dump' || src.name === 'pg_dumpall' || src.name === 'pg_restore') {
    const ca = readArgs(src.args, PG_DUMP_SPEC);
    // Output to a file leaves nothing on the pipe.
    if (has(ca, PG_FILE)) return { text: '', origin: src.name };
    drops = has(ca, CLEAN);
  } else if (src.name === 'mysqldump' || src.name === 'mariadb-dump') {
    drops = !src.args.some((x) => MYSQLDUMP_KEEPS.has(x));
  } else {
    return undefined;
  }
  if (!drops) return { text: '', origin: src.name };
  return {
    finding: {
      kind: 'drop',
      severity: 'high',
      object: 'TABLE',
      summary: `restores a dump from \`${src.name}\` that drops every table it contains before re-creating it`,
      statement: src.text,
    },
  };
}

function databaseOf(client: Client, ca: ClientArgs): string | undefined {
  let raw: string | undefined;
  if (client.database) {
    const v = valuesOf(ca, client.database);
    if (v.length) raw = v[v.length - 1][0];
  }
  if (raw === undefined && client.databasePositional >= 0) {
    raw = ca.positionals[client.databasePositional];
    if (raw !== undefined && client.scriptPositionals && raw.endsWith('.js')) raw = undefined;
  }
  if (!raw || raw.includes('$')) return undefined;
  return databaseName(raw);
}

const URL_DB = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/([^?#/]+)/i;
const DBNAME_KV = /(?:^|\s)dbname=(\S+)/;

/** `postgres://u@h/app?x` → `app`; `dbname=app host=…` → `app`; `app` → `app`. */
export function databaseName(raw: string): string | undefined {
  const url = URL_DB.exec(raw);
  if (url) return decodeURIComponent(url[1]);
  if (raw.includes('://')) return undefined;
  const kv = DBNAME_KV.exec(raw);
  if (kv) return kv[1];
  if (raw.includes('=') || raw.includes(' ')) return undefined;
  // mongosh `host:27017/app`
  const slash = raw.lastIndexOf('/');
  return slash >= 0 ? raw.slice(slash + 1) || undefined : raw;
}

// ---------------------------------------------------------------------------------------------
// redis-cli: the command is in the arguments, or one per line on stdin.

const REDIS_SPEC: ClientSpec = {
  shortValue: 'hpsaunridD',
  longValue: set('user', 'pass', 'pattern', 'count', 'quoted-pattern', 'eval', 'rdb', 'functions-rdb', 'cacert', 'cacertdir', 'cert', 'key',
    'tls-ciphers', 'tls-ciphersuites', 'sni', 'memkeys-samples', 'intrinsic-latency', 'pipe-timeout', 'lru-test', 'hotkeys', 'keystats-samples', 'cursor', 'top'),
};
const REDIS_HOST = set('h');
const REDIS_URI = set('u');
const REDIS_DB = set('n');
const REDIS_EVAL = set('eval');
const REDIS_PIPE = set('pipe');
const REDIS_STDIN_ARG = set('x');
const REDIS_CLUSTER = set('cluster');
const REDIS_DELETES = new Set(['DEL', 'UNLINK']);
/** The placeholder the parser leaves where `xargs` appends stdin items. */
const STDIN_ITEMS = '<stdin items>';

function analyseRedisCli(cmd: SimpleCommand, rc: RuleContext): ClientAnalysis {
  const out = emptyAnalysis();
  if (cmd.args.some((a) => a === '--help' || a === '--version')) return out;
  const ca = readArgs(cmd.args, REDIS_SPEC);
  const host = valuesOf(ca, REDIS_HOST).pop()?.[0];
  const uri = valuesOf(ca, REDIS_URI).pop()?.[0];
  const db = valuesOf(ca, REDIS_DB).pop()?.[0];
  const place = [host ?? (uri ? uri.replace(URI_PREFIX, '').replace(URI_PATH, '') : undefined), db !== undefined ? `db ${db}` : undefined]
    .filter(Boolean)
    .join(' ');
  if (place) out.database = place;

  for (const [file] of valuesOf(ca, REDIS_EVAL)) {
    const input = fileInput(file, rc);
    if ('unreadable' in input) out.unreadable.push(input.unreadable);
    else if ('text' in input) out.findings.push(...classifyRedisCommand(['EVAL', input.text]));
  }
  // `redis-cli --cluster call host:port FLUSHALL` runs the command on every node.
  const clusterCall = has(ca, REDIS_CLUSTER) && ca.positionals[0] === 'call';
  const argv = clusterCall ? ca.positionals.slice(2) : ca.positionals;
  if (argv.length > 0) {
    out.findings.push(...classifyRedisCommand(argv));
    const verb = argv[0].toUpperCase();
    if (REDIS_DELETES.has(verb)) {
      const offset = clusterCall ? 2 : 0;
      const keysUnknown = argv.slice(1).some((k, i) => k === STDIN_ITEMS || cmd.dynamic[ca.positionalIndexes[i + 1 + offset]] === true || WHOLLY_DYNAMIC.test(k));
      const viaXargs = cmd.via.some((v) => v === 'xargs' || v.startsWith('xargs '));
      if (keysUnknown || viaXargs || has(ca, REDIS_STDIN_ARG)) {
        out.scanDelete = cmd.pipeFrom ? `keys listed by \`${cmd.pipeFrom.text}\`` : 'keys read from stdin';
      }
    }
  } else if (!has(ca, REDIS_EVAL)) {
    const stdin = stdinInput(cmd, rc);
    if (stdin && 'unreadable' in stdin) {
      out.unreadable.push(`${stdin.unreadable}${has(ca, REDIS_PIPE) ? ' (--pipe)' : ''}`);
    } else if (stdin && 'text' in stdin) {
      out.findings.push(...classifySql(stdin.text, 'redis'));
    }
  }
  return out;
}
