import assert from 'node:assert/strict';
import { CONTAINER_RULES, looksLikeDatabase } from '../../../src/engine/rules/containerRules';
import { decisionOf } from '../helpers';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['container.volume-delete', 'docker volume rm pgdata', 'pgdata', 'docker volume ls'],
  ['container.volume-delete', 'podman volume rm a b', 'a b', 'podman volume inspect a'],
  ['container.volume-delete', 'docker volume prune -af', 'unused volumes', 'docker image prune -a'],
  ['container.volume-delete', 'docker -H ssh://prod volume rm pgdata', 'pgdata', 'docker -H ssh://prod volume create pgdata'],
  ['container.system-prune-volumes', 'docker system prune -af --volumes', 'unused volumes', 'docker system prune -af'],
  ['container.system-prune-volumes', 'podman system reset', 'all storage', 'podman system df'],
  ['container.compose-down-volumes', 'docker compose down -v', 'compose volumes', 'docker compose down'],
  ['container.compose-down-volumes', 'docker compose -f prod.yml -p shop down --volumes', 'compose volumes', 'docker compose -f prod.yml -p shop down --rmi all'],
  ['container.compose-down-volumes', 'docker-compose down -v', 'compose volumes', 'docker-compose down --remove-orphans'],
  ['container.compose-down-volumes', 'docker compose rm -f -v db', 'db', 'docker compose rm -f web'],
  ['container.rm-database', 'docker rm -f postgres', 'postgres', 'docker rm -f web'],
  ['container.rm-database', 'docker container rm -f shop-db', 'shop-db', 'docker container rm shop-db'],
  ['container.rm-database', 'docker rm -v redis', 'redis', 'docker stop redis'],
  ['container.run-wipes-volume', "docker run --rm -v pgdata:/data alpine sh -c 'rm -rf /data/*'", '/data/*', 'docker run --rm -v pgdata:/data alpine ls /data'],
  ['container.run-wipes-volume', 'docker run --mount type=volume,src=pg,target=/var/lib/pg alpine rm -rf /var/lib/pg', '/var/lib/pg', 'docker run --rm -v "$PWD":/app node:20 rm -rf /app/node_modules'],
];

describe('container rules', () => {
  describeRows(CONTAINER_RULES, ROWS);

  it('recognises database container names', () => {
    for (const n of ['postgres', 'shop-db', 'app_db_1', 'mongodb', 'my-redis', 'pgdata', 'DB', 'mysql-8']) assert.ok(looksLikeDatabase(n), n);
    for (const n of ['web', 'api', 'feedback', 'frontend', 'worker-1', 'sandbox']) assert.ok(!looksLikeDatabase(n), n);
  });

  for (const command of ['echo "docker volume rm pgdata"', 'docker volume rm --help', 'docker compose --help']) {
    it(`runs \`${command}\``, () => assert.equal(decisionOf(command), 'allow'));
  }
  for (const command of ['sudo docker volume rm pgdata', "ssh prod 'docker compose down -v'", "bash -c 'docker system prune -af --volumes'"]) {
    it(`sees through \`${command}\``, () => assert.notEqual(decisionOf(command), 'allow'));
  }
});
