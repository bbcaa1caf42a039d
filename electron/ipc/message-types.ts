/** Data types of the message browser, export and produce studio channels (see contract.ts). */
import type { Bytes, Compression, Int64 } from './types'

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
