// Queues and streams: deleting a topic, stream or queue, or purging its messages, loses what was waiting in
// it; no repository holds it. Listing, describing, producing, consuming and creating run. `aws sqs/sns/kinesis`
// and `gcloud pubsub` are rows of the cloud tables (cloudRules.ts). One table per CLI.
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';

const FAMILY: VerbFamily = {
  prefix: 'queue',
  category: 'queue',
  rationale:
    'The messages in a topic, stream or queue exist nowhere else until they are consumed; deleting or purging one ' +
    'loses them and breaks every producer and consumer. Listing, describing, producing and consuming run.',
};

const DELETE = ['delete', 'del', 'rm', 'remove'] as const;

// Apache Kafka's scripts: `kafka-topics.sh --bootstrap-server b:9092 --delete --topic t`.
const KAFKA_VALUE_FLAGS = [
  '--bootstrap-server', '--zookeeper', '--command-config', '--topic', '--group', '--partitions', '--replication-factor',
  '--config', '--offset-json-file', '--to-offset', '--to-datetime', '--shift-by', '--by-duration', '--to-earliest', '--admin-client-config',
];
const KAFKA: CloudCli = {
  cli: 'kafka',
  names: ['kafka-topics', 'kafka-topics.sh', 'kafka-delete-records', 'kafka-delete-records.sh', 'kafka-consumer-groups', 'kafka-consumer-groups.sh'],
  valueFlags: KAFKA_VALUE_FLAGS,
  targetFlags: ['--topic', '--group', '--offset-json-file'],
  verbs: [
    // kafka-topics --delete: the topic and its log; kafka-consumer-groups --delete: the group's committed offsets.
    { id: 'kafka-delete', path: [], requireFlags: ['--delete'], what: 'the Kafka topic (or consumer group) and its data' },
    // kafka-delete-records always deletes: records below the offsets in the JSON file are gone.
    { id: 'kafka-delete-records', path: [], requireFlags: ['--offset-json-file'], what: 'the Kafka records below the given offsets' },
    // Resetting a group's offsets with --execute makes consumers skip or replay messages.
    { id: 'kafka-reset-offsets', path: [], requireFlags: ['--reset-offsets'], unlessFlags: ['--dry-run'], what: "the consumer group's position (messages are skipped or replayed)", severity: 'medium', verb: 'moves' },
  ],
};

// Redpanda: `rpk topic delete t`, `rpk group delete g`; Confluent: `confluent kafka topic delete t`.
const RPK: CloudCli = {
  cli: 'rpk',
  names: ['rpk'],
  valueFlags: ['-X', '--brokers', '--profile', '--config', '-r', '--regex', '--format'],
  verbs: [
    { id: 'rpk-topic-delete', path: [['topic', 'topics'], DELETE], anchored: true, what: 'the Redpanda topic and its data' },
    { id: 'rpk-topic-trim', path: [['topic', 'topics'], ['trim-prefix', 'trim']], anchored: true, what: 'the records at the start of the Redpanda topic' },
    { id: 'rpk-group-delete', path: [['group', 'groups'], DELETE], anchored: true, what: "the consumer group's committed offsets", severity: 'medium' },
    { id: 'rpk-cluster-delete', path: [['cloud', 'serverless'], ['cluster', 'clusters'], DELETE], what: 'the Redpanda cluster' },
  ],
};

const CONFLUENT: CloudCli = {
  cli: 'confluent',
  names: ['confluent'],
  valueFlags: ['--cluster', '--environment', '--context', '-o', '--output'],
  verbs: [
    { id: 'confluent-kafka-delete', path: ['kafka', ['topic', 'cluster'], 'delete'], what: 'the Confluent Kafka topic or cluster and its data' },
    { id: 'confluent-environment-delete', path: [['environment', 'env'], 'delete'], what: 'the Confluent environment (with its clusters)' },
  ],
};

// NATS: streams, KV buckets and object stores (JetStream).
const NATS: CloudCli = {
  cli: 'nats',
  names: ['nats'],
  valueFlags: ['-s', '--server', '--context', '--creds', '--user', '--password', '--subject', '--seq', '--keep'],
  targetFlags: [],
  verbs: [
    { id: 'nats-stream-delete', path: [['stream', 'str'], ['rm', 'delete', 'del', 'purge']], anchored: true, what: 'the JetStream stream (or all its messages)', targetWords: 1 },
    { id: 'nats-kv-delete', path: ['kv', ['rm', 'del', 'delete', 'purge']], anchored: true, what: 'the KV bucket or key (with its history)' },
    { id: 'nats-object-delete', path: [['object', 'obj'], ['rm', 'delete', 'del']], anchored: true, what: 'the object store or object', severity: 'medium' },
    { id: 'nats-consumer-delete', path: [['consumer', 'con'], ['rm', 'delete', 'del']], anchored: true, what: "the JetStream consumer and its delivery position", severity: 'medium' },
  ],
};

// RabbitMQ: `rabbitmqadmin delete queue name=q`, `rabbitmqadmin purge queue name=q`, `rabbitmqctl reset`.
const RABBITMQADMIN: CloudCli = {
  cli: 'rabbitmqadmin',
  names: ['rabbitmqadmin'],
  valueFlags: ['-H', '--host', '-P', '--port', '-V', '--vhost', '-u', '--username', '-p', '--password', '-c', '--config', '-N', '--node', '-f', '--format'],
  verbs: [
    { id: 'rabbitmqadmin-delete', path: [['delete', 'purge'], ['queue', 'queues', 'exchange', 'vhost', 'shovel', 'federation-upstream']], anchored: true, what: 'the RabbitMQ queue, exchange or vhost (and its messages)' },
    // rabbitmqadmin v2: `rabbitmqadmin queues delete --name q`.
    { id: 'rabbitmqadmin-v2-delete', path: [['queues', 'queue', 'exchanges', 'vhosts', 'streams'], ['delete', 'purge']], anchored: true, what: 'the RabbitMQ queue, exchange or vhost (and its messages)', targetFlags: ['--name'] },
  ],
};

const RABBITMQCTL: CloudCli = {
  cli: 'rabbitmqctl',
  names: ['rabbitmqctl', 'rabbitmq-queues', 'rabbitmq-streams'],
  valueFlags: ['-n', '--node', '-p', '--vhost', '-t', '--timeout'],
  verbs: [
    // reset and force_reset return the node to a blank state: every queue, message, user and vhost goes.
    { id: 'rabbitmqctl-reset', path: [['reset', 'force_reset']], anchored: true, what: "the RabbitMQ node's queues, messages, users and vhosts", severity: 'critical', verb: 'erases' },
    { id: 'rabbitmqctl-delete-queue', path: [['delete_queue', 'purge_queue', 'delete_vhost', 'delete_stream']], anchored: true, what: 'the RabbitMQ queue or vhost (and its messages)' },
  ],
};

// Apache Pulsar's admin tools.
const PULSAR: CloudCli = {
  cli: 'pulsar-admin',
  names: ['pulsar-admin', 'pulsarctl'],
  valueFlags: ['--admin-url', '--auth-plugin', '--auth-params'],
  verbs: [
    { id: 'pulsar-delete', path: [['topics', 'topic', 'namespaces', 'namespace', 'tenants', 'tenant'], ['delete', 'delete-partitioned-topic', 'clear-backlog']], anchored: true, what: 'the Pulsar topic, namespace or tenant (and its messages)' },
  ],
};

const TABLES: readonly CloudCli[] = [KAFKA, RPK, CONFLUENT, NATS, RABBITMQADMIN, RABBITMQCTL, PULSAR];

// Built on the first command one of these tables names (lazyPack.ts).
export const QUEUE_RULES: RulePack = lazyPack('queue', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)));
