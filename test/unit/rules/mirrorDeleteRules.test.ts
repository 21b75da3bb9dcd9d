import { MIRROR_DELETE_RULES } from '../../../src/engine/rules/mirrorDeleteRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['fs.mirror-delete', 'rsync -a --delete build/ /srv/www/', '/srv/www/', 'rsync -a --delete src/ dist/'],
  ['fs.mirror-delete', 'rsync -avz --delete-after ./site/ deploy@web1:/var/www/', 'deploy@web1:/var/www/', 'rsync -avzn --delete ./site/ deploy@web1:/var/www/'],
  ['fs.mirror-delete', 'rclone sync ./empty prod-s3:backups', 'prod-s3:backups', 'rclone copy ./exports prod-s3:backups'],
  ['fs.mirror-delete', 'aws s3 sync ./public s3://shop-assets --delete', 's3://shop-assets', 'aws s3 sync ./public s3://shop-assets'],
  ['fs.mirror-delete', 'gsutil -m rsync -r -d ./public gs://shop-assets', 'gs://shop-assets', 'gsutil -m rsync -r ./public gs://shop-assets'],
  ['fs.mirror-delete', 'gcloud storage rsync ./public gs://shop-assets --recursive --delete-unmatched-destination-objects', 'gs://shop-assets', 'gcloud storage rsync ./public gs://shop-assets --recursive'],
  ['fs.mirror-delete', "azcopy sync ./public 'https://acct.blob.core.windows.net/$web' --delete-destination=true", 'https://acct.blob.core.windows.net/$web', "azcopy sync ./public 'https://acct.blob.core.windows.net/$web' --delete-destination=false"],
  ['fs.mirror-delete', 'mc mirror --remove ./public prod/assets', 'prod/assets', 'mc mirror ./public prod/assets'],
  ['fs.mirror-delete', 'robocopy C:/src D:/backup /MIR', 'D:/backup', 'robocopy C:/src D:/backup /MIR /L'],
];

describe('mirror deletes', () => {
  describeRows(MIRROR_DELETE_RULES, ROWS);
});
