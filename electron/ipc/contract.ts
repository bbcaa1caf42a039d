/**
 * The one IPC contract between the console's renderer and its backend (Electron main, or the browser-mode
 * server, which carries the same channels over a WebSocket). The renderer imports this file with
 * `import type` only; runtime validation of every payload lives in ./validators.ts.
 *
 * Data objects are plain JSON: int64 values (offsets, timestamps, totals) are decimal strings, bytes are
 * { base64, text } pairs. Every invoke resolves to a Result and never rejects across the bridge.
 *
 * Invoke channels:
 *   app:info                   which shell (electron | browser), version
 *   broker:status              state, bootstrap, cluster id, embedded or remote
 *   broker:stats               live throughput (also pushed every second as `stats:tick`)
 *   cluster:overview           brokers, topics, partitions, total messages and bytes
 *   topics:list | topics:get | topics:create | topics:delete | topics:alter-configs | topics:add-partitions
 *   topics:config-defs         known topic configs with defaults, for the create form
 *   topics:consumers           groups that committed offsets on a topic, with lag
 *   messages:read              a page of messages from a start position, with filters
 *   messages:tail-start | messages:tail-stop   live tail; rows arrive on `messages:tail`
 *   messages:export            JSON Lines / CSV export; progress on `export:progress`; export:cancel
 *   produce:send               one message or a bulk run (count, rate, templates); progress on `produce:progress`
 *   produce:records            explicit records (replay from the browser, JSON Lines import)
 *   produce:cancel             cancels a running produce job
 *   produce:partition-for-key  the partition a key maps to (same hash the producer uses)
 *   produce:render-template    expands placeholders once, for a preview
 *   templates:list | templates:save | templates:delete   produce templates saved per topic
 *   groups:list | groups:describe
 *   clients:list               open connections (embedded broker only)
 *   files:reveal               shows an exported file in the OS file manager (Electron only)
 * Event channels: broker:changed, stats:tick, messages:tail, produce:progress, export:progress
 */

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

// ---------------------------------------------------------------- messages

export type StartPosition =
  | { kind: 'earliest' }
  /** The newest `limit` messages of the selected partitions. */
  | { kind: 'latest' }
  | { kind: 'offset'; offset: Int64 }
  | { kind: 'timestamp'; timestampMs: Int64 }
  /** Continue from a previous page: MessagePage.next. */
  | { kind: 'cursor'; positions: Record<string, Int64> }

export interface TextFilter {
  pattern: string
  mode: 'contains' | 'regex'
  caseSensitive?: boolean
}

export interface MessageFilters {
  key?: TextFilter
  value?: TextFilter
  /** Matches "name: value" of any header. */
  header?: TextFilter
}

export interface MessageQuery {
  topic: string
  /** null or omitted: all partitions. */
  partitions?: number[] | null
  start: StartPosition
  /** Rows returned, 1..5000. */
  limit: number
  filters?: MessageFilters
  /** Upper bound on messages examined when filtering (default 100,000), so a rare match ends in bounded time. */
  maxScan?: number
}

export interface MessageHeader {
  key: string
  value: Bytes | null
}

export interface MessageRow {
  partition: number
  offset: Int64
  timestamp: Int64
  timestampType: 'create-time' | 'log-append-time'
  key: Bytes | null
  value: Bytes | null
  headers: MessageHeader[]
  /** Encoded record size in bytes. */
  sizeBytes: number
  /** The compression of the batch holding the record. */
  compression: Compression
  batchBaseOffset: Int64
  producerId: Int64
  isTransactional: boolean
}

export interface MessagePage {
  topic: string
  /** Rows ordered by timestamp then partition then offset (one partition: by offset). */
  rows: MessageRow[]
  /** Per partition, the next offset to read; pass back as { kind: 'cursor', positions: next }. */
  next: Record<string, Int64>
  /** Messages examined (>= rows.length when filters are set). */
  scanned: number
  /** True when every selected partition was read to its log end. */
  reachedEnd: boolean
  /** Log start / end per partition at read time. */
  bounds: Record<string, { logStartOffset: Int64; logEndOffset: Int64 }>
}

export interface TailRequest {
  topic: string
  partitions?: number[] | null
  filters?: MessageFilters
}

export interface TailSubscription {
  subscriptionId: string
}

export interface TailBatch {
  subscriptionId: string
  rows: MessageRow[]
  /** Rows not sent because the stream outran the cap (at most ~2,000 rows per second are sent). */
  dropped: number
}

export interface MessageRef {
  partition: number
  offset: Int64
}

export type ExportSource =
  /** A range: from `query.start` (filters applied) until `end` or `maxMessages`. */
  | { kind: 'range'; query: Omit<MessageQuery, 'limit'>; end?: { kind: 'latest' } | { kind: 'offset'; offset: Int64 } | { kind: 'timestamp'; timestampMs: Int64 }; maxMessages?: number }
  /** Selected rows (at most 100,000). */
  | { kind: 'selection'; topic: string; refs: MessageRef[] }

export interface ExportRequest {
  /** Chosen by the caller (1-64 of [A-Za-z0-9_-]) so progress events can be matched before the invoke resolves. */
  jobId: string
  format: 'jsonl' | 'csv'
  source: ExportSource
}

export interface ExportResult {
  jobId: string
  rows: number
  bytes: number
  fileName: string
  /** Electron: absolute path written. Browser mode: null. */
  path: string | null
  /** Browser mode: same-origin URL to download the file (cookie-authenticated). Electron: null. */
  downloadUrl: string | null
  cancelled: boolean
}

export interface ExportProgress {
  jobId: string
  rows: number
  bytes: number
  /** Estimated total rows when known. */
  total: number | null
  done: boolean
}

// ---------------------------------------------------------------- produce

export interface ProduceHeaderInput {
  key: string
  value: string | null
}

export interface ProduceRequest {
  jobId: string
  topic: string
  key: string | null
  value: string | null
  headers?: ProduceHeaderInput[]
  /** 'text' (default) sends UTF-8; 'base64' decodes first (replay of binary data). */
  encoding?: 'text' | 'base64'
  /** An explicit partition, or null to hash the key (murmur2, as Kafka's Java client) / spread null keys. */
  partition: number | null
  compression: Compression
  /** 1..1,000,000 messages. */
  count: number
  /** Messages per second; null for as fast as possible. */
  ratePerSec: number | null
  /** Expand {{uuid}} {{now}} {{seq}} {{int a b}} {{name}} {{firstName}} {{lastName}} {{email}} {{address}} {{city}} {{country}} {{phone}} {{company}} {{bool}} in key, value and header values. */
  template: boolean
}

export interface ProduceRecordInput {
  key: string | null
  value: string | null
  headers?: ProduceHeaderInput[]
  encoding?: 'text' | 'base64'
  partition?: number | null
  timestampMs?: Int64 | null
}

export interface ProduceRecordsRequest {
  jobId: string
  topic: string
  compression: Compression
  /** At most 100,000 records per call. */
  records: ProduceRecordInput[]
}

export interface ProducedOffset {
  partition: number
  offset: Int64
}

export interface ProduceSummary {
  jobId: string
  sent: number
  failed: number
  cancelled: boolean
  durationMs: number
  /** Where the first few messages landed (up to 10). */
  first: ProducedOffset[]
  lastError: string | null
}

export interface ProduceProgress {
  jobId: string
  sent: number
  failed: number
  total: number
  ratePerSec: number
  done: boolean
}

export interface PartitionForKey {
  partition: number
  partitions: number
}

export interface ProduceTemplate {
  topic: string
  name: string
  key: string | null
  value: string | null
  headers: ProduceHeaderInput[]
  updatedAtMs: Int64
}

export type ProduceTemplateInput = Omit<ProduceTemplate, 'topic' | 'updatedAtMs'>

// ---------------------------------------------------------------- groups and clients

export interface GroupSummary {
  groupId: string
  state: string
  protocolType: string
  members: number
  topics: string[]
  /** Total lag over committed partitions; null when unknown. */
  lag: Int64 | null
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

// ---------------------------------------------------------------- the channel maps

export interface Invoke {
  'app:info': { args: []; result: Result<AppInfo> }
  'broker:status': { args: []; result: Result<BrokerStatus> }
  'broker:stats': { args: []; result: Result<LiveStats> }
  'cluster:overview': { args: []; result: Result<ClusterOverview> }
  'topics:list': { args: []; result: Result<TopicSummary[]> }
  'topics:get': { args: [topic: string]; result: Result<TopicDetail> }
  'topics:create': { args: [input: CreateTopicInput]; result: Result<TopicSummary> }
  'topics:delete': { args: [topic: string]; result: Result<null> }
  'topics:alter-configs': { args: [topic: string, changes: ConfigChange[]]; result: Result<TopicConfigEntry[]> }
  'topics:add-partitions': { args: [topic: string, totalCount: number]; result: Result<null> }
  'topics:config-defs': { args: []; result: Result<ConfigDef[]> }
  'topics:consumers': { args: [topic: string]; result: Result<TopicConsumer[]> }
  'messages:read': { args: [query: MessageQuery]; result: Result<MessagePage> }
  'messages:tail-start': { args: [request: TailRequest]; result: Result<TailSubscription> }
  'messages:tail-stop': { args: [subscriptionId: string]; result: Result<null> }
  'messages:export': { args: [request: ExportRequest]; result: Result<ExportResult> }
  'export:cancel': { args: [jobId: string]; result: Result<null> }
  'produce:send': { args: [request: ProduceRequest]; result: Result<ProduceSummary> }
  'produce:records': { args: [request: ProduceRecordsRequest]; result: Result<ProduceSummary> }
  'produce:cancel': { args: [jobId: string]; result: Result<null> }
  'produce:partition-for-key': { args: [topic: string, key: string, encoding?: 'text' | 'base64']; result: Result<PartitionForKey> }
  'produce:render-template': { args: [template: string, seq?: number]; result: Result<string> }
  'templates:list': { args: [topic: string]; result: Result<ProduceTemplate[]> }
  'templates:save': { args: [topic: string, template: ProduceTemplateInput]; result: Result<ProduceTemplate> }
  'templates:delete': { args: [topic: string, name: string]; result: Result<null> }
  'groups:list': { args: []; result: Result<GroupSummary[]> }
  'groups:describe': { args: [groupId: string]; result: Result<GroupDetail> }
  'clients:list': { args: []; result: Result<ClientList> }
  'files:reveal': { args: [path: string]; result: Result<null> }
}

export interface Events {
  'broker:changed': [change: BrokerChange]
  'stats:tick': [stats: LiveStats]
  'messages:tail': [batch: TailBatch]
  'produce:progress': [progress: ProduceProgress]
  'export:progress': [progress: ExportProgress]
}

export type InvokeChannel = keyof Invoke
export type EventChannel = keyof Events
export type InvokeArgs<C extends InvokeChannel> = Invoke[C]['args']
export type InvokeResult<C extends InvokeChannel> = Invoke[C]['result']
export type ResultValue<C extends InvokeChannel> = Extract<InvokeResult<C>, { ok: true }>['value']

/** What the preload exposes as `window.api` (and browser mode's WebSocket client mirrors). */
export interface ConsoleApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (...payload: Events[E]) => void): () => void
}

/** Runtime lists (the preload and the browser-mode server forward only these). Checked against the maps below. */
export const INVOKE_CHANNELS = [
  'app:info', 'broker:status', 'broker:stats', 'cluster:overview',
  'topics:list', 'topics:get', 'topics:create', 'topics:delete', 'topics:alter-configs', 'topics:add-partitions',
  'topics:config-defs', 'topics:consumers',
  'messages:read', 'messages:tail-start', 'messages:tail-stop', 'messages:export', 'export:cancel',
  'produce:send', 'produce:records', 'produce:cancel', 'produce:partition-for-key', 'produce:render-template',
  'templates:list', 'templates:save', 'templates:delete',
  'groups:list', 'groups:describe', 'clients:list', 'files:reveal',
] as const satisfies readonly InvokeChannel[]

export const EVENT_CHANNELS = [
  'broker:changed', 'stats:tick', 'messages:tail', 'produce:progress', 'export:progress',
] as const satisfies readonly EventChannel[]

// Compile-time proof that the runtime lists name every channel (adding one to a map without the list fails here).
type Missing<All, Listed> = Exclude<All, Listed>
const _allInvoke: Missing<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> extends never ? true : never = true
const _allEvents: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : never = true
export const CONTRACT_CHECKS = [_allInvoke, _allEvents] as const

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: string, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } }
}
