import { OBJECT_STORAGE_RULES } from '../../../src/engine/rules/objectStorageRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['storage.mc-rb', 'mc rb --force prod/uploads', 'prod/uploads', 'mc mb prod/uploads'],
  ['storage.mc-rm-recursive', 'mc rm --recursive --force prod/uploads/2023/', 'prod/uploads/2023/', 'mc rm prod/uploads/2023/report.csv'],
  ['storage.mc-admin-bucket-remove', 'mc admin bucket remove prod uploads', 'prod', 'mc admin info prod'],
  ['storage.rclone-purge', 'rclone purge prod-s3:uploads', 'prod-s3:uploads', 'rclone lsd prod-s3:'],
  ['storage.rclone-purge', 'rclone purge ./data', './data', 'rclone purge ./dist'],
  ['storage.rclone-delete', 'rclone delete gdrive:backups --min-age 30d', 'gdrive:backups', 'rclone deletefile gdrive:backups/old.tar'],
  ['storage.rclone-cleanup', 'rclone cleanup b2:archive', 'b2:archive', 'rclone size b2:archive'],
  ['storage.azcopy-remove-recursive', "azcopy remove 'https://acct.blob.core.windows.net/data/exports' --recursive", 'https://acct.blob.core.windows.net/data/exports', "azcopy remove 'https://acct.blob.core.windows.net/data/exports/a.csv'"],
  ['storage.s5cmd-rb', 's5cmd rb s3://uploads', 's3://uploads', 's5cmd mb s3://uploads'],
  ['storage.s5cmd-rm-bulk', "s5cmd rm 's3://uploads/*'", 's3://uploads/*', 's5cmd rm s3://uploads/a.txt'],
  ['storage.s3cmd-rb', 's3cmd rb s3://uploads --recursive', 's3://uploads', 's3cmd ls s3://uploads'],
  ['storage.b2-rm-recursive', 'b2 rm --recursive b2://uploads/2023', 'b2://uploads/2023', 'b2 rm b2://uploads/2023/a.txt'],
  ['storage.b2-bucket-delete', 'b2 delete-bucket uploads', 'uploads', 'b2 delete-file-version a.txt 4_z'],
  ['storage.b2-bucket-delete-v4', 'b2 bucket delete uploads', 'uploads', 'b2 bucket list'],
  ['storage.s3cmd-del-recursive', 's3cmd del --recursive s3://uploads/2023', 's3://uploads/2023', 's3cmd del s3://uploads/2023/a.txt'],
];

describe('object storage rules', () => {
  describeRows(OBJECT_STORAGE_RULES, ROWS);
});
