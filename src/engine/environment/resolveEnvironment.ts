// Works out which environment a command targets, and says how: from a flag (`--environment
// production`), a variable set on the command line (`RAILS_ENV=production`), a connection string or
// URL host, where it runs (`ssh db-prod`), or facts the caller hands in (kube current-context,
// terraform workspace, the process environment). Candidates are matched against the policy's
// mappings (the person's first, then the defaults); a production match wins over everything else.
import type { EnvironmentInfo, EvalContext, SimpleCommand } from '../types';
import type { CompiledEnvironment, Policy } from '../policy';
import { providerOfHost } from './providerHosts';
import { ownEntry } from '../ownEntry';

interface Candidate {
  value: string;
  /** How it was found, for the person: "from `--environment production`". */
  source: string;
  /** Host-like values are matched as hosts; names as names (both use the same patterns). */
  host: boolean;
}

/** Long flags that name an environment, project, profile or context on most CLIs. */
const LONG_FLAG_RE = /^--(environment|env|context|kube-context|profile|project|project-id|app|stage|workspace|config|target|cluster|kubecontext|repo)(?:=(.*))?$/;
/** Short flags, only for the tools where they mean an environment. */
const SHORT_FLAGS: Readonly<Record<string, readonly string[]>> = {
  railway: ['-e'],
  fly: ['-a'],
  flyctl: ['-a'],
  heroku: ['-a', '-r'],
  doppler: ['-c', '-p'],
  serverless: ['-s'],
  sls: ['-s'],
  wrangler: ['-e'],
  vercel: ['--scope'],
  restic: ['-r'],
};
const HOST_FLAG_COMMANDS = new Set(['psql', 'pg_dump', 'pg_restore', 'dropdb', 'createdb', 'mysql', 'mariadb', 'mysqladmin', 'mysqldump', 'redis-cli', 'mongosh', 'mongo', 'clickhouse-client', 'cqlsh']);
const NAME_VARIABLES = ['RAILWAY_ENVIRONMENT', 'RAILWAY_ENVIRONMENT_NAME', 'AWS_PROFILE', 'NODE_ENV', 'RAILS_ENV', 'RACK_ENV', 'APP_ENV', 'ENVIRONMENT', 'ENV', 'STAGE', 'MIX_ENV', 'FLASK_ENV', 'KUBE_CONTEXT', 'KUBECONFIG', 'VERCEL_ENV', 'DOPPLER_CONFIG', 'CLOUDSDK_CORE_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'TF_WORKSPACE'];
const URL_VARIABLES_RE = /^(DATABASE_URL|[A-Z0-9_]*_DATABASE_URL|[A-Z0-9_]*_DB_URL|REDIS_URL|MONGODB_URI|MONGO_URL|PGHOST|MYSQL_HOST|DB_HOST|POSTGRES_HOST|VAULT_ADDR|KAFKA_BROKERS|KAFKA_BOOTSTRAP_SERVERS|REDPANDA_BROKERS|NATS_URL|RABBITMQ_URL|AMQP_URL|MC_HOST_[A-Za-z0-9_]+|RESTIC_REPOSITORY|BORG_REPO)$/;
/** Options naming a broker or server host on the queue, secrets and backup tools (`--bootstrap-server kafka.prod:9092`). */
const HOST_OPTION_RE = /^-{1,2}(?:bootstrap-server|brokers|address|server|ServerInstance|url)(?:=(.*))?$/i;
/** Tools whose operands name a configured remote: rclone `prod-s3:bucket`, mc `prod/bucket`. */
const REMOTE_OPERAND_COMMANDS: ReadonlySet<string> = new Set(['rclone', 'mc', 'mcli']);
const RCLONE_REMOTE_RE = /^([A-Za-z0-9_.-]+):/;
const MC_ALIAS_RE = /^([A-Za-z0-9_-]+)\/[^/]/;
/** Subcommand groups whose object is an environment, and the verbs that delete it. */
const ENVIRONMENT_GROUP_WORDS: ReadonlySet<string> = new Set(['environment', 'environments', 'env', 'envs', 'stage', 'stages']);
const DELETE_VERB_WORDS: ReadonlySet<string> = new Set(['delete', 'destroy', 'rm', 'remove', 'del', 'purge', 'drop', 'reset']);
/** PowerShell cmdlets (`Remove-AzResourceGroup`) and the parameters that name what they act on. */
const PS_CMDLET_RE = /^[A-Z][a-z]+-[A-Z][A-Za-z0-9]+$/;
const PS_NAME_PARAM_RE = /^-(?:ResourceGroupName|Name|BucketName|StackName|DBInstanceIdentifier|DBClusterIdentifier|TableName|ServerName|VaultName|SubscriptionName|ProjectId|Project)$/i;
const URL_RE = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)/i;
const HAS_SPACE = /\s/;
const VAR_REF_RE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

function hostOf(value: string): string | undefined {
  const m = URL_RE.exec(value);
  if (m) return m[1].replace(/^\[|\]$/g, '');
  // key=value connection strings: `host=db.prod dbname=app`
  const kv = /(?:^|\s)host=([^\s]+)/.exec(value);
  return kv ? kv[1] : undefined;
}

function looksLikeHost(v: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(v) || /^[0-9a-f:]+$/i.test(v);
}

function valueCandidate(name: string, value: string, source: string): Candidate {
  if (URL_VARIABLES_RE.test(name)) {
    const host = hostOf(value) ?? (looksLikeHost(value) ? value : undefined);
    if (host) return { value: host, source: `host \`${host}\` ${source}`, host: true };
  }
  return { value, source: `\`${name}=${value}\` ${source}`, host: false };
}

function collectFromCommand(cmd: SimpleCommand, ctx: EvalContext, out: Candidate[]): void {
  const { args } = cmd;
  const shorts = ownEntry(SHORT_FLAGS, cmd.name);
  // What depends on the command's name alone, worked out once rather than per argument.
  const hostFlags = HOST_FLAG_COMMANDS.has(cmd.name);
  const cmdlet = PS_CMDLET_RE.test(cmd.name);
  const remoteOperands = REMOTE_OPERAND_COMMANDS.has(cmd.name);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = a[0] === '-' && a[1] === '-' ? LONG_FLAG_RE.exec(a) : null;
    let value: string | undefined;
    let flag: string | undefined;
    if (m) {
      flag = `--${m[1]}`;
      value = m[2] ?? (cmd.dynamic[i + 1] ? undefined : args[i + 1]);
    } else if (shorts?.includes(a)) {
      flag = a;
      value = cmd.dynamic[i + 1] ? undefined : args[i + 1];
    } else if (!hostFlags && a[0] === '-' && HOST_OPTION_RE.test(a)) {
      // `--bootstrap-server kafka.prod:9092,kafka2:9092`, `-address=https://vault.prod:8200`: the first host.
      const raw = HOST_OPTION_RE.exec(a)?.[1] ?? (cmd.dynamic[i + 1] ? undefined : args[i + 1]);
      const host = raw === undefined ? undefined : hostOf(raw) ?? raw.split(',')[0].split(':')[0];
      if (host && !host.startsWith('-')) out.push({ value: host, source: `host \`${host}\` (from \`${a.includes('=') ? a : `${a} ${raw}`}\`)`, host: true });
      continue;
    } else if (cmdlet && PS_NAME_PARAM_RE.test(a) && args[i + 1] !== undefined && !cmd.dynamic[i + 1]) {
      // `Remove-AzResourceGroup -Name prod-rg`: the named resource says where.
      out.push({ value: args[i + 1], source: `from \`${a} ${args[i + 1]}\``, host: false });
      i++;
      continue;
    } else if (remoteOperands && !a.startsWith('-') && !cmd.dynamic[i] && !a.includes('://')) {
      // A configured remote or alias names the target: `rclone purge prod-s3:uploads`, `mc rb prod/uploads`.
      const m = (cmd.name === 'mc' || cmd.name === 'mcli' ? MC_ALIAS_RE : RCLONE_REMOTE_RE).exec(a);
      if (m) out.push({ value: m[1], source: `the remote \`${m[1]}\` (from \`${a}\`)`, host: false });
      continue;
    } else if (hostFlags && (a === '-h' || a === '--host' || a.startsWith('--host='))) {
      const host = a.startsWith('--host=') ? a.slice(7) : args[i + 1];
      if (host && !host.startsWith('-')) out.push({ value: host, source: `host \`${host}\` (from \`${cmd.name} ${a.startsWith('--host=') ? a : `${a} ${host}`}\`)`, host: true });
      continue;
    }
    if (flag && value !== undefined && value !== '' && !value.startsWith('-') && !value.includes('=')) {
      out.push({ value, source: `from \`${flag} ${value}\``, host: false });
      continue;
    }
    // A literal URL or connection string argument.
    if (!cmd.dynamic[i] && a.includes('://')) {
      const host = hostOf(a);
      if (host) out.push({ value: host, source: `host \`${host}\` (from the URL in the command)`, host: true });
      continue;
    }
    // A variable argument (`psql "$DATABASE_URL"`): look it up in the environment the caller handed in.
    if (cmd.dynamic[i]) {
      const ref = VAR_REF_RE.exec(a);
      const v = ref ? cmd.assignments[ref[1]] ?? ctx.env?.[ref[1]] : undefined;
      if (ref && v) {
        const host = hostOf(v) ?? (URL_VARIABLES_RE.test(ref[1]) && looksLikeHost(v) ? v : undefined);
        if (host) out.push({ value: host, source: `host \`${host}\` (from \`$${ref[1]}\`)`, host: true });
        else out.push({ value: v, source: `from \`$${ref[1]}\` = \`${v}\``, host: false });
      }
    }
  }
  // `railway environment delete production`, `flagsmith environments delete prod-env`: the environment deleted is the target.
  for (let j = 0; j + 2 < args.length; j++) {
    if (!DELETE_VERB_WORDS.has(args[j + 1]) || !ENVIRONMENT_GROUP_WORDS.has(args[j].toLowerCase())) continue;
    const named = args[j + 2];
    if (!named.startsWith('-') && !cmd.dynamic[j + 2]) out.push({ value: named, source: `from \`${args[j]} ${args[j + 1]} ${named}\``, host: false });
    break;
  }
  // Own keys in insertion order, as Object.entries gives them, without building the pairs (most commands have none).
  const assignments = cmd.assignments;
  for (const name in assignments) {
    if (!Object.prototype.hasOwnProperty.call(assignments, name)) continue;
    const value = assignments[name];
    if (value && (NAME_VARIABLES.includes(name) || URL_VARIABLES_RE.test(name))) out.push(valueCandidate(name, value, 'set on the command line'));
  }
  // Wrappers may carry the environment: `railway run -e production psql …`, `kubectl exec … --context prod`.
  for (const v of cmd.via) {
    // A one-word via (`sudo`, `$(…)`) carries no flags.
    if (!HAS_SPACE.test(v)) continue;
    const parts = v.split(/\s+/);
    if (parts.length <= 1) continue;
    // The wrapper as a command of its own (no copy of every field: this reads name, args, dynamic, assignments, via, remote).
    const wrapperArgs = parts.slice(1);
    const wrapper: SimpleCommand = {
      name: parts[0],
      args: wrapperArgs,
      dynamic: wrapperArgs.map(() => false),
      assignments: {},
      redirects: cmd.redirects,
      stdin: undefined,
      pipeFrom: undefined,
      via: [],
      remote: cmd.remote,
      text: cmd.text,
      argv0: undefined,
    };
    collectFromCommand(wrapper, ctx, out);
  }
  if (cmd.remote) out.push({ value: cmd.remote, source: `runs on \`${cmd.remote}\` (${cmd.via[cmd.via.length - 1] ?? 'remote'})`, host: true });
}

function collectFromContext(commands: readonly SimpleCommand[], ctx: EvalContext, out: Candidate[]): void {
  const names = new Set(commands.map((c) => c.name));
  if (ctx.kubeContext && (names.has('kubectl') || names.has('helm') || names.has('oc'))) {
    out.push({ value: ctx.kubeContext, source: `kube current-context \`${ctx.kubeContext}\``, host: false });
  }
  if (ctx.terraformWorkspace && ctx.terraformWorkspace !== 'default' && (names.has('terraform') || names.has('tofu') || names.has('terragrunt'))) {
    out.push({ value: ctx.terraformWorkspace, source: `terraform workspace \`${ctx.terraformWorkspace}\``, host: false });
  }
  const env = ctx.env;
  if (!env) return;
  // A variable of the process environment names the target only of the tools that read it:
  // `DATABASE_URL` says nothing about `rm -rf ~` or an opaque `eval` in the same terminal.
  // The readers first: a variable no command of the line reads is not looked up (`process.env` reads are not free),
  // found through the index of who reads what; the candidates keep CONTEXT_VARIABLES' order.
  const index = (contextReaders ??= indexContextReaders());
  let wanted: boolean[] | undefined;
  for (const n of names) {
    const read = index.get(n);
    if (read === undefined) continue;
    wanted ??= [];
    for (const k of read) wanted[k] = true;
  }
  if (wanted === undefined) return;
  for (let k = 0; k < CONTEXT_VARIABLES.length; k++) {
    if (wanted[k] !== true) continue;
    const name = CONTEXT_VARIABLES[k][0];
    const v = env[name];
    if (v) out.push(valueCandidate(name, v, 'in the environment'));
  }
}

let contextReaders: ReadonlyMap<string, readonly number[]> | undefined;

/** Command name → the CONTEXT_VARIABLES entries (by position) it reads; built on the first line that needs it. */
function indexContextReaders(): ReadonlyMap<string, readonly number[]> {
  const index = new Map<string, number[]>();
  CONTEXT_VARIABLES.forEach(([, readers], k) => {
    for (const r of readers) {
      const list = index.get(r);
      if (list) list.push(k);
      else index.set(r, [k]);
    }
  });
  return index;
}

const DATABASE_TOOLS = new Set([
  ...HOST_FLAG_COMMANDS,
  'prisma', 'rails', 'rake', 'bundle', 'manage.py', 'python', 'python3', 'php', 'artisan', 'knex', 'sequelize', 'typeorm',
  'flyway', 'liquibase', 'mix', 'alembic', 'flask', 'django-admin', 'drizzle-kit', 'diesel', 'sqlx', 'migrate', 'goose', 'atlas', 'dotnet',
  'supabase', 'duckdb', 'sqlite3', 'usql', 'mongorestore', 'pg_dropcluster', 'dropuser',
]);
const APP_TOOLS = new Set([...DATABASE_TOOLS, 'node', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'serverless', 'sls', 'sst', 'cdk']);
const CONTEXT_VARIABLES: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['RAILWAY_ENVIRONMENT', new Set(['railway'])],
  ['RAILWAY_ENVIRONMENT_NAME', new Set(['railway'])],
  ['AWS_PROFILE', new Set(['aws', 'cdk', 'sam', 'serverless', 'sls', 'terraform', 'tofu', 'pulumi', 'eksctl'])],
  ['KUBE_CONTEXT', new Set(['kubectl', 'helm', 'oc'])],
  ['KUBECONFIG', new Set(['kubectl', 'helm', 'oc'])],
  ['CLOUDSDK_CORE_PROJECT', new Set(['gcloud', 'gsutil', 'bq'])],
  ['GOOGLE_CLOUD_PROJECT', new Set(['gcloud', 'gsutil', 'bq'])],
  ['TF_WORKSPACE', new Set(['terraform', 'tofu', 'terragrunt'])],
  ['VERCEL_ENV', new Set(['vercel', 'vc'])],
  ['DOPPLER_CONFIG', new Set(['doppler'])],
  ['VAULT_ADDR', new Set(['vault', 'bao'])],
  ['KAFKA_BROKERS', new Set(['kafka-topics', 'kafka-topics.sh', 'kafka-delete-records', 'kafka-delete-records.sh', 'kafka-consumer-groups', 'kafka-consumer-groups.sh', 'rpk'])],
  ['REDPANDA_BROKERS', new Set(['rpk'])],
  ['NATS_URL', new Set(['nats'])],
  ['RESTIC_REPOSITORY', new Set(['restic'])],
  ['BORG_REPO', new Set(['borg'])],
  ['DATABASE_URL', DATABASE_TOOLS],
  ['PGHOST', DATABASE_TOOLS],
  ['NODE_ENV', APP_TOOLS],
  ['RAILS_ENV', DATABASE_TOOLS],
  ['RACK_ENV', DATABASE_TOOLS],
  ['APP_ENV', APP_TOOLS],
  ['MIX_ENV', new Set(['mix'])],
  ['FLASK_ENV', new Set(['flask', 'python', 'python3'])],
  ['ENVIRONMENT', APP_TOOLS],
  ['STAGE', APP_TOOLS],
];

const PATH_PARTS = /[/:@]+/;

function match(c: Candidate, environments: readonly CompiledEnvironment[]): CompiledEnvironment | undefined {
  for (const e of environments) if (e.test(c.value)) return e;
  // A repository path or remote (`-r /mnt/prod-backups`, `sftp:backup.prod.example.com:/restic`): its parts name it too.
  if (!c.host && c.value.length <= 500) {
    for (const part of c.value.split(PATH_PARTS)) {
      if (part === '' || part === c.value) continue;
      for (const e of environments) if (e.test(part)) return e;
    }
  }
  return undefined;
}

export const UNKNOWN_ENVIRONMENT: EnvironmentInfo = Object.freeze({
  name: 'unknown',
  production: false,
  source: 'unknown: no environment flag, variable, host or context names one',
});

/**
 * Only the commands that have findings are looked at first (the target of a `DROP` matters, not the
 * `cd` before it); when they say nothing, the whole line and then the caller's context are used.
 */
export function resolveEnvironment(focus: readonly SimpleCommand[], all: readonly SimpleCommand[], ctx: EvalContext, policy: Policy): EnvironmentInfo {
  const fromCommands: Candidate[] = [];
  for (const cmd of focus) collectFromCommand(cmd, ctx, fromCommands);
  if (fromCommands.length === 0) for (const cmd of all) collectFromCommand(cmd, ctx, fromCommands);
  let candidates = fromCommands;
  if (candidates.length === 0) {
    // Only when the command itself names nothing do the caller's facts (process env, kube context) count.
    candidates = [];
    collectFromContext(focus.length > 0 ? focus : all, ctx, candidates);
  }
  if (candidates.length === 0) return UNKNOWN_ENVIRONMENT;

  let firstMatch: EnvironmentInfo | undefined;
  for (const c of candidates) {
    const m = match(c, policy.environments);
    if (!m) continue;
    const how = m.source === 'user' ? `${c.source} matches your mapping \`${m.pattern}\`` : `${c.source} matches \`${m.pattern}\``;
    const info: EnvironmentInfo = { name: m.name, production: m.production, source: how };
    if (m.production) return info;
    firstMatch ??= info;
  }
  // A known provider's host names the provider, not the environment (H: issue 13 item 3).
  const providerHost = candidates.find((c) => c.host && providerOfHost(c.value));
  const provider = providerHost ? providerOfHost(providerHost.value) : undefined;
  if (firstMatch) return provider ? { ...firstMatch, provider } : firstMatch;
  if (providerHost && provider) {
    return { name: 'unknown', production: false, source: `${providerHost.source}: ${provider}; which of its environments is not known`, provider };
  }
  const c = candidates[0];
  return { name: c.value, production: false, source: `${c.source}; not a known production name` };
}
