// Object storage in bulk: removing a bucket, or every object under a prefix, asks; one named object runs,
// like `rm` of one file. Mirror deletes (`rclone sync`, `mc mirror --remove`, `azcopy sync
// --delete-destination`) are judged by their destination in mirrorDeleteRules.ts. `aws s3`, `gsutil` and
// `gcloud storage` are rows of the cloud tables (cloudRules.ts). One table per CLI.
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';

/** rclone: `remote:path` is a remote, `:s3:bucket` an on-the-fly remote; anything else a local path. */
const RCLONE_REMOTE = /^:?[A-Za-z0-9_.-]+:/;
/** mc: a local path is written as one (`./x`, `/tmp/x`, `../x`, `~/x`); a bare word is an alias. */
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const MC_LOCAL = /^(?:\.{1,2}\/|\/|~)/;

const FAMILY: VerbFamily = {
  prefix: 'storage',
  category: 'storage',
  rationale:
    'A bucket, or everything under a prefix, holds uploads, exports and backups that no repository can rebuild; ' +
    'removing one object by name is like `rm` of one file and runs, as do listing, copying and dry runs.',
};

// MinIO client: `mc rb alias/bucket`, `mc rm --recursive --force alias/bucket/prefix`.
const MC: CloudCli = {
  cli: 'mc',
  names: ['mc', 'mcli'],
  valueFlags: ['--config-dir', '-C', '--older-than', '--newer-than', '--encrypt-key', '--rewind', '--version-id', '--limit-upload', '--limit-download', '--custom-header', '-H'],
  noEffect: ['--fake'],
  isLocalPath: (w) => MC_LOCAL.test(w),
  verbs: [
    { id: 'mc-rb', path: ['rb'], anchored: true, what: 'the bucket (with `--force`, every object in it)' },
    { id: 'mc-rm-recursive', path: ['rm'], anchored: true, what: 'every object under that prefix', bulk: { flags: ['-r', '--recursive', '--versions'], wildcard: true }, localSafe: true },
    { id: 'mc-admin-bucket-remove', path: ['admin', 'bucket', ['remove', 'rm', 'delete']], anchored: true, what: 'the bucket on the MinIO server' },
  ],
};

// rclone purge/delete remove whole paths; deletefile, rmdir and rmdirs (empty folders only) run.
const RCLONE: CloudCli = {
  cli: 'rclone',
  names: ['rclone'],
  valueFlags: [
    '--config', '--include', '--exclude', '--filter', '--include-from', '--exclude-from', '--filter-from', '--files-from',
    '--min-age', '--max-age', '--min-size', '--max-size', '--transfers', '--checkers', '--bwlimit', '--log-file', '--log-level',
    '--backup-dir', '--suffix', '--max-depth', '--max-delete', '--retries',
  ],
  noEffect: ['-n', '-i', '--interactive'],
  isLocalPath: (w) => !RCLONE_REMOTE.test(w) || WINDOWS_DRIVE.test(w),
  verbs: [
    { id: 'rclone-purge', path: ['purge'], anchored: true, what: 'the remote path and everything in it', localSafe: true },
    { id: 'rclone-delete', path: ['delete'], anchored: true, what: 'every file under the remote path (that the filters match)', localSafe: true },
    // `cleanup` empties the trash and old versions: the copies a mistaken delete could be undone from.
    { id: 'rclone-cleanup', path: ['cleanup'], anchored: true, what: 'the trash and old versions of the remote', severity: 'medium' },
  ],
};

// azcopy remove URL --recursive (also `rm`); one blob by URL runs.
const AZCOPY: CloudCli = {
  cli: 'azcopy',
  names: ['azcopy'],
  valueFlags: ['--include-pattern', '--exclude-pattern', '--include-path', '--exclude-path', '--list-of-files', '--log-level', '--from-to', '--output-type'],
  verbs: [
    { id: 'azcopy-remove-recursive', path: [['remove', 'rm']], anchored: true, what: 'every blob under that URL', bulk: { flags: ['--recursive', '--recursive=true'], wildcard: true } },
  ],
};

// s5cmd and s3cmd: bucket removal and wildcard or recursive deletes.
const S5CMD: CloudCli = {
  cli: 's5cmd',
  names: ['s5cmd'],
  valueFlags: ['--endpoint-url', '--profile', '--credentials-file', '--numworkers', '--retry-count', '--log', '--request-payer'],
  verbs: [
    { id: 's5cmd-rb', path: ['rb'], anchored: true, what: 'the S3 bucket' },
    { id: 's5cmd-rm-bulk', path: ['rm'], anchored: true, what: 'every object the wildcard matches', bulk: { flags: ['--all-versions'], wildcard: true } },
  ],
};

const S3CMD: CloudCli = {
  cli: 's3cmd',
  names: ['s3cmd'],
  valueFlags: ['-c', '--config', '--exclude', '--include', '--rexclude', '--rinclude', '--access_key', '--secret_key', '--host', '--host-bucket'],
  noEffect: ['-n'],
  verbs: [
    { id: 's3cmd-rb', path: ['rb'], anchored: true, what: 'the S3 bucket (with `--recursive`, every object in it)' },
    { id: 's3cmd-del-recursive', path: [['del', 'rm']], anchored: true, what: 'every object under that prefix', bulk: { flags: ['-r', '--recursive', '--all-versions'], wildcard: true } },
  ],
};

// Backblaze B2: `b2 rm --recursive b2://bucket/prefix`, `b2 bucket delete`; one file version by id runs.
const B2: CloudCli = {
  cli: 'b2',
  names: ['b2'],
  valueFlags: ['--profile', '--threads', '--exclude-regex', '--include-regex'],
  verbs: [
    { id: 'b2-rm-recursive', path: ['rm'], anchored: true, what: 'every file under that prefix', bulk: { flags: ['-r', '--recursive', '--versions'], wildcard: true } },
    { id: 'b2-bucket-delete', path: [['delete-bucket']], anchored: true, what: 'the B2 bucket' },
    { id: 'b2-bucket-delete-v4', path: ['bucket', 'delete'], anchored: true, what: 'the B2 bucket' },
  ],
};

const TABLES: readonly CloudCli[] = [MC, RCLONE, AZCOPY, S5CMD, S3CMD, B2];

// Built on the first command one of these tables names (lazyPack.ts).
export const OBJECT_STORAGE_RULES: RulePack = lazyPack('storage', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)));
