import { SECRETS_RULES } from '../../../src/engine/rules/secretsRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['secrets.vault-kv-destroy', 'vault kv destroy -versions=1,2 secret/app/db', 'secret/app/db', 'vault kv get secret/app/db'],
  ['secrets.vault-kv-metadata-delete', 'vault kv metadata delete secret/app/db', 'secret/app/db', 'vault kv metadata get secret/app/db'],
  ['secrets.vault-kv-delete', 'vault kv delete -mount=secret app/db', 'secret', 'vault kv undelete -versions=3 secret/app/db'],
  ['secrets.vault-secrets-disable', 'vault secrets disable kv-prod/', 'kv-prod/', 'vault secrets list'],
  ['secrets.vault-delete', 'vault delete database/roles/readonly', 'database/roles/readonly', 'vault read database/roles/readonly'],
  ['secrets.vault-operator-raft-remove', 'vault operator raft remove-peer node-2', 'node-2', 'vault operator raft list-peers'],
  ['secrets.doppler-delete', 'doppler environments delete stg --project api', 'api', 'doppler environments --project api'],
  ['secrets.doppler-secrets-delete', 'doppler secrets delete STRIPE_KEY -p api -c prd', 'api', 'doppler secrets get STRIPE_KEY -p api -c prd'],
  ['secrets.op-delete', 'op item delete "Prod DB" --vault Infra', 'Infra', 'op item get "Prod DB" --vault Infra'],
  ['secrets.infisical-secrets-delete', 'infisical secrets delete DB_PASSWORD --env=prod', 'DB_PASSWORD', 'infisical secrets get DB_PASSWORD --env=prod'],
  ['secrets.bws-delete', 'bws secret delete 2f1e-aa', '2f1e-aa', 'bws secret list'],
  ['secrets.bw-delete', 'bw delete item 99ab', '99ab', 'bw get item 99ab'],
  ['secrets.launchdarkly-delete', 'ldcli flags delete --project web --flag new-checkout', 'web', 'ldcli flags get --project web --flag new-checkout'],
  ['secrets.configcat-delete', 'configcat flag delete -i 1234', '1234', 'configcat flag ls'],
];

describe('secrets rules', () => {
  describeRows(SECRETS_RULES, ROWS);
});
