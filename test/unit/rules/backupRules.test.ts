import { BACKUP_RULES } from '../../../src/engine/rules/backupRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['backup.restic-forget', 'restic -r s3:s3.amazonaws.com/backups forget --keep-last 3 --prune', 's3:s3.amazonaws.com/backups', 'restic -r s3:s3.amazonaws.com/backups forget --keep-last 3 --dry-run'],
  ['backup.restic-forget', 'restic forget latest', undefined, 'restic snapshots latest'],
  ['backup.restic-prune', 'restic --repo /srv/restic prune', '/srv/restic', 'restic --repo /srv/restic check'],
  ['backup.restic-rewrite-forget', 'restic rewrite --exclude secrets.env --forget', undefined, 'restic rewrite --exclude secrets.env'],
  ['backup.restic-key-remove', 'restic key remove 4b1c', '4b1c', 'restic key list'],
  ['backup.borg-delete', 'borg delete /mnt/backup::2024-01-01', '/mnt/backup::2024-01-01', 'borg list /mnt/backup'],
  ['backup.borg-delete', 'borg repo-delete --repo ssh://u@host/./repo', 'ssh://u@host/./repo', 'borg repo-info --repo ssh://u@host/./repo'],
  ['backup.borg-prune', 'borg prune --keep-daily=7 --keep-weekly=4 /mnt/backup', '/mnt/backup', 'borg prune -n --keep-daily=7 /mnt/backup'],
  ['backup.borg-recreate-exclude', "borg recreate --exclude '*.log' /mnt/backup", '/mnt/backup', 'borg recreate --recompress /mnt/backup'],
  ['backup.velero-delete', 'velero backup delete nightly-20240101 --confirm', 'nightly-20240101', 'velero backup describe nightly-20240101'],
  ['backup.velero-delete', 'velero schedule delete --all', undefined, 'velero schedule get'],
  ['backup.velero-delete-legacy', 'velero delete backup nightly', 'nightly', 'velero get backups'],
  ['backup.kopia-snapshot-delete', 'kopia snapshot delete k1a2b3 --delete', 'k1a2b3', 'kopia snapshot delete k1a2b3'],
  ['backup.kopia-repository-delete', 'kopia repository delete', undefined, 'kopia repository status'],
  ['backup.duplicity-remove', 'duplicity remove-older-than 6M --force file:///mnt/backup', '6M/file:///mnt/backup', 'duplicity remove-older-than 6M file:///mnt/backup'],
  ['backup.pgbackrest-stanza-delete', 'pgbackrest --stanza=main stanza-delete --force', 'main', 'pgbackrest --stanza=main info'],
  ['backup.pgbackrest-expire', 'pgbackrest --stanza=main expire --set=20240101-000000F', 'main', 'pgbackrest --stanza=main backup'],
  ['backup.barman-delete', 'barman delete pg-main oldest', 'pg-main/oldest', 'barman list-backups pg-main'],
  ['backup.walg-delete', 'wal-g delete retain FULL 3 --confirm', 'retain/FULL', 'wal-g delete retain FULL 3'],
  ['backup.tarsnap-delete', 'tarsnap -d -f nightly-2024', 'nightly-2024', 'tarsnap --list-archives'],
];

describe('backup rules', () => {
  describeRows(BACKUP_RULES, ROWS);
});
