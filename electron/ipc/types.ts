/** Data types of the IPC contract (plain JSON; see contract.ts for the channels). */

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  /** Stable machine code: VALIDATION, NOT_FOUND, UNAVAILABLE, CANCELLED, NOT_SUPPORTED, KAFKA_<NAME>, INTERNAL. */
  code: string
  /** One readable sentence saying what went wrong (and, where possible, what to do). */
  message: string
}

/** Decimal string of an int64 (offsets, timestamps in ms, large totals). */
export type Int64 = string

/** Raw bytes, with a UTF-8 decoding when the bytes are valid UTF-8 (null otherwise). */
export interface Bytes {
  base64: string
  text: string | null
  /** Byte length before any truncation. */
  size: number
  /** True when base64/text hold only a prefix (values over 1 MiB in list views). */
  truncated: boolean
}

export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'

// ---------------------------------------------------------------- app and broker

export interface AppInfo {
  shell: 'electron' | 'browser'
  version: string
  platform: string
}

export type BrokerState = 'starting' | 'running' | 'stopped' | 'unreachable' | 'error'

export interface BrokerStatus {
  state: BrokerState
  /** "host:port" clients use. */
  bootstrap: string
  clusterId: string | null
  /** 'embedded': the broker runs inside this app; 'remote': another Kafka-compatible cluster. */
  mode: 'embedded' | 'remote'
  controllerId: number | null
  /** Embedded only: 'sqlite' | 'memory' | 'null'. */
  storage: string | null
  dataDir: string | null
  startedAtMs: Int64 | null
  /** Set when state is 'error' or 'unreachable'. */
  error: string | null
}

export interface StatsSample {
  atMs: Int64
  messagesInPerSec: number
  bytesInPerSec: number
  messagesOutPerSec: number
  bytesOutPerSec: number
}

export interface LiveStats extends StatsSample {
  totalMessagesIn: Int64
  totalBytesIn: Int64
  totalMessagesOut: Int64
  totalBytesOut: Int64
  /** Last 60 one-second samples, oldest first (for sparklines). */
  history: StatsSample[]
}

export interface BrokerNode {
  nodeId: number
  host: string
  port: number
  rack: string | null
  isController: boolean
}

export interface ClusterOverview {
  clusterId: string | null
  brokers: BrokerNode[]
  topicCount: number
  partitionCount: number
  /** Sum over partitions of (log end - log start). */
  totalMessages: Int64
  /** Embedded only (storage sizes); null against a remote cluster. */
  totalBytes: Int64 | null
  groupCount: number
}

// ---------------------------------------------------------------- topics

export interface TopicSummary {
  name: string
  partitions: number
  messages: Int64
  sizeBytes: Int64 | null
  /** Messages appended per second over the last few seconds. */
  messagesPerSec: number
  internal: boolean
}

export interface PartitionInfo {
  partition: number
  leader: number
  replicas: number[]
  isr: number[]
  logStartOffset: Int64
  logEndOffset: Int64
  messages: Int64
  sizeBytes: Int64 | null
  messagesPerSec: number
}

export type ConfigSource = 'default' | 'topic' | 'broker' | 'static' | 'unknown'

export interface TopicConfigEntry {
  name: string
  /** null when sensitive or unknown. */
  value: string | null
  isDefault: boolean
  source: ConfigSource
  readOnly: boolean
  sensitive: boolean
  /** Short description, when known. */
  doc: string | null
}

export interface TopicDetail {
  name: string
  topicId: string | null
  internal: boolean
  partitions: PartitionInfo[]
  configs: TopicConfigEntry[]
  messages: Int64
  sizeBytes: Int64 | null
}

export interface CreateTopicInput {
  name: string
  partitions: number
  /** Always 1 on the embedded broker. */
  replicationFactor?: number
  /** Overrides such as retention.ms, cleanup.policy. */
  configs?: Record<string, string>
}

/** value null resets the config to its default (removes the override). */
export interface ConfigChange {
  name: string
  value: string | null
}

export interface ConfigDef {
  name: string
  type: string
  defaultValue: string | null
  doc: string
  /** Allowed values, when the config is an enum (cleanup.policy, compression.type, ...). */
  choices: string[] | null
}

export interface PartitionLag {
  partition: number
  committedOffset: Int64 | null
  logEndOffset: Int64
  lag: Int64 | null
}

export interface TopicConsumer {
  groupId: string
  state: string
  members: number
  /** Sum of partition lags. */
  lag: Int64
  partitions: PartitionLag[]
}

// ---------------------------------------------------------------- groups and clients

export interface GroupSummary {
  groupId: string
  state: string
  protocolType: string
  members: number
  topics: string[]
  /** Total lag over committed partitions; null when unknown. */
  lag: Int64 | null
  /** The selected assignor (range, roundrobin, ...) while Stable; '' otherwise. Added in issue 7. */
  protocol?: string
}

export interface GroupMemberInfo {
  memberId: string
  clientId: string
  host: string
  assignments: { topic: string; partitions: number[] }[]
}

export interface GroupDetail {
  groupId: string
  state: string
  protocolType: string
  protocol: string
  members: GroupMemberInfo[]
  offsets: (PartitionLag & { topic: string })[]
}

export interface ClientConnection {
  connectionId: number
  remoteAddress: string
  remotePort: number
  connectedAtMs: Int64
  clientId: string | null
  softwareName: string | null
  softwareVersion: string | null
  bytesIn: number
  bytesOut: number
  requestCount: number
}

export interface ClientList {
  /** False against a remote cluster: Kafka has no API listing connections. */
  available: boolean
  connections: ClientConnection[]
}

// ---------------------------------------------------------------- events

export type BrokerChange =
  | { type: 'topic-created'; topic: string }
  | { type: 'topic-deleted'; topic: string }
  | { type: 'partitions-added'; topic: string }
  | { type: 'topic-configs-changed'; topic: string }
  /** Coalesced: the topics that received records in the last second. */
  | { type: 'records-appended'; topics: string[] }
  | { type: 'connections-changed' }
  | { type: 'groups-changed' }
  | { type: 'status-changed'; status: BrokerStatus }
