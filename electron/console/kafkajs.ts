// kafkajs is CommonJS and Node's ESM loader cannot see its named exports, so take them off the default export.
import kafkajs from 'kafkajs'

export const { Kafka, Partitioners, logLevel, ConfigResourceTypes, ConfigSource, CompressionTypes, CompressionCodecs, AssignerProtocol } = kafkajs
export type { Admin, ConfigEntries, Message, Producer } from 'kafkajs'
