import type { ResolvedBrokerOptions } from '../broker/options'
import { ConfigSource, type DescribedConfig } from './describe-configs'
import { topicConfigDef } from './topic-configs'

/** Broker-level settings as Kafka names them; read-only because they are fixed at start-up. */
export function describeBrokerConfigs(options: ResolvedBrokerOptions, keys: readonly string[] | null): DescribedConfig[] {
  const entries: [string, string, number][] = [
    ['auto.create.topics.enable', String(options.autoCreateTopics), 1],
    ['num.partitions', String(options.numPartitions), 3],
    ['default.replication.factor', '1', 3],
    ['broker.id', String(options.nodeId), 3],
    ['socket.request.max.bytes', String(options.maxFrameBytes), 3],
    ['message.max.bytes', topicConfigDef('max.message.bytes')?.default ?? '1048588', 3],
    ['log.retention.ms', topicConfigDef('retention.ms')?.default ?? '604800000', 5],
    ['log.cleanup.policy', 'delete', 7],
    ['offsets.topic.replication.factor', '1', 4],
    ['transaction.state.log.replication.factor', '1', 4],
  ]
  return entries
    .filter(([name]) => keys === null || keys.includes(name))
    .map(([name, value, configType]) => ({
      name, value, readOnly: true, isDefault: false, source: ConfigSource.STATIC_BROKER_CONFIG, isSensitive: false, synonyms: [], configType,
    }))
}
