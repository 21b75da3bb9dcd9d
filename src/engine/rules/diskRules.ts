// Disk rules: writes to block devices, new file systems, partition tables and volume managers.
// These destroy every file on a disk at once; writing an image into a regular file runs.

import type { Rule, RulePack, SimpleCommand } from '../types';
import { code, hasLong, hasShort, scanArgs } from './scanArgs';
import type { ArgSpec } from './scanArgs';
import { ownEntry } from '../ownEntry';

/** Device files that are not storage: writing to them loses nothing. */
const HARMLESS_DEVICES: ReadonlySet<string> = new Set([
  '/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/full', '/dev/stdout', '/dev/stderr', '/dev/stdin',
  '/dev/tty', '/dev/console', '/dev/ptmx',
]);
const HARMLESS_DEVICE_DIRS = ['/dev/fd/', '/dev/pts/', '/dev/shm/', '/dev/tcp/', '/dev/udp/'] as const;
const HAS_VARIABLE = /[$`]/;

/** A path naming a storage device (`/dev/sda`, `/dev/nvme0n1p2`, `/dev/mapper/vg-lv`, `/dev/disk2`). */
export function isStorageDevice(path: string): boolean {
  if (!path.startsWith('/dev/') || HARMLESS_DEVICES.has(path)) return false;
  for (const dir of HARMLESS_DEVICE_DIRS) if (path.startsWith(dir)) return false;
  return true;
}

/** A storage device, or a variable that may name one (`of=$DEVICE`). */
function mayBeDevice(cmd: SimpleCommand, i: number, word: string): boolean {
  return isStorageDevice(word) || (cmd.dynamic[i] === true && HAS_VARIABLE.test(word) && !word.includes('.'));
}

function deviceOperands(cmd: SimpleCommand): string[] {
  const out: string[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (a.startsWith('-')) continue;
    if (mayBeDevice(cmd, i, a)) out.push(a);
  }
  return out;
}

const ddToDevice: Rule = {
  id: 'disk.dd-device',
  category: 'disk',
  severity: 'critical',
  commands: ['dd'],
  summary: 'writes raw data over a disk',
  rationale: '`dd of=/dev/sdX` overwrites the disk byte by byte: partition table and every file system on it are gone.',
  match(cmd) {
    for (let i = 0; i < cmd.args.length; i++) {
      const a = cmd.args[i];
      if (!a.startsWith('of=')) continue;
      const dest = a.slice(3);
      if (mayBeDevice(cmd, i, dest)) return { summary: `writes raw data over the disk ${code(dest)}, destroying everything on it`, target: dest };
    }
    return null;
  },
};

const MKFS_COMMANDS = [
  'mkfs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mkfs.msdos',
  'mkfs.exfat', 'mkfs.ntfs', 'mkfs.f2fs', 'mke2fs', 'mkswap', 'mkntfs', 'mkdosfs', 'newfs', 'newfs_apfs', 'newfs_hfs',
] as const;

const mkfs: Rule = {
  id: 'disk.mkfs',
  category: 'disk',
  severity: 'critical',
  commands: MKFS_COMMANDS,
  summary: 'formats a disk, erasing every file on it',
  rationale: 'Making a file system writes a fresh, empty one over whatever the partition held.',
  match(cmd) {
    const devices = deviceOperands(cmd);
    if (devices.length === 0) return null;
    return { summary: `formats ${code(devices[0])}, erasing every file on it`, target: devices[0] };
  },
};

const WIPE_SPECS: Record<string, ArgSpec> = {
  wipefs: { shortWithValue: 'ot', longWithValue: new Set(['offset', 'types']) },
  blkdiscard: { shortWithValue: 'olp', longWithValue: new Set(['offset', 'length', 'step']) },
  // sgdisk's table edits take `partnum:start:end` style values.
  sgdisk: { shortWithValue: 'ndtcNAuUbl', longWithValue: new Set(['new', 'delete', 'typecode', 'change-name', 'backup', 'load-backup']) },
};

const wipefs: Rule = {
  id: 'disk.wipefs',
  category: 'disk',
  severity: 'critical',
  commands: ['wipefs', 'blkdiscard', 'sgdisk'],
  summary: 'erases the signatures or partition table of a disk',
  rationale:
    '`wipefs -a`, `blkdiscard` and `sgdisk --zap-all` make a disk\'s file systems and partitions unreadable in one step.',
  match(cmd) {
    const s = scanArgs(cmd.args, ownEntry(WIPE_SPECS, cmd.name));
    if (cmd.name === 'wipefs') {
      // Without -a/--all or -o/--offset wipefs only lists signatures; -n/--no-act is a dry run.
      if (!(hasShort(s, 'a') || hasLong(s, 'all') || s.values.has('o') || s.values.has('offset'))) return null;
      if (hasShort(s, 'n') || hasLong(s, 'no-act')) return null;
    } else if (cmd.name === 'sgdisk') {
      // -Z/--zap-all, -z/--zap, -o/--clear (new empty table), -d/--delete, -n/--new rewrite the table; -p/-v only read.
      const writes = hasShort(s, 'ZzodnNtc') || hasLong(s, 'zap-all', 'zap', 'clear', 'delete', 'new', 'mbrtogpt', 'largest-new');
      if (!writes || hasLong(s, 'pretend') || hasShort(s, 'P')) return null;
    }
    const devices = deviceOperands(cmd);
    const target = devices[0] ?? s.positionals[0];
    if (target === undefined) return null;
    return { summary: `erases the file systems and partitions on ${code(target)}`, target };
  },
};

/** sfdisk options that only read: list, dump, verify, show sizes, JSON output. */
const SFDISK_READ_ONLY = /^(?:-l|--list|-d|--dump|-J|--json|-V|--verify|-s|--show-size|-g|--show-geometry|-F|--list-free|-r|--reorder-only-dry|-n|--no-act|--help|-h|--version|-v)$/;
/** parted words that write: new labels, partitions, removals, resizes. `print`, `unit`, `align-check` only read. */
const PARTED_WRITES: ReadonlySet<string> = new Set([
  'mklabel', 'mktable', 'mkpart', 'mkpartfs', 'rm', 'resizepart', 'resize', 'rescue', 'name', 'set', 'toggle', 'mkfs', 'move', 'cp',
]);

const partitionTable: Rule = {
  id: 'disk.partition-table',
  category: 'disk',
  severity: 'critical',
  commands: ['fdisk', 'sfdisk', 'parted', 'gdisk', 'cfdisk'],
  summary: 'rewrites a disk\'s partition table',
  rationale: 'A new or edited partition table makes the partitions it drops, and their files, unreachable.',
  match(cmd) {
    const a = cmd.args;
    const devices = deviceOperands(cmd);
    if (cmd.name === 'fdisk' || cmd.name === 'gdisk' || cmd.name === 'cfdisk') {
      // -l lists; interactive sessions (fdisk /dev/sda, or a script fed on stdin) write on `w`.
      for (const w of a) if (w === '-l' || w === '--list' || w === '-h' || w === '--help' || w === '-V' || w === '--version' || w === '-s') return null;
      if (devices.length === 0) return null;
      return { summary: `edits the partition table of ${code(devices[0])}`, target: devices[0] };
    }
    if (cmd.name === 'sfdisk') {
      for (const w of a) if (SFDISK_READ_ONLY.test(w)) return null;
      if (devices.length === 0) return null;
      const del = a.includes('--delete');
      return { summary: `${del ? 'deletes partitions of' : 'writes a new partition table to'} ${code(devices[0])}`, target: devices[0] };
    }
    // parted [options] [device [command …]]
    let writes = false;
    let device: string | undefined;
    for (let i = 0; i < a.length; i++) {
      const w = a[i];
      if (w === '-l' || w === '--list' || w === '-h' || w === '--help' || w === '-v' || w === '--version') return null;
      if (device === undefined && mayBeDevice(cmd, i, w)) device = w;
      else if (device !== undefined && PARTED_WRITES.has(w)) writes = true;
    }
    // `parted /dev/sda` alone opens an interactive session that can write anything.
    const interactive = device !== undefined && a[a.length - 1] === device;
    if (device === undefined || !(writes || interactive)) return null;
    return { summary: `changes the partition table of ${code(device)}`, target: device };
  },
};

const shredDevice: Rule = {
  id: 'disk.shred-device',
  category: 'disk',
  severity: 'critical',
  commands: ['shred', 'wipe'],
  summary: 'overwrites a whole disk so nothing on it can be recovered',
  rationale: '`shred /dev/sdX` destroys every file on the disk beyond forensic recovery.',
  match(cmd) {
    const devices = deviceOperands(cmd);
    if (devices.length === 0) return null;
    return { summary: `overwrites the whole disk ${code(devices[0])} so nothing on it can be recovered`, target: devices[0] };
  },
};

const zfsDestroy: Rule = {
  id: 'disk.zfs-destroy',
  category: 'disk',
  severity: 'critical',
  commands: ['zfs', 'zpool'],
  summary: 'destroys a ZFS pool, dataset or snapshot',
  rationale: '`zfs destroy` and `zpool destroy` free the blocks at once; `zfs rollback` discards everything written since the snapshot.',
  match(cmd) {
    const sub = cmd.args[0];
    const s = scanArgs(cmd.args, {}, 1);
    // -n: dry run, only reports what would be destroyed.
    if (hasShort(s, 'n') && cmd.name === 'zfs') return null;
    const target = s.positionals[0];
    if (sub === 'destroy') {
      return { summary: `destroys the ZFS ${cmd.name === 'zpool' ? 'pool' : 'dataset'} ${code(target ?? '?')} and its data`, target };
    }
    if (sub === 'rollback' && cmd.name === 'zfs') {
      return { summary: `rolls ${code(target ?? '?')} back, discarding everything written since that snapshot`, target, severity: 'high' };
    }
    if (sub === 'labelclear' && cmd.name === 'zpool') {
      return { summary: `erases the ZFS label of ${code(target ?? '?')}`, target };
    }
    return null;
  },
};

const LVM_SPEC: ArgSpec = {
  shortWithValue: 'LlS',
  longWithValue: new Set(['size', 'extents', 'select', 'type', 'cipher', 'key-size', 'key-file', 'hash', 'pbkdf', 'label', 'uuid']),
};

const lvmRemove: Rule = {
  id: 'disk.lvm-remove',
  category: 'disk',
  severity: 'critical',
  commands: ['lvremove', 'vgremove', 'pvremove', 'lvreduce', 'cryptsetup'],
  summary: 'removes an LVM volume and the data on it',
  rationale: 'Removing a logical volume (or its group) drops its file system; shrinking one cuts off data; `luksFormat`/`erase` lose the keys.',
  match(cmd) {
    const s = scanArgs(cmd.args, LVM_SPEC);
    // --test: dry run, no metadata is written.
    if (hasLong(s, 'test', 'help') || hasShort(s, 't')) return null;
    if (cmd.name === 'cryptsetup') {
      const action = s.positionals[0];
      if (action !== 'luksFormat' && action !== 'erase' && action !== 'luksErase' && action !== 'reencrypt') return null;
      return { summary: `${action === 'luksFormat' ? 'formats' : 'erases the keys of'} ${code(s.positionals[1] ?? '?')}; its data becomes unreadable`, target: s.positionals[1] };
    }
    const target = s.positionals.join(' ');
    if (target === '') return null;
    const what = cmd.name === 'vgremove' ? 'volume group' : cmd.name === 'pvremove' ? 'physical volume' : 'logical volume';
    const verb = cmd.name === 'lvreduce' ? 'shrinks' : 'removes';
    return { summary: `${verb} the ${what} ${code(target)}${verb === 'shrinks' ? ', cutting off the data at its end' : ' and the data on it'}`, target };
  },
};

const MDADM_SPEC: ArgSpec = { shortWithValue: 'lnxcepbNzCa', longWithValue: new Set(['level', 'raid-devices', 'spare-devices', 'chunk', 'layout', 'bitmap', 'name', 'metadata', 'size', 'config', 'homehost']) };

const mdadm: Rule = {
  id: 'disk.mdadm-erase',
  category: 'disk',
  severity: 'critical',
  commands: ['mdadm'],
  summary: 'erases RAID metadata or builds a new array over disks',
  rationale:
    '`mdadm --zero-superblock` erases the RAID metadata of a member disk and `mdadm --create` writes a new array over the ' +
    'listed disks: the array they belonged to, and its file system, are gone.',
  match(cmd) {
    const s = scanArgs(cmd.args, MDADM_SPEC);
    const create = hasLong(s, 'create') || hasShort(s, 'C');
    if (!create && !hasLong(s, 'zero-superblock')) return null;
    const devices = s.positionals.filter((p) => p.startsWith('/dev/'));
    const target = devices.join(' ') || s.positionals[0];
    if (target === undefined) return null;
    return { summary: `${create ? 'builds a new RAID array over' : 'erases the RAID metadata of'} ${code(target)}`, target };
  },
};

const btrfsDelete: Rule = {
  id: 'disk.btrfs-delete',
  category: 'disk',
  severity: 'high',
  commands: ['btrfs'],
  summary: 'deletes a btrfs subvolume or snapshot',
  rationale: '`btrfs subvolume delete` removes the subvolume (or snapshot) and every file in it at once; there is no trash.',
  match(cmd) {
    const s = scanArgs(cmd.args);
    const [group, verb, ...rest] = s.positionals;
    const isGroup = group !== undefined && 'subvolume'.startsWith(group) && group.length >= 3;
    if (!isGroup || (verb !== 'delete' && verb !== 'del' && verb !== 'd')) return null;
    const target = rest.join(' ');
    return { summary: `deletes the btrfs subvolume ${code(target || '?')} and every file in it`, target: target || undefined };
  },
};

const WRITE_REDIRECTS: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>', '1>', '2>', '1>>', '2>>']);

const redirectToDevice: Rule = {
  id: 'disk.redirect-device',
  category: 'disk',
  severity: 'critical',
  // Any command can be redirected onto a disk (`cat image > /dev/sda`); the check is two comparisons.
  commands: ['*'],
  triggers: ['/dev/'],
  summary: 'writes over a disk through a redirect or a copy',
  rationale: '`> /dev/sdX`, `tee /dev/sdX` and `cp x /dev/sdX` overwrite the disk\'s first bytes (partition table, file system headers).',
  match(cmd) {
    for (const r of cmd.redirects) {
      if (WRITE_REDIRECTS.has(r.op) && isStorageDevice(r.target)) {
        return { summary: `overwrites the disk ${code(r.target)} with the output of ${code(cmd.name)}`, target: r.target };
      }
    }
    if (cmd.name === 'tee') {
      for (const a of cmd.args) if (isStorageDevice(a)) return { summary: `overwrites the disk ${code(a)} with piped data`, target: a };
    }
    // `cp /dev/zero /dev/sdb`, `cp image.iso /dev/sdb`: a copy onto the device node writes over the disk.
    if (cmd.name === 'cp' || cmd.name === 'install') {
      const dest = cmd.args[cmd.args.length - 1];
      if (dest !== undefined && isStorageDevice(dest)) {
        return { summary: `overwrites the disk ${code(dest)} with ${code(cmd.args[cmd.args.length - 2] ?? 'a file')}`, target: dest };
      }
    }
    return null;
  },
};

/** macOS `diskutil` verbs that erase or repartition (`list`, `info`, `mount` only read or attach). */
const DISKUTIL_ERASE: ReadonlySet<string> = new Set([
  'eraseDisk', 'eraseVolume', 'reformat', 'partitionDisk', 'zeroDisk', 'randomDisk', 'secureErase', 'eraseCD',
  'deleteContainer', 'deleteVolume', 'deletePartition',
]);
/** Windows PowerShell storage cmdlets that erase: a whole disk, a partition, a volume's file system. */
const WINDOWS_ERASE: ReadonlySet<string> = new Set(['Clear-Disk', 'Format-Volume', 'Remove-Partition', 'Initialize-Disk']);
const DRIVE_LETTER = /^[A-Za-z]:$/;

/** `-Number 1` → "disk 1", `-DriveLetter D` → "drive D:", else the first operand. */
function windowsTarget(args: readonly string[]): string {
  for (let i = 0; i + 1 < args.length; i++) {
    const p = args[i].toLowerCase();
    if (p === '-number' || p === '-disknumber') return `disk ${args[i + 1]}`;
    if (p === '-driveletter') return `drive ${args[i + 1]}:`;
    if (p === '-friendlyname' || p === '-filesystemlabel') return args[i + 1];
  }
  return args.find((a) => !a.startsWith('-')) ?? 'a disk';
}

const eraseOtherSystems: Rule = {
  id: 'disk.erase-volume',
  category: 'disk',
  severity: 'critical',
  commands: ['diskutil', 'format', 'Format-Volume', 'Clear-Disk', 'Remove-Partition', 'Initialize-Disk'],
  summary: 'erases a disk or volume (macOS diskutil, Windows format)',
  rationale: '`diskutil eraseDisk`, `format D:`, `Clear-Disk` and `Format-Volume` are the macOS and Windows `mkfs`/`wipefs`.',
  match(cmd) {
    if (cmd.name === 'diskutil') {
      // `diskutil apfs deleteVolume disk3s5`: the verb may follow a family word.
      const i = cmd.args[0] === 'apfs' || cmd.args[0] === 'cs' || cmd.args[0] === 'appleRAID' ? 1 : 0;
      const verb = cmd.args[i];
      if (verb === undefined || !DISKUTIL_ERASE.has(verb)) return null;
      const target = cmd.args[cmd.args.length - 1];
      return { summary: `erases ${code(target)} with ${code('diskutil ' + verb)}, destroying everything on it`, target };
    }
    if (cmd.name === 'format') {
      // cmd.exe `format D: /q`; an argument that is not a drive letter is some other `format` tool.
      const drive = cmd.args.find((a) => DRIVE_LETTER.test(a));
      return drive === undefined ? null : { summary: `formats the drive ${code(drive)}, erasing every file on it`, target: drive };
    }
    if (!WINDOWS_ERASE.has(cmd.name) || cmd.args.some((a) => a.toLowerCase() === '-whatif')) return null;
    const target = windowsTarget(cmd.args);
    return { summary: `erases ${target} with ${code(cmd.name)}, destroying everything on it`, target };
  },
};

export const DISK_RULES: RulePack = {
  name: 'disk',
  rules: [ddToDevice, mkfs, wipefs, partitionTable, shredDevice, zfsDestroy, lvmRemove, mdadm, btrfsDelete, redirectToDevice, eraseOtherSystems],
};
