/** Topic views and admin: kafkajs Admin for metadata changes and configs, WireCluster for offsets. */
import { ConfigResourceTypes, ConfigSource as KafkaConfigSource, type ConfigEntries } from './kafkajs'
import type {
  ConfigChange, ConfigDef, ConfigSource, CreateTopicInput, PartitionInfo, TopicConfigEntry, TopicDetail, TopicSummary,
} from '../ipc/contract'
import { TOPIC_CONFIGS } from '../../core/config/topic-configs'
import type { ConsoleDeps } from './deps'
import { partitionBounds } from './message-reader'
import { KafkaProtocolError, type TopicMeta } from './wire-cluster'

/** Short explanations for the Configs tab and the create form (our wording). */
const CONFIG_DOCS: Record<string, string> = {
  'cleanup.policy': 'delete: drop old segments by time/size; compact: keep the latest value per key.',
  'compression.type': 'Compression the broker stores batches with; "producer" keeps what the producer sent.',
  'delete.retention.ms': 'How long tombstones are kept on compacted topics.',
  'max.message.bytes': 'Largest record batch the topic accepts.',
  'message.timestamp.type': 'CreateTime keeps the producer timestamp; LogAppendTime stamps the broker time.',
  'min.insync.replicas': 'Replicas that must acknowledge an acks=all write.',
  'retention.bytes': 'Maximum size per partition before old data is deleted (-1: unlimited).',
  'retention.ms': 'How long messages are kept (-1: forever).',
  'segment.bytes': 'Size of one log segment.',
  'segment.ms': 'Time after which a segment is rolled.',
}

const CHOICES: Record<string, string[]> = {
  'cleanup.policy': ['delete', 'compact', 'compact,delete'],
  'compression.type': ['producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd'],
  'message.timestamp.type': ['CreateTime', 'LogAppendTime'],
  'unclean.leader.election.enable': ['true', 'false'],
}

export function configDefs(): ConfigDef[] {
  return TOPIC_CONFIGS.map((d) => ({ name: d.name, type: d.type, defaultValue: d.default, doc: CONFIG_DOCS[d.name] ?? '', choices: CHOICES[d.name] ?? null }))
}

/** Storage size of one partition: embedded broker only (Kafka has DescribeLogDirs, kafkajs does not). */
function partitionSize(deps: ConsoleDeps, topic: string, partition: number): bigint | null {
  if (!deps.embedded) return null
  try {
    return BigInt(deps.embedded.storage.offsets(topic, partition).sizeBytes)
  } catch {
    return null
  }
}

async function partitionInfos(deps: ConsoleDeps, topic: TopicMeta): Promise<PartitionInfo[]> {
  const ids = topic.partitions.map((p) => p.partition)
  const bounds = await partitionBounds(deps.wire, topic, ids)
  return topic.partitions.map((p) => {
    const lo = bounds.start.get(p.partition) ?? 0n
    const hi = bounds.end.get(p.partition) ?? 0n
    const size = partitionSize(deps, topic.name, p.partition)
    return {
      partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr,
      logStartOffset: lo.toString(), logEndOffset: hi.toString(), messages: (hi - lo).toString(),
      sizeBytes: size === null ? null : size.toString(), messagesPerSec: deps.throughput.partitionRate(topic.name, p.partition),
    }
  })
}

function summarize(topic: TopicMeta, parts: PartitionInfo[]): TopicSummary {
  const sizes = parts.map((p) => p.sizeBytes)
  return {
    name: topic.name,
    partitions: parts.length,
    messages: parts.reduce((n, p) => n + BigInt(p.messages), 0n).toString(),
    sizeBytes: sizes.some((s) => s === null) ? null : sizes.reduce((n, s) => n + BigInt(s!), 0n).toString(),
    messagesPerSec: parts.reduce((n, p) => n + p.messagesPerSec, 0),
    internal: topic.internal,
  }
}

export async function listTopics(deps: ConsoleDeps): Promise<TopicSummary[]> {
  const meta = await deps.wire.metadata()
  const out = await Promise.all(meta.topics.map(async (t) => summarize(t, await partitionInfos(deps, t))))
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

const SOURCES: Record<number, ConfigSource> = {
  [KafkaConfigSource.TOPIC_CONFIG]: 'topic',
  [KafkaConfigSource.DYNAMIC_BROKER_CONFIG]: 'broker',
  [KafkaConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG]: 'broker',
  [KafkaConfigSource.STATIC_BROKER_CONFIG]: 'static',
  [KafkaConfigSource.DEFAULT_CONFIG]: 'default',
}

function toConfigEntry(e: ConfigEntries): TopicConfigEntry {
  const source = SOURCES[e.configSource] ?? (e.isDefault ? 'default' : 'unknown')
  return {
    name: e.configName,
    value: e.isSensitive ? null : e.configValue,
    isDefault: e.isDefault || source === 'default',
    source,
    readOnly: e.readOnly,
    sensitive: e.isSensitive,
    doc: CONFIG_DOCS[e.configName] ?? null,
  }
}

export async function topicConfigs(deps: ConsoleDeps, topic: string): Promise<TopicConfigEntry[]> {
  const res = await (await deps.admin()).describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false })
  const entries = res.resources[0]?.configEntries ?? []
  return entries.map(toConfigEntry).sort((a, b) => a.name.localeCompare(b.name))
}

export async function getTopic(deps: ConsoleDeps, name: string): Promise<TopicDetail> {
  const topic = await deps.wire.topic(name)
  const [partitions, configs] = await Promise.all([partitionInfos(deps, topic), topicConfigs(deps, name)])
  const s = summarize(topic, partitions)
  return { name, topicId: topic.topicId, internal: topic.internal, partitions, configs, messages: s.messages, sizeBytes: s.sizeBytes }
}

export async function createTopic(deps: ConsoleDeps, input: CreateTopicInput): Promise<TopicSummary> {
  const configEntries = Object.entries(input.configs ?? {}).map(([name, value]) => ({ name, value }))
  const created = await (await deps.admin()).createTopics({
    waitForLeaders: true,
    topics: [{ topic: input.name, numPartitions: input.partitions, replicationFactor: input.replicationFactor ?? 1, configEntries }],
  })
  // kafkajs resolves false (instead of rejecting) when the topic already exists.
  if (!created) throw new KafkaProtocolError('TOPIC_ALREADY_EXISTS', `Topic '${input.name}' already exists.`)
  const topic = await deps.wire.topic(input.name)
  return summarize(topic, await partitionInfos(deps, topic))
}

export async function deleteTopic(deps: ConsoleDeps, name: string): Promise<null> {
  await (await deps.admin()).deleteTopics({ topics: [name] })
  deps.throughput.forgetTopic(name)
  return null
}

/**
 * AlterConfigs (the only config write kafkajs 2.2.4 offers) REPLACES a topic's whole override set, so the
 * current overrides are read first and the changes applied on top; value null drops an override.
 */
export async function alterTopicConfigs(deps: ConsoleDeps, topic: string, changes: ConfigChange[]): Promise<TopicConfigEntry[]> {
  const current = await topicConfigs(deps, topic)
  const overrides = new Map(current.filter((c) => c.source === 'topic' && c.value !== null).map((c) => [c.name, c.value!]))
  for (const c of changes) {
    if (c.value === null) overrides.delete(c.name)
    else overrides.set(c.name, c.value)
  }
  await (await deps.admin()).alterConfigs({
    validateOnly: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [...overrides].map(([name, value]) => ({ name, value })) }],
  })
  return topicConfigs(deps, topic)
}

export async function addPartitions(deps: ConsoleDeps, topic: string, count: number): Promise<null> {
  await (await deps.admin()).createPartitions({ topicPartitions: [{ topic, count }] })
  return null
}
