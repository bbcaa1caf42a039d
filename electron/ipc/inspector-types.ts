/**
 * Data types and channels of console part 2 owned by the inspector slice: protocol inspector, client activity,
 * remote clusters. Kept apart from types.ts so parallel additions to the contract do not collide; contract.ts
 * merges the channel maps below into Invoke / Events and re-exports these types.
 */
import type { Int64, Result } from './types'

// ---------------------------------------------------------------- protocol inspector

/** One request the embedded broker answered (a row of the inspector). */
export interface InspectorEntry {
  /** Increases by one per request; ids are never reused while the app runs. */
  id: number
  startedAtMs: Int64
  connectionId: number
  clientId: string | null
  /** From ApiVersions v3+ (KIP-511); null for clients that send an older ApiVersions (kafkajs). */
  softwareName: string | null
  softwareVersion: string | null
  apiKey: number
  apiName: string
  apiVersion: number
  correlationId: number
  requestBytes: number
  /** 0 when no response was sent (Produce acks=0). */
  responseBytes: number
  durationMs: number
  /** Top-level error code, else the first non-zero per-partition one; 0 = none; null = response not decodable. */
  errorCode: number | null
  /** e.g. "UNKNOWN_TOPIC_OR_PARTITION"; null when errorCode is 0 or null. */
  errorName: string | null
}

export interface InspectorBatch {
  entries: InspectorEntry[]
  /** Requests that arrived in this interval but were not pushed (over the per-push cap); still in the buffer. */
  skipped: number
}

export interface InspectorSnapshot {
  /** False against a remote cluster: requests are only visible inside the embedded broker. */
  available: boolean
  capacity: number
  /** Requests seen since the console started (including those evicted from the buffer). */
  total: number
  /** Newest last. */
  entries: InspectorEntry[]
}

export interface ApiLatency {
  apiKey: number
  apiName: string
  count: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
}

/** JSON produced by decoding a request or response: int64 as strings, record batches as summaries. */
export type DecodedValue = null | boolean | number | string | DecodedValue[] | { [field: string]: DecodedValue }

export interface RecordBatchSummary {
  kind: 'record-batches'
  bytes: number
  batches: {
    baseOffset: Int64
    lastOffset: Int64
    records: number
    codec: string
    bytes: number
    transactional: boolean
    control: boolean
    producerId: Int64
  }[]
  /** Bytes after the last complete batch (a Fetch response may end in a partial batch). */
  partialBytes: number
}

export interface InspectorDecoded {
  id: number
  apiName: string
  apiVersion: number
  /** False when the raw bytes were released to stay inside the memory budget (only the newest are kept). */
  retained: boolean
  request: DecodedValue
  response: DecodedValue
  /** Why a side could not be decoded, e.g. "no response (acks=0)". */
  requestNote: string | null
  responseNote: string | null
}

// ---------------------------------------------------------------- clients

/** What a connection did, from its requests: topics it produced to / fetched from, and its group memberships. */
export interface ClientActivity {
  connectionId: number
  produces: string[]
  fetches: string[]
  groups: { groupId: string; memberId: string }[]
}

export interface TopicClient {
  connectionId: number
  clientId: string | null
  softwareName: string | null
  softwareVersion: string | null
  address: string
  /** Groups this connection's client belongs to (consumers only). */
  groups: string[]
}

export interface TopicClients {
  available: boolean
  producers: TopicClient[]
  consumers: TopicClient[]
}

// ---------------------------------------------------------------- clusters

export interface ClusterInfo {
  /** 'embedded' for the in-app broker; a generated id for remote clusters. */
  id: string
  name: string
  bootstrap: string
  kind: 'embedded' | 'remote'
}

export interface ClusterList {
  activeId: string
  clusters: ClusterInfo[]
}

export interface AddClusterInput {
  name: string
  /** Comma-separated host:port list. */
  bootstrap: string
}

// ---------------------------------------------------------------- channels

export interface InspectorInvoke {
  'inspector:snapshot': { args: [limit?: number]; result: Result<InspectorSnapshot> }
  /** Pushes of `inspector:batch` run only while a view holds a watch (renew within 15 s; false releases). */
  'inspector:watch': { args: [on: boolean]; result: Result<null> }
  'inspector:decode': { args: [id: number]; result: Result<InspectorDecoded> }
  'inspector:latency': { args: []; result: Result<ApiLatency[]> }
  'inspector:clear': { args: []; result: Result<null> }
  'clients:activity': { args: []; result: Result<ClientActivity[]> }
  'clients:topic': { args: [topic: string]; result: Result<TopicClients> }
  'clusters:list': { args: []; result: Result<ClusterList> }
  'clusters:add': { args: [input: AddClusterInput]; result: Result<ClusterInfo> }
  'clusters:remove': { args: [id: string]; result: Result<null> }
  'clusters:switch': { args: [id: string]; result: Result<ClusterList> }
}

export interface InspectorEvents {
  'inspector:batch': [batch: InspectorBatch]
  'clusters:changed': [list: ClusterList]
}

export const INSPECTOR_INVOKE_CHANNELS = [
  'inspector:snapshot', 'inspector:watch', 'inspector:decode', 'inspector:latency', 'inspector:clear',
  'clients:activity', 'clients:topic', 'clusters:list', 'clusters:add', 'clusters:remove', 'clusters:switch',
] as const satisfies readonly (keyof InspectorInvoke)[]

export const INSPECTOR_EVENT_CHANNELS = ['inspector:batch', 'clusters:changed'] as const satisfies readonly (keyof InspectorEvents)[]
