// Backup tools: deleting snapshots, archives or whole repositories removes the copies of last resort.
// `forget`/`prune`/`delete`/`expire` ask; `backup`, `snapshots`, `list`, `check`, `restore` into a new place,
// dry runs and help run: no row matches them. One table per tool, read by the matcher in cloudVerbTable.ts.
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';

const FAMILY: VerbFamily = {
  prefix: 'backup',
  category: 'backup',
  rationale:
    'Backups exist for the day the data is gone; a snapshot, archive or backup repository deleted by a retention ' +
    'command cannot be rebuilt from anything. Taking, listing, checking and restoring backups run.',
};

const KEEP_FLAGS = [
  '--keep-last', '--keep-hourly', '--keep-daily', '--keep-weekly', '--keep-monthly', '--keep-yearly', '--keep-within',
  '--keep-within-hourly', '--keep-within-daily', '--keep-within-weekly', '--keep-within-monthly', '--keep-within-yearly', '--keep-tag',
];

// restic [-r repo] forget [ids | --keep-* policy] [--prune]; prune; rewrite --forget.
const RESTIC: CloudCli = {
  cli: 'restic',
  names: ['restic'],
  valueFlags: [
    '-r', '--repo', '--repository-file', '-p', '--password-file', '--password-command', '--cache-dir', '-o', '--option',
    '--host', '--tag', '--path', '-g', '--group-by', '--max-unused', '--max-repack-size', '--compression', '--limit-upload',
    '--limit-download', '--tls-client-cert', '--cacert', '--key-hint', '-e', '--exclude', '--iexclude', '--exclude-file',
    ...KEEP_FLAGS,
  ],
  targetFlags: ['-r', '--repo'],
  noEffect: ['-n'],
  verbs: [
    { id: 'restic-forget', path: ['forget'], anchored: true, what: 'the restic snapshots it selects (with `--prune`, their data too)' },
    { id: 'restic-prune', path: ['prune'], anchored: true, what: 'the data of forgotten restic snapshots' },
    // `rewrite --forget` replaces snapshots with copies that lack the excluded files.
    { id: 'restic-rewrite-forget', path: ['rewrite'], anchored: true, requireFlags: ['--forget'], what: 'files from the restic snapshots (the originals are forgotten)' },
    { id: 'restic-key-remove', path: ['key', ['remove', 'rm']], anchored: true, what: 'a key of the restic repository (without another, the backups are unreadable)', severity: 'medium' },
  ],
};

// borg 1: `borg delete repo::archive`, `borg prune --keep-daily 7 repo`; borg 2: `borg delete -a glob`, `borg repo-delete`.
const BORG: CloudCli = {
  cli: 'borg',
  names: ['borg', 'borg2', 'borgmatic'],
  valueFlags: [
    '-a', '--match-archives', '--glob-archives', '-P', '--prefix', '-e', '--exclude', '--exclude-from', '--pattern',
    '--patterns-from', '--comment', '--repo', '--rsh', '--remote-path', '--lock-wait', '--upload-ratelimit', '-d', '-w',
    '-m', '-y', '-H', '--keep-secondly', '--keep-minutely', '--keep-13weekly', '--keep-3monthly', '--checkpoint-interval',
    '--compression', '-C', '--timestamp', '--sort-by', '--first', '--last', '-c', '--config', '--archive',
    ...KEEP_FLAGS,
  ],
  targetFlags: ['--repo', '-a', '--match-archives', '--glob-archives', '--archive'],
  noEffect: ['-n'],
  verbs: [
    { id: 'borg-delete', path: [['delete', 'rdelete', 'repo-delete']], anchored: true, what: 'the borg archives or repository' },
    { id: 'borg-prune', path: ['prune'], anchored: true, what: 'the borg archives outside the keep policy' },
    // `recreate --exclude` rewrites archives without the excluded files: those copies are gone.
    { id: 'borg-recreate-exclude', path: ['recreate'], anchored: true, requireFlags: ['-e', '--exclude', '--exclude-from', '--patterns-from', '--pattern'], what: 'files from the borg archives (the archives are rewritten without them)' },
  ],
};

// velero: `velero backup delete NAME|--all|--selector`, or the older `velero delete backup NAME`.
const VELERO_OBJECTS = ['backup', 'backups', 'schedule', 'schedules', 'backup-location', 'backup-locations', 'snapshot-location', 'snapshot-locations'];
const VELERO: CloudCli = {
  cli: 'velero',
  names: ['velero'],
  valueFlags: ['-n', '--namespace', '--kubeconfig', '--kubecontext', '-l', '--selector', '-o', '--output', '--features'],
  verbs: [
    { id: 'velero-delete', path: [VELERO_OBJECTS, 'delete'], anchored: true, what: 'the Velero backups (with their volume snapshots) or what creates them', targetFlags: ['-l', '--selector'] },
    { id: 'velero-delete-legacy', path: ['delete', VELERO_OBJECTS], anchored: true, what: 'the Velero backups (with their volume snapshots) or what creates them', targetFlags: ['-l', '--selector'] },
  ],
};

// kopia deletes only with `--delete`; without it `snapshot delete`/`expire` list what they would remove.
const KOPIA: CloudCli = {
  cli: 'kopia',
  names: ['kopia'],
  valueFlags: ['--config-file', '--password', '-p', '--log-level', '--file-log-level', '--cache-directory'],
  verbs: [
    { id: 'kopia-snapshot-delete', path: [['snapshot', 'snap', 'snapshots'], ['delete', 'rm', 'expire']], anchored: true, requireFlags: ['--delete'], what: 'the kopia snapshots' },
    { id: 'kopia-repository-delete', path: [['repository', 'repo'], ['delete', 'rm']], anchored: true, what: 'the kopia repository' },
  ],
};

// duplicity remove-older-than 6M --force URL: without `--force` it only lists what it would remove.
const DUPLICITY: CloudCli = {
  cli: 'duplicity',
  names: ['duplicity'],
  valueFlags: ['--name', '--archive-dir', '--encrypt-key', '--sign-key', '--ssh-options', '--tempdir', '-v', '--verbosity'],
  verbs: [
    { id: 'duplicity-remove', path: [/^remove-(older-than|all-but-n-full|all-inc-of-but-n-full)$/], anchored: true, requireFlags: ['--force'], what: 'the duplicity backup sets', targetWords: 2 },
  ],
};

// Database backup managers: a deleted base backup or WAL archive makes point-in-time recovery impossible.
const PGBACKREST: CloudCli = {
  cli: 'pgbackrest',
  names: ['pgbackrest'],
  valueFlags: ['--stanza', '--set', '--repo', '--config', '--log-level-console', '--type', '--pg1-path', '--repo1-path'],
  targetFlags: ['--stanza', '--set'],
  verbs: [
    { id: 'pgbackrest-stanza-delete', path: ['stanza-delete'], anchored: true, what: 'every backup and WAL archive of the pgBackRest stanza' },
    { id: 'pgbackrest-expire', path: ['expire'], anchored: true, what: 'the pgBackRest backups outside the retention', severity: 'medium' },
  ],
};

const BARMAN: CloudCli = {
  cli: 'barman',
  names: ['barman'],
  valueFlags: ['-c', '--config', '-f', '--format'],
  verbs: [{ id: 'barman-delete', path: ['delete'], anchored: true, what: 'the Barman backup', targetWords: 2 }],
};

// wal-g delete … only deletes with --confirm.
const WALG: CloudCli = {
  cli: 'wal-g',
  names: ['wal-g', 'wal-e'],
  valueFlags: ['--config', '--turbo'],
  verbs: [{ id: 'walg-delete', path: ['delete'], anchored: true, requireFlags: ['--confirm'], what: 'the WAL-G backups and WAL archives it selects', targetWords: 2 }],
};

const TARSNAP: CloudCli = {
  cli: 'tarsnap',
  names: ['tarsnap'],
  valueFlags: ['-f', '--keyfile', '--cachedir', '-C'],
  targetFlags: ['-f'],
  noEffect: ['--dry-run', '--list-archives'],
  verbs: [
    // `tarsnap -d -f archive` deletes an archive; `--nuke` deletes all of them.
    { id: 'tarsnap-delete', path: [], requireFlags: ['-d', '--nuke'], what: 'the tarsnap archives' },
  ],
};

const TABLES: readonly CloudCli[] = [RESTIC, BORG, VELERO, KOPIA, DUPLICITY, PGBACKREST, BARMAN, WALG, TARSNAP];

// Built on the first command one of these tables names (lazyPack.ts).
export const BACKUP_RULES: RulePack = lazyPack('backup', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)));
