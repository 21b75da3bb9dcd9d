import { PLATFORM_RULES } from '../../../src/engine/rules/platformRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['platform.dokku-apps-destroy', 'dokku apps:destroy shop --force', 'shop', 'dokku apps:list'],
  ['platform.dokku-service-destroy', 'dokku postgres:destroy shop-db -f', 'shop-db', 'dokku postgres:info shop-db'],
  ['platform.dokku-storage-unmount', 'dokku storage:unmount shop /var/lib/dokku/data/storage/shop:/app/storage', 'shop', 'dokku storage:list shop'],
  ['platform.kamal-remove', 'kamal remove -y', undefined, 'kamal deploy'],
  ['platform.kamal-accessory-remove', 'kamal accessory remove db -y', 'db', 'kamal accessory details db'],
  ['platform.cf-delete', 'cf delete-service shop-db -f', 'shop-db', 'cf services'],
  ['platform.sam-delete', 'sam delete --stack-name shop-prod --no-prompts', 'shop-prod', 'sam deploy --stack-name shop-prod'],
  ['platform.copilot-delete', 'copilot env delete --name prod --yes', 'prod', 'copilot env ls'],
  ['platform.eb-terminate', 'eb terminate shop-prod --force', 'shop-prod', 'eb status shop-prod'],
  ['platform.eksctl-delete-cluster', 'eksctl delete cluster --name main', 'main', 'eksctl get cluster --name main'],
  ['platform.splunk-remove-index', 'splunk remove index web', 'web', 'splunk list index'],
  ['platform.splunk-clean', 'splunk clean eventdata -index web -f', 'web', 'splunk search "index=web | head 5"'],
];

describe('platform rules', () => {
  describeRows(PLATFORM_RULES, ROWS);
});
