import { QUEUE_RULES } from '../../../src/engine/rules/queueRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['queue.kafka-delete', 'kafka-topics.sh --bootstrap-server kafka:9092 --delete --topic orders', 'orders', 'kafka-topics.sh --bootstrap-server kafka:9092 --describe --topic orders'],
  ['queue.kafka-delete', 'kafka-consumer-groups --bootstrap-server kafka:9092 --delete --group billing', 'billing', 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group billing'],
  ['queue.kafka-delete-records', 'kafka-delete-records --bootstrap-server kafka:9092 --offset-json-file offsets.json', 'offsets.json', 'kafka-topics --bootstrap-server kafka:9092 --list'],
  ['queue.kafka-reset-offsets', 'kafka-consumer-groups --bootstrap-server kafka:9092 --group billing --reset-offsets --to-latest --topic orders --execute', 'billing', 'kafka-consumer-groups --bootstrap-server kafka:9092 --group billing --reset-offsets --to-latest --topic orders --dry-run'],
  ['queue.rpk-topic-delete', 'rpk topic delete orders', 'orders', 'rpk topic describe orders'],
  ['queue.rpk-topic-trim', 'rpk topic trim-prefix orders --offset 1000', 'orders', 'rpk topic consume orders'],
  ['queue.rpk-group-delete', 'rpk group delete billing', 'billing', 'rpk group describe billing'],
  ['queue.rpk-cluster-delete', 'rpk cloud cluster delete prod-cluster', 'prod-cluster', 'rpk cloud cluster list'],
  ['queue.confluent-kafka-delete', 'confluent kafka topic delete orders --cluster lkc-1', 'orders', 'confluent kafka topic list --cluster lkc-1'],
  ['queue.confluent-environment-delete', 'confluent environment delete env-123', 'env-123', 'confluent environment list'],
  ['queue.nats-stream-delete', 'nats stream rm ORDERS -f', 'ORDERS', 'nats stream info ORDERS'],
  ['queue.nats-stream-delete', 'nats stream purge ORDERS', 'ORDERS', 'nats stream ls'],
  ['queue.nats-kv-delete', 'nats kv del CONFIG', 'CONFIG', 'nats kv get CONFIG feature.x'],
  ['queue.nats-object-delete', 'nats object rm ASSETS', 'ASSETS', 'nats object ls ASSETS'],
  ['queue.nats-consumer-delete', 'nats consumer rm ORDERS billing', 'ORDERS', 'nats consumer info ORDERS billing'],
  ['queue.rabbitmqadmin-delete', 'rabbitmqadmin delete queue name=orders', 'name=orders', 'rabbitmqadmin list queues'],
  ['queue.rabbitmqadmin-v2-delete', 'rabbitmqadmin queues delete --name orders', 'orders', 'rabbitmqadmin queues list'],
  ['queue.rabbitmqctl-reset', 'rabbitmqctl force_reset', undefined, 'rabbitmqctl status'],
  ['queue.rabbitmqctl-delete-queue', 'rabbitmqctl purge_queue orders', 'orders', 'rabbitmqctl list_queues'],
  ['queue.pulsar-delete', 'pulsar-admin topics delete persistent://public/default/orders', 'persistent://public/default/orders', 'pulsar-admin topics stats persistent://public/default/orders'],
];

describe('queue rules', () => {
  describeRows(QUEUE_RULES, ROWS);
});
