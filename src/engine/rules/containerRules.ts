// Container rules: volumes hold the data (databases, uploads); containers and images are rebuilt from
// their images and Dockerfiles. So deleting volumes asks; `container rm`, image and builder prunes and
// `compose down` without `-v` run. A forced removal of a database container asks too: with no named
// volume its data lives in the container's own layer.

import type { Rule, RuleHit, RulePack, SimpleCommand } from '../types';
import { classifyDeletePath } from './deletePathSafety';
import { asksForHelp, code, hasLong, hasShort, scanArgs, subcommandIndex } from './scanArgs';
import type { ArgSpec } from './scanArgs';

const ENGINES = ['docker', 'podman', 'nerdctl'] as const;
const COMPOSE_COMMANDS = ['docker-compose', 'podman-compose'] as const;

/** Engine options before the subcommand: `docker -H ssh://host --context prod volume rm x`. */
const ENGINE_GLOBAL: ArgSpec = {
  shortWithValue: 'Hcl',
  longWithValue: new Set([
    'host', 'context', 'config', 'log-level', 'tlscacert', 'tlscert', 'tlskey', 'connection', 'url', 'root',
    'runroot', 'storage-driver', 'identity', 'cgroup-manager', 'events-backend', 'tmpdir', 'namespace', 'address',
  ]),
};
/** Compose options before its subcommand: `docker compose -f prod.yml -p shop down -v`. */
const COMPOSE_GLOBAL: ArgSpec = {
  shortWithValue: 'fp',
  longWithValue: new Set(['file', 'project-name', 'profile', 'env-file', 'project-directory', 'ansi', 'parallel', 'progress']),
};

interface Call {
  /** `volume`, `system`, `rm`, `run`, `compose` … */
  sub: string;
  subIndex: number;
  /** The word after `sub` (`rm` in `volume rm`), with its index. */
  action: string | undefined;
  actionIndex: number;
}

/** The subcommand path of a docker/podman/nerdctl command line, or null for `--help`. */
function engineCall(cmd: SimpleCommand): Call | null {
  if (asksForHelp(cmd.args)) return null;
  const i = subcommandIndex(cmd.args, ENGINE_GLOBAL);
  if (i < 0) return null;
  const sub = cmd.args[i];
  const spec = sub === 'compose' ? COMPOSE_GLOBAL : {};
  const j = subcommandIndex(cmd.args, spec, i + 1);
  return { sub, subIndex: i, action: j < 0 ? undefined : cmd.args[j], actionIndex: j };
}

/** `docker compose …` or `docker-compose …`: the compose subcommand and its index, else null. */
function composeCall(cmd: SimpleCommand): { action: string; index: number } | null {
  if (asksForHelp(cmd.args)) return null;
  if (cmd.name === 'docker-compose' || cmd.name === 'podman-compose') {
    const j = subcommandIndex(cmd.args, COMPOSE_GLOBAL);
    return j < 0 ? null : { action: cmd.args[j], index: j };
  }
  const c = engineCall(cmd);
  if (c === null || c.sub !== 'compose' || c.action === undefined) return null;
  return { action: c.action, index: c.actionIndex };
}

function engineName(cmd: SimpleCommand): string {
  return cmd.name === 'podman' || cmd.name === 'podman-compose' ? 'Podman' : 'Docker';
}

const volumeDelete: Rule = {
  id: 'container.volume-delete',
  category: 'container',
  severity: 'high',
  commands: ENGINES,
  summary: 'deletes container volumes and the data in them',
  rationale: 'Volumes are where containerised databases and uploads keep their data; `volume rm`/`prune` delete it for good.',
  match(cmd) {
    const c = engineCall(cmd);
    if (c === null || c.sub !== 'volume' || c.actionIndex < 0) return null;
    const s = scanArgs(cmd.args, { longWithValue: new Set(['filter']) }, c.actionIndex + 1);
    if (c.action === 'rm' || c.action === 'remove') {
      const names = s.positionals.join(' ');
      return { summary: `deletes the ${engineName(cmd)} volume${s.positionals.length > 1 ? 's' : ''} ${s.positionals.map(code).join(', ')} and the data in ${s.positionals.length > 1 ? 'them' : 'it'}`, target: names || '?' };
    }
    if (c.action === 'prune') {
      // -a/--all: named volumes too, not only anonymous ones.
      const all = hasShort(s, 'a') || hasLong(s, 'all');
      return { summary: `deletes every ${all ? '' : 'anonymous '}${engineName(cmd)} volume no container uses, with its data`, target: 'unused volumes' };
    }
    return null;
  },
};

const systemPruneVolumes: Rule = {
  id: 'container.system-prune-volumes',
  category: 'container',
  severity: 'high',
  commands: ENGINES,
  summary: 'deletes unused volumes along with images and containers',
  rationale: '`system prune --volumes` adds every unused volume (stopped databases included) to the prune; `podman system reset` wipes all storage.',
  match(cmd) {
    const c = engineCall(cmd);
    if (c === null || c.sub !== 'system' || c.actionIndex < 0) return null;
    if (c.action === 'reset') {
      return { summary: `wipes all ${engineName(cmd)} storage: containers, images and volumes with their data`, target: 'all storage', severity: 'critical' };
    }
    if (c.action !== 'prune') return null;
    const s = scanArgs(cmd.args, { longWithValue: new Set(['filter']) }, c.actionIndex + 1);
    // --volumes: without it a system prune leaves volumes alone and runs.
    if (!hasLong(s, 'volumes')) return null;
    return { summary: `deletes every unused ${engineName(cmd)} volume and the data in it (with unused images and containers)`, target: 'unused volumes' };
  },
};

const composeDownVolumes: Rule = {
  id: 'container.compose-down-volumes',
  category: 'container',
  severity: 'high',
  commands: [...ENGINES, ...COMPOSE_COMMANDS],
  summary: 'stops the compose project and deletes its volumes',
  rationale: '`compose down -v` removes the named volumes declared in the compose file: the project\'s database data goes with them.',
  match(cmd) {
    const c = composeCall(cmd);
    if (c === null || (c.action !== 'down' && c.action !== 'rm')) return null;
    const s = scanArgs(cmd.args, { shortWithValue: 't', longWithValue: new Set(['rmi', 'timeout']) }, c.index + 1);
    // -v/--volumes: delete named and anonymous volumes too.
    if (!hasShort(s, 'v') && !hasLong(s, 'volumes')) return null;
    const services = s.positionals.length > 0 ? ` of ${s.positionals.map(code).join(', ')}` : '';
    return c.action === 'down'
      ? { summary: 'stops the compose project and deletes its volumes, with the data in them', target: 'compose volumes' }
      : { summary: `removes the containers${services} and their anonymous volumes`, target: s.positionals.join(' ') || 'compose volumes', severity: 'medium' };
  },
};

/** Name fragments of database images and containers. */
const DATABASE_WORDS = ['postgres', 'postgis', 'mysql', 'mariadb', 'mongo', 'redis', 'elastic', 'opensearch', 'clickhouse', 'cassandra', 'couchdb', 'neo4j', 'timescale', 'supabase', 'influx', 'minio', 'database'] as const;
const NAME_PARTS = /[^a-z0-9]+/;

/** `postgres`, `shop-db`, `app_db_1`, `mongodb`, `pgdata`: names that look like they hold a database. */
export function looksLikeDatabase(name: string): boolean {
  const lower = name.toLowerCase();
  for (const w of DATABASE_WORDS) if (lower.includes(w)) return true;
  for (const part of lower.split(NAME_PARTS)) {
    if (part === 'pg' || part.startsWith('db') || part.endsWith('db') || part === 'pgdata' || part === 'sql') return true;
  }
  return false;
}

const removeDatabaseContainer: Rule = {
  id: 'container.rm-database',
  category: 'container',
  severity: 'high',
  commands: ENGINES,
  summary: 'force-removes a database container',
  rationale:
    'A database container without a named volume keeps its data in its own layer: `rm -f` deletes it, and `rm -v` deletes its anonymous volumes.',
  match(cmd) {
    const c = engineCall(cmd);
    if (c === null) return null;
    let from: number;
    if (c.sub === 'rm') from = c.subIndex + 1;
    else if (c.sub === 'container' && (c.action === 'rm' || c.action === 'remove')) from = c.actionIndex + 1;
    else return null;
    const s = scanArgs(cmd.args, {}, from);
    // -f/--force: kills a running container first; -v/--volumes: deletes its anonymous volumes.
    const force = hasShort(s, 'f') || hasLong(s, 'force');
    const volumes = hasShort(s, 'v') || hasLong(s, 'volumes');
    if (!force && !volumes) return null;
    const dbs = s.positionals.filter(looksLikeDatabase);
    if (dbs.length === 0) return null;
    return { summary: `force-removes the database container ${dbs.map(code).join(', ')}${volumes ? ' and its volumes' : ''}; data not kept in a named volume is lost`, target: dbs.join(' ') };
  },
};

/** `-v src:/data`, `--volume=src:/data:ro`, `--mount type=volume,src=x,target=/data`. */
const MOUNT_TARGET = /(?:^|,)(?:target|destination|dst)=([^,]+)/;
const LEADING_SLASHES = /^\/+/;
const RM_IN_TEXT = /\brm\s+(?=(?:-[A-Za-z-]*\s+)*?-[A-Za-z]*[rRf])(?:-\S*\s+)*([^\s'";&|)]+)/g;

function mountTargets(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let spec: string | undefined;
    if (a === '-v' || a === '--volume') spec = args[i + 1];
    else if (a.startsWith('--volume=')) spec = a.slice(9);
    else if (a === '--mount') {
      const m = MOUNT_TARGET.exec(args[i + 1] ?? '');
      if (m) out.push(m[1]);
      continue;
    } else if (a.startsWith('--mount=')) {
      const m = MOUNT_TARGET.exec(a.slice(8));
      if (m) out.push(m[1]);
      continue;
    }
    if (spec === undefined) continue;
    const parts = spec.split(':');
    if (parts.length >= 2 && parts[1].startsWith('/')) out.push(parts[1]);
  }
  return out;
}

const runWipesVolume: Rule = {
  id: 'container.run-wipes-volume',
  category: 'container',
  severity: 'high',
  commands: ENGINES,
  summary: 'runs a container that deletes the contents of a mounted volume',
  rationale: '`docker run -v pgdata:/data alpine rm -rf /data/*` empties the volume as surely as `volume rm`.',
  match(cmd) {
    const c = engineCall(cmd);
    if (c === null) return null;
    if (!(c.sub === 'run' || (c.sub === 'container' && c.action === 'run'))) return null;
    const mounts = mountTargets(cmd.args);
    if (mounts.length === 0) return null;
    for (const a of cmd.args) {
      if (!a.includes('rm')) continue;
      // The command may be split into words (`rm -rf /data`) or one string for `sh -c`.
      const text = a === 'rm' ? cmd.args.slice(cmd.args.indexOf('rm')).join(' ') : a;
      RM_IN_TEXT.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RM_IN_TEXT.exec(text)) !== null) {
        const path = m[1];
        for (const mount of mounts) {
          if (path !== mount && !path.startsWith(mount.endsWith('/') ? mount : mount + '/')) continue;
          const inside = path.slice(mount.length).replace(LEADING_SLASHES, '') || '.';
          if (classifyDeletePath(inside).safe) continue;
          return { summary: `runs a container that deletes ${code(path)}, the contents of a mounted volume`, target: path } satisfies RuleHit;
        }
      }
    }
    return null;
  },
};

export const CONTAINER_RULES: RulePack = {
  name: 'container',
  rules: [volumeDelete, systemPruneVolumes, composeDownVolumes, removeDatabaseContainer, runWipesVolume],
};
