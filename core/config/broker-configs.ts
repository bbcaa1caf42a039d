import type { ResolvedBrokerOptions } from '../broker/options'
import { ConfigSource, CONFIG_TYPE, type DescribedConfig } from './describe-configs'
import { TOPIC_CONFIGS } from './topic-configs'
import { DEFAULT_PRODUCER_EXPIRATION_MS } from '../log/cleaner/cleaner'

/**
 * Broker-level settings as Kafka names them; read-only because they are fixed at start-up. Start-up
 * options are STATIC_BROKER_CONFIG; the broker-level defaults behind every topic config are DEFAULT_CONFIG.
 */
export function describeBrokerConfigs(options: ResolvedBrokerOptions, keys: readonly string[] | null): DescribedConfig[] {
  const entries: [string, string, number, number][] = [
    ['auto.create.topics.enable', String(options.autoCreateTopics), 1, ConfigSource.STATIC_BROKER_CONFIG],
    ['num.partitions', String(options.numPartitions), 3, ConfigSource.STATIC_BROKER_CONFIG],
    ['default.replication.factor', '1', 3, ConfigSource.STATIC_BROKER_CONFIG],
    ['broker.id', String(options.nodeId), 3, ConfigSource.STATIC_BROKER_CONFIG],
    ['socket.request.max.bytes', String(options.maxFrameBytes), 3, ConfigSource.STATIC_BROKER_CONFIG],
    ['offsets.topic.replication.factor', '1', 4, ConfigSource.STATIC_BROKER_CONFIG],
    ['transaction.state.log.replication.factor', '1', 4, ConfigSource.STATIC_BROKER_CONFIG],
    // How often the log cleaner (retention and compaction) runs; 0 = only on request.
    ['log.retention.check.interval.ms', String(options.cleanerIntervalMs), 5, ConfigSource.STATIC_BROKER_CONFIG],
    ['log.cleaner.enable', 'true', 1, ConfigSource.DEFAULT_CONFIG],
    // Idle idempotent producers are forgotten after this long (KIP-854).
    ['producer.id.expiration.ms', String(DEFAULT_PRODUCER_EXPIRATION_MS), 3, ConfigSource.DEFAULT_CONFIG],
  ]
  const seen = new Set(entries.map(([name]) => name))
  for (const def of TOPIC_CONFIGS) {
    if (!def.brokerSynonym || seen.has(def.brokerSynonym)) continue
    seen.add(def.brokerSynonym)
    entries.push([def.brokerSynonym, def.default, CONFIG_TYPE[def.type], ConfigSource.DEFAULT_CONFIG])
  }
  return entries
    .filter(([name]) => keys === null || keys.includes(name))
    .map(([name, value, configType, source]) => ({
      name, value, readOnly: true, isDefault: source === ConfigSource.DEFAULT_CONFIG, source, isSensitive: false, synonyms: [], configType,
    }))
}
