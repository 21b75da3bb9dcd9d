import assert from 'node:assert/strict';
import { DISK_RULES, isStorageDevice } from '../../../src/engine/rules/diskRules';
import { findingsOf } from '../helpers';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['disk.dd-device', 'dd if=ubuntu.iso of=/dev/sdb bs=4M', '/dev/sdb', 'dd if=/dev/zero of=disk.img bs=1M count=10'],
  ['disk.dd-device', 'sudo dd of=/dev/nvme0n1 if=backup.img', '/dev/nvme0n1', 'dd if=/dev/sda of=backup.img'],
  ['disk.dd-device', 'dd if=/dev/zero of=$DEVICE', '$DEVICE', 'dd if=/dev/urandom of=/dev/null count=1'],
  ['disk.mkfs', 'mkfs.ext4 /dev/sdb1', '/dev/sdb1', 'mkfs.ext4 -F fs.img'],
  ['disk.mkfs', 'mkfs -t xfs /dev/nvme1n1', '/dev/nvme1n1', 'mkfs.ext4 -V'],
  ['disk.mkfs', 'mkswap /dev/sda2', '/dev/sda2', 'mkswap swapfile'],
  ['disk.wipefs', 'wipefs -a /dev/sda', '/dev/sda', 'wipefs /dev/sda'],
  ['disk.wipefs', 'sgdisk --zap-all /dev/sda', '/dev/sda', 'sgdisk -p /dev/sda'],
  ['disk.wipefs', 'blkdiscard /dev/nvme0n1', '/dev/nvme0n1', 'wipefs -n -a /dev/sda'],
  ['disk.partition-table', 'fdisk /dev/sda', '/dev/sda', 'fdisk -l'],
  ['disk.partition-table', 'sfdisk /dev/sdb < layout', '/dev/sdb', 'sfdisk -d /dev/sdb'],
  ['disk.partition-table', 'parted -s /dev/sda mklabel gpt', '/dev/sda', 'parted /dev/sda print'],
  ['disk.shred-device', 'shred -n 3 /dev/sdb', '/dev/sdb', 'shred --version'],
  ['disk.zfs-destroy', 'zfs destroy -r tank/data', 'tank/data', 'zfs destroy -n -r tank/data'],
  ['disk.zfs-destroy', 'zpool destroy tank', 'tank', 'zpool status tank'],
  ['disk.zfs-destroy', 'zfs rollback -r tank/data@monday', 'tank/data@monday', 'zfs snapshot tank/data@monday'],
  ['disk.lvm-remove', 'lvremove -y vg0/data', 'vg0/data', 'lvs vg0'],
  ['disk.lvm-remove', 'vgremove vg0', 'vg0', 'vgremove --test vg0'],
  ['disk.lvm-remove', 'cryptsetup luksFormat /dev/sdb1', '/dev/sdb1', 'cryptsetup luksOpen /dev/sdb1 data'],
  ['disk.lvm-remove', 'pvremove /dev/sdc', '/dev/sdc', 'pvs'],
  ['disk.mdadm-erase', 'mdadm --zero-superblock /dev/sdb1', '/dev/sdb1', 'mdadm --detail /dev/md0'],
  ['disk.mdadm-erase', 'mdadm --create /dev/md0 --level=1 --raid-devices=2 /dev/sdb /dev/sdc', '/dev/md0 /dev/sdb /dev/sdc', 'mdadm --examine /dev/sdb'],
  ['disk.redirect-device', 'cp /dev/zero /dev/sdb', '/dev/sdb', 'cp /dev/zero zeros.bin'],
  ['disk.btrfs-delete', 'btrfs subvolume delete /mnt/data/@home', '/mnt/data/@home', 'btrfs subvolume list /mnt/data'],
  ['disk.redirect-device', 'cat image.raw > /dev/sda', '/dev/sda', 'echo done > /dev/null'],
  ['disk.redirect-device', 'pv disk.img | sudo tee /dev/sdb', '/dev/sdb', 'echo hi | tee /dev/stderr'],
  ['disk.erase-volume', 'diskutil eraseDisk JHFS+ Untitled /dev/disk2', '/dev/disk2', 'diskutil list'],
  ['disk.erase-volume', 'diskutil apfs deleteVolume disk3s5', 'disk3s5', 'diskutil apfs list'],
  ['disk.erase-volume', 'format D: /q', 'D:', 'format --help'],
  ['disk.erase-volume', 'Clear-Disk -Number 1 -RemoveData', 'disk 1', 'Clear-Disk -Number 1 -RemoveData -WhatIf'],
];

describe('disk rules', () => {
  describeRows(DISK_RULES, ROWS);

  it('tells storage devices from harmless device files', () => {
    for (const d of ['/dev/sda', '/dev/nvme0n1p2', '/dev/mapper/vg-lv', '/dev/disk2', '/dev/mmcblk0']) assert.ok(isStorageDevice(d), d);
    for (const d of ['/dev/null', '/dev/zero', '/dev/stdout', '/dev/fd/3', '/dev/tty', 'disk.img', '/tmp/dev/sda']) assert.ok(!isStorageDevice(d), d);
  });

  it('rates raw disk writes critical', () => {
    assert.equal(findingsOf('dd if=x of=/dev/sda').find((f) => f.rule === 'disk.dd-device')?.severity, 'critical');
  });
});
