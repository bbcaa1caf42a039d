/**
 * Topic-level configs with Kafka's names, types, defaults and valid ranges (Kafka's TopicConfig / LogConfig,
 * 3.x). Everything is accepted and reported; retention.*, cleanup.policy, delete.retention.ms,
 * min/max.compaction.lag.ms, min.cleanable.dirty.ratio, max.message.bytes and message.timestamp.type are
 * acted on. Unknown names are rejected with INVALID_CONFIG so typos do not silently do nothing.
 */
export type ConfigType = 'string' | 'int' | 'long' | 'double' | 'boolean' | 'list' | 'class'

export interface ConfigDef {
  name: string
  type: ConfigType
  default: string
  /** The broker-level config whose value is the default (DescribeConfigs synonyms). */
  brokerSynonym?: string
  validate?: (value: string) => string | null
  sensitive?: boolean
}

const LONG_MAX = 2n ** 63n - 1n
const INT_MAX = 2n ** 31n - 1n

/** Integer in [min, max] (Kafka's Range.atLeast / between on INT and LONG configs). */
function integer(min: bigint, max: bigint) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v.trim())) return 'must be an integer'
    const n = BigInt(v.trim())
    if (n < min) return `must be at least ${min}`
    return n > max ? `must be at most ${max}` : null
  }
}
const long = (min: bigint) => integer(min, LONG_MAX)
const int = (min: bigint) => integer(min, INT_MAX)
const oneOf = (...allowed: string[]) => (v: string) => (allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}`)
const bool = oneOf('true', 'false')
const ratio = (v: string) => (v.trim() !== '' && Number(v) >= 0 && Number(v) <= 1 ? null : 'must be between 0 and 1')
const cleanupPolicy = (v: string) => {
  const parts = v.split(',').map((p) => p.trim())
  return parts.length > 0 && parts.every((p) => p === 'delete' || p === 'compact') ? null : 'must be delete, compact or compact,delete'
}
const MAX = LONG_MAX.toString()

export const TOPIC_CONFIGS: readonly ConfigDef[] = [
  { name: 'cleanup.policy', type: 'list', default: 'delete', brokerSynonym: 'log.cleanup.policy', validate: cleanupPolicy },
  { name: 'compression.type', type: 'string', default: 'producer', brokerSynonym: 'compression.type', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd') },
  { name: 'delete.retention.ms', type: 'long', default: '86400000', brokerSynonym: 'log.cleaner.delete.retention.ms', validate: long(0n) },
  { name: 'file.delete.delay.ms', type: 'long', default: '60000', brokerSynonym: 'log.segment.delete.delay.ms', validate: long(0n) },
  { name: 'flush.messages', type: 'long', default: MAX, brokerSynonym: 'log.flush.interval.messages', validate: long(1n) },
  { name: 'flush.ms', type: 'long', default: MAX, brokerSynonym: 'log.flush.interval.ms', validate: long(0n) },
  { name: 'index.interval.bytes', type: 'int', default: '4096', brokerSynonym: 'log.index.interval.bytes', validate: int(0n) },
  { name: 'max.compaction.lag.ms', type: 'long', default: MAX, brokerSynonym: 'log.cleaner.max.compaction.lag.ms', validate: long(1n) },
  { name: 'max.message.bytes', type: 'int', default: '1048588', brokerSynonym: 'message.max.bytes', validate: int(0n) },
  { name: 'message.downconversion.enable', type: 'boolean', default: 'true', brokerSynonym: 'log.message.downconversion.enable', validate: bool },
  { name: 'message.timestamp.after.max.ms', type: 'long', default: MAX, brokerSynonym: 'log.message.timestamp.after.max.ms', validate: long(0n) },
  { name: 'message.timestamp.before.max.ms', type: 'long', default: MAX, brokerSynonym: 'log.message.timestamp.before.max.ms', validate: long(0n) },
  { name: 'message.timestamp.difference.max.ms', type: 'long', default: MAX, brokerSynonym: 'log.message.timestamp.difference.max.ms', validate: long(0n) },
  { name: 'message.timestamp.type', type: 'string', default: 'CreateTime', brokerSynonym: 'log.message.timestamp.type', validate: oneOf('CreateTime', 'LogAppendTime') },
  { name: 'min.cleanable.dirty.ratio', type: 'double', default: '0.5', brokerSynonym: 'log.cleaner.min.cleanable.ratio', validate: ratio },
  { name: 'min.compaction.lag.ms', type: 'long', default: '0', brokerSynonym: 'log.cleaner.min.compaction.lag.ms', validate: long(0n) },
  { name: 'min.insync.replicas', type: 'int', default: '1', brokerSynonym: 'min.insync.replicas', validate: int(1n) },
  { name: 'preallocate', type: 'boolean', default: 'false', brokerSynonym: 'log.preallocate', validate: bool },
  { name: 'retention.bytes', type: 'long', default: '-1', brokerSynonym: 'log.retention.bytes', validate: long(-1n) },
  { name: 'retention.ms', type: 'long', default: '604800000', brokerSynonym: 'log.retention.ms', validate: long(-1n) },
  { name: 'segment.bytes', type: 'int', default: '1073741824', brokerSynonym: 'log.segment.bytes', validate: int(14n) },
  { name: 'segment.index.bytes', type: 'int', default: '10485760', brokerSynonym: 'log.index.size.max.bytes', validate: int(4n) },
  { name: 'segment.jitter.ms', type: 'long', default: '0', brokerSynonym: 'log.roll.jitter.ms', validate: long(0n) },
  { name: 'segment.ms', type: 'long', default: '604800000', brokerSynonym: 'log.roll.ms', validate: long(1n) },
  { name: 'unclean.leader.election.enable', type: 'boolean', default: 'false', brokerSynonym: 'unclean.leader.election.enable', validate: bool },
]

const byName = new Map(TOPIC_CONFIGS.map((def) => [def.name, def]))

export function topicConfigDef(name: string): ConfigDef | undefined {
  return byName.get(name)
}

/** Returns a readable reason when a name/value pair is not acceptable, else null. */
export function validateTopicConfig(name: string, value: string | null): string | null {
  const def = byName.get(name)
  if (!def) return `Unknown topic config name: ${name}`
  if (value === null) return null
  const problem = def.validate?.(value)
  return problem ? `Invalid value ${value} for configuration ${name}: ${problem}` : null
}

/** Checks between configs of one topic's complete override set, as Kafka does on create and alter. */
export function validateTopicConfigSet(overrides: Record<string, string>): string | null {
  const min = BigInt(effectiveTopicConfig(overrides, 'min.compaction.lag.ms'))
  const max = BigInt(effectiveTopicConfig(overrides, 'max.compaction.lag.ms'))
  if (min > max) return `conflict topic config setting min.compaction.lag.ms (${min}) > max.compaction.lag.ms (${max})`
  return null
}

/** Effective value of one config for a topic: override or default. */
export function effectiveTopicConfig(overrides: Record<string, string>, name: string): string {
  return overrides[name] ?? byName.get(name)?.default ?? ''
}
