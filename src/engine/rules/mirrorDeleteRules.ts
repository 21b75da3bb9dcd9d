// Mirror deletes: a sync that deletes from the destination whatever the source lacks. From an empty or
// wrong source it empties the destination. DESIGN "Data destroyed without rm": they ask unless the
// destination is rebuildable or temporary (`rsync -a --delete src/ dist/` runs). Dry runs and help run.
import type { Rule, RulePack, SimpleCommand } from '../types';
import { classifyDeletePath } from './deletePathSafety';
import { code } from './scanArgs';
import { positionals } from './cloudVerbTable';

interface Mirror {
  /** How the tool was asked to delete, for the person: `rsync --delete`. */
  how: string;
  source?: string;
  destination: string;
}

/** Options (of all these tools) that take the next word as their value. */
const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-e', '--rsh', '--exclude', '--include', '--exclude-from', '--include-from', '--filter', '-f', '--files-from', '--backup-dir',
  '--suffix', '--log-file', '--rsync-path', '--chmod', '--chown', '--bwlimit', '--timeout', '--partial-dir', '--temp-dir', '-T',
  '--compare-dest', '--copy-dest', '--link-dest', '--max-delete', '--max-size', '--min-size', '--config', '--transfers',
  '--checkers', '--profile', '--region', '--endpoint-url', '--storage-class', '--acl', '--sse', '-x', '--exclude-pattern',
  '--include-pattern', '--min-age', '--max-age', '--delete-destination', '--log-level', '--output', '-o', '-h', '--port', '-p',
]);
const NO_EFFECT: ReadonlySet<string> = new Set(['-n', '--dry-run', '--dryrun', '--help', '-h', 'help', '--list-only']);
const SHORT_BUNDLE = /^-[A-Za-z]+$/;
/** robocopy's `/MIR` and `/PURGE` delete; `/L` only lists. */
const ROBOCOPY_MIRROR = /^\/(?:mir|purge)$/i;
const ROBOCOPY_LIST_ONLY = /^\/l$/i;
const BACKSLASHES = /\\/g;
const WINDOWS_DRIVE = /^[A-Za-z]:\//;

function operands(cmd: SimpleCommand): string[] {
  return positionals(cmd, VALUE_OPTIONS).map((p) => p.word);
}

function mirrorOf(cmd: SimpleCommand): Mirror | null {
  const a = cmd.args;
  const has = (f: string) => a.includes(f);
  switch (cmd.name) {
    case 'rsync': {
      // --delete, --delete-before/-during/-after/-delay/-excluded, --del.
      const flag = a.find((w) => w === '--del' || w.startsWith('--delete'));
      if (flag === undefined || a.some((w) => w === '-n' || (SHORT_BUNDLE.test(w) && w.includes('n') && !w.startsWith('--')))) return null;
      const ops = operands(cmd);
      return ops.length >= 2 ? { how: `rsync ${flag}`, source: ops[ops.length - 2], destination: ops[ops.length - 1] } : null;
    }
    case 'rclone': {
      const ops = operands(cmd);
      if (ops[0] !== 'sync' && ops[0] !== 'bisync') return null;
      if (ops[0] === 'bisync' && !has('--resync')) return null;
      return ops.length >= 3 ? { how: `rclone ${ops[0]}`, source: ops[1], destination: ops[2] } : null;
    }
    case 'aws': {
      const ops = operands(cmd);
      if (ops[0] !== 's3' || ops[1] !== 'sync' || !has('--delete')) return null;
      return ops.length >= 4 ? { how: 'aws s3 sync --delete', source: ops[2], destination: ops[3] } : null;
    }
    case 'gsutil': {
      const ops = operands(cmd);
      const rs = ops.indexOf('rsync');
      const rsyncAt = a.indexOf('rsync');
      if (rs < 0 || !a.some((w, i) => i > rsyncAt && SHORT_BUNDLE.test(w) && w.includes('d'))) return null;
      return ops.length >= rs + 3 ? { how: 'gsutil rsync -d', source: ops[rs + 1], destination: ops[rs + 2] } : null;
    }
    case 'gcloud': {
      const ops = operands(cmd);
      if (ops[0] !== 'storage' || ops[1] !== 'rsync' || !has('--delete-unmatched-destination-objects')) return null;
      return ops.length >= 4 ? { how: 'gcloud storage rsync --delete-unmatched-destination-objects', source: ops[2], destination: ops[3] } : null;
    }
    case 'azcopy': {
      const ops = operands(cmd);
      const flag = a.find((w) => w.startsWith('--delete-destination'));
      if (ops[0] !== 'sync' || flag === undefined) return null;
      const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : a[a.indexOf(flag) + 1];
      if (value === undefined || value.toLowerCase() === 'false') return null;
      return ops.length >= 3 ? { how: `azcopy sync ${flag.includes('=') ? flag : `${flag} ${value}`}`, source: ops[1], destination: ops[2] } : null;
    }
    case 'mc':
    case 'mcli': {
      const ops = operands(cmd);
      if (ops[0] !== 'mirror' || !(has('--remove') || has('--delete'))) return null;
      return ops.length >= 3 ? { how: 'mc mirror --remove', source: ops[1], destination: ops[2] } : null;
    }
    case 's5cmd': {
      const ops = operands(cmd);
      if (ops[0] !== 'sync' || !has('--delete')) return null;
      return ops.length >= 3 ? { how: 's5cmd sync --delete', source: ops[1], destination: ops[2] } : null;
    }
    case 's3cmd': {
      const ops = operands(cmd);
      if (ops[0] !== 'sync' || !has('--delete-removed')) return null;
      return ops.length >= 3 ? { how: 's3cmd sync --delete-removed', source: ops[1], destination: ops[2] } : null;
    }
    case 'robocopy':
    case 'robocopy.exe': {
      // robocopy SRC DST /MIR (or /PURGE): files in DST that SRC lacks are deleted.
      const flag = a.find((w) => ROBOCOPY_MIRROR.test(w));
      if (flag === undefined || a.some((w) => ROBOCOPY_LIST_ONLY.test(w))) return null;
      const ops = a.filter((w) => !w.startsWith('/') || w.includes('/', 1));
      return ops.length >= 2 ? { how: `robocopy ${flag}`, source: ops[0], destination: ops[1] } : null;
    }
    default:
      return null;
  }
}

/** Remote destinations: `host:path`, `remote:bucket`, `s3://…`, `gs://…`, `https://…`, `alias/bucket` of mc. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[A-Za-z0-9_.@-]+:)/;

/** The names mirrorOf reads (its switch); any other command is no mirror. */
const MIRROR_TOOLS: ReadonlySet<string> = new Set(['rsync', 'rclone', 'aws', 'gsutil', 'gcloud', 'azcopy', 'mc', 'mcli', 's5cmd', 's3cmd', 'robocopy', 'robocopy.exe']);

const mirrorDelete: Rule = {
  id: 'fs.mirror-delete',
  category: 'filesystem',
  severity: 'high',
  // Keyed on the words a mirror delete needs (a `sync` or a delete flag), not on `rsync` or `aws`: the terminal
  // prefilter would start the CLI for every copy otherwise.
  commands: ['*'],
  triggers: ['--del', 'sync', '--remove', '/MIR', '/mir', '/PURGE', '/purge'],
  names: ['rsync', 'rclone', 'aws', 'gsutil', 'gcloud', 'azcopy', 'mc', 'mcli', 's5cmd', 's3cmd', 'robocopy', 'robocopy.exe'],
  summary: 'deletes from the destination everything the source lacks',
  rationale:
    'A mirror with deletes makes the destination look like the source: from an empty, wrong or partial source it ' +
    'deletes the destination\'s files, locally or in a bucket. Rebuildable and temporary destinations run.',
  match(cmd) {
    // Every command reaches this rule (it is keyed on '*'): a name that is no mirror tool returns at once.
    if (!MIRROR_TOOLS.has(cmd.name)) return null;
    for (const w of cmd.args) if (NO_EFFECT.has(w)) return null;
    const m = mirrorOf(cmd);
    if (m === null) return null;
    const dest = m.destination.replace(BACKSLASHES, '/');
    const remote = REMOTE.test(dest) && !WINDOWS_DRIVE.test(dest);
    const mcAlias = (cmd.name === 'mc' || cmd.name === 'mcli') && !dest.startsWith('.') && !dest.startsWith('/');
    if (!remote && !mcAlias && classifyDeletePath(dest).safe) return null;
    return {
      summary: `deletes every file in ${code(m.destination)} that ${m.source !== undefined ? code(m.source) : 'the source'} lacks (${code(m.how)})`,
      target: m.destination,
    };
  },
};

export const MIRROR_DELETE_RULES: RulePack = { name: 'mirror', rules: [mirrorDelete] };
