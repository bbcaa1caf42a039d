/**
 * Topic-level configs with Kafka's names, types and defaults (Kafka's TopicConfig / LogConfig).
 * Only what a single local broker can honour or report; unknown names are rejected with
 * INVALID_CONFIG so typos do not silently do nothing.
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

const nonNegativeLong = (v: string) => (/^-?\d+$/.test(v) && BigInt(v) >= -1n ? null : 'must be an integer ≥ -1')
const positiveInt = (v: string) => (/^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 2 ** 31 - 1 ? null : 'must be a positive integer')
const nonNegativeInt = (v: string) => (/^\d+$/.test(v) && Number(v) <= 2 ** 31 - 1 ? null : 'must be a non-negative integer')
const oneOf = (...allowed: string[]) => (v: string) => (allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}`)
const bool = oneOf('true', 'false')
const ratio = (v: string) => (Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 1 ? null : 'must be between 0 and 1')
const cleanupPolicy = (v: string) => {
  const parts = v.split(',').map((p) => p.trim())
  return parts.length > 0 && parts.every((p) => p === 'delete' || p === 'compact') ? null : 'must be delete, compact or compact,delete'
}

export const TOPIC_CONFIGS: readonly ConfigDef[] = [
  { name: 'cleanup.policy', type: 'list', default: 'delete', brokerSynonym: 'log.cleanup.policy', validate: cleanupPolicy },
  { name: 'compression.type', type: 'string', default: 'producer', brokerSynonym: 'compression.type', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd') },
  { name: 'delete.retention.ms', type: 'long', default: '86400000', brokerSynonym: 'log.cleaner.delete.retention.ms', validate: nonNegativeLong },
  { name: 'file.delete.delay.ms', type: 'long', default: '60000', brokerSynonym: 'log.segment.delete.delay.ms', validate: nonNegativeLong },
  { name: 'flush.messages', type: 'long', default: '9223372036854775807', brokerSynonym: 'log.flush.interval.messages', validate: nonNegativeLong },
  { name: 'flush.ms', type: 'long', default: '9223372036854775807', brokerSynonym: 'log.flush.interval.ms', validate: nonNegativeLong },
  { name: 'max.compaction.lag.ms', type: 'long', default: '9223372036854775807', brokerSynonym: 'log.cleaner.max.compaction.lag.ms', validate: nonNegativeLong },
  { name: 'max.message.bytes', type: 'int', default: '1048588', brokerSynonym: 'message.max.bytes', validate: nonNegativeInt },
  { name: 'message.timestamp.type', type: 'string', default: 'CreateTime', brokerSynonym: 'log.message.timestamp.type', validate: oneOf('CreateTime', 'LogAppendTime') },
  { name: 'min.cleanable.dirty.ratio', type: 'double', default: '0.5', brokerSynonym: 'log.cleaner.min.cleanable.ratio', validate: ratio },
  { name: 'min.compaction.lag.ms', type: 'long', default: '0', brokerSynonym: 'log.cleaner.min.compaction.lag.ms', validate: nonNegativeLong },
  { name: 'min.insync.replicas', type: 'int', default: '1', brokerSynonym: 'min.insync.replicas', validate: positiveInt },
  { name: 'retention.bytes', type: 'long', default: '-1', brokerSynonym: 'log.retention.bytes', validate: nonNegativeLong },
  { name: 'retention.ms', type: 'long', default: '604800000', brokerSynonym: 'log.retention.ms', validate: nonNegativeLong },
  { name: 'segment.bytes', type: 'int', default: '1073741824', brokerSynonym: 'log.segment.bytes', validate: positiveInt },
  { name: 'segment.ms', type: 'long', default: '604800000', brokerSynonym: 'log.roll.ms', validate: nonNegativeLong },
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

/** Effective value of one config for a topic: override or default. */
export function effectiveTopicConfig(overrides: Record<string, string>, name: string): string {
  return overrides[name] ?? byName.get(name)?.default ?? ''
}
