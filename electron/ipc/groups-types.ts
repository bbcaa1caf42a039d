/**
 * Consumer-group channels of the IPC contract (issue 7): lag with lag-in-seconds, lag history, offset reset,
 * delete, and the rebalance timeline. Kept in its own file and merged into contract.ts's maps, so the
 * existing channels' shapes stay untouched. Plain JSON; int64 values are decimal strings.
 */
import type { Int64, Result } from './types'

export interface GroupPartitionLag {
  topic: string
  partition: number
  /** null: the group never committed on this partition. */
  committedOffset: Int64 | null
  logStartOffset: Int64
  logEndOffset: Int64
  lag: Int64 | null
  /** Age in seconds of the oldest unconsumed record (now - timestamp of the record at the committed offset); 0 when caught up. */
  lagSeconds: number | null
  /** The member the partition is assigned to right now, if any. */
  memberId: string | null
  clientId: string | null
}

export interface GroupLag {
  groupId: string
  atMs: Int64
  totalLag: Int64
  /** Max over partitions of lagSeconds. */
  maxLagSeconds: number | null
  partitions: GroupPartitionLag[]
}

/** Chart windows; up to 1h is served from 1 s samples, longer windows from 1 min samples (kept 7 days). */
export type LagWindow = '5m' | '15m' | '1h' | '6h' | '24h' | '7d'

export interface LagPoint {
  atMs: number
  /** Max total lag of the group within the point's bucket. */
  lag: number
}

export interface LagHistory {
  groupId: string
  window: LagWindow
  fromMs: number
  toMs: number
  /** Bucket width of the points. */
  resolutionMs: number
  points: LagPoint[]
}

export type OffsetResetTarget =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  /** First offset whose record timestamp >= timestampMs (ListOffsets by time); log end when none. */
  | { kind: 'timestamp'; timestampMs: Int64 }
  | { kind: 'offset'; offset: Int64 }
  /** Moves each committed offset by `by` (negative = re-read), clamped to the log. */
  | { kind: 'shift'; by: Int64 }

export interface OffsetResetRequest {
  groupId: string
  /** Topics to reset; null = every topic the group has committed offsets on. */
  topics: string[] | null
  target: OffsetResetTarget
  /** true: only compute the plan (dry run). */
  dryRun: boolean
}

export interface OffsetResetRow {
  topic: string
  partition: number
  currentOffset: Int64 | null
  newOffset: Int64
  logStartOffset: Int64
  logEndOffset: Int64
  /** Lag after the reset (log end - new offset). */
  lagAfter: Int64
  /** Why the new offset differs from the literal target (clamped to the log, no record after the timestamp...). */
  note: string | null
}

export interface OffsetResetPlan {
  groupId: string
  state: string
  /** null when the reset can be applied; otherwise the reason (Kafka refuses commits from outside a non-empty group). */
  blockedReason: string | null
  applied: boolean
  rows: OffsetResetRow[]
}

export type RebalanceEventKind =
  | 'member-joined' | 'member-left' | 'member-timed-out' | 'member-replaced'
  | 'rebalance-started' | 'join-completed' | 'sync-completed' | 'group-empty' | 'group-dead' | 'group-deleted' | 'offsets-reset'

export interface MovedPartition {
  topic: string
  partition: number
  /** Member ids (kafkajs and the Java client prefix them with the client id); null = unassigned. */
  fromMember: string | null
  toMember: string | null
}

export interface RebalanceEvent {
  seq: number
  atMs: number
  groupId: string
  kind: RebalanceEventKind
  generationId: number | null
  memberId: string | null
  clientId: string | null
  /** Readable one-liner (reason for leaves, state change for transitions). */
  detail: string
  /** sync-completed: assignment per member after the rebalance. */
  assignment: { memberId: string; clientId: string; partitions: { topic: string; partitions: number[] }[] }[] | null
  /** sync-completed: partitions whose owner changed since the previous stable generation. */
  moved: MovedPartition[] | null
}

export interface RebalanceTimeline {
  /** False against a remote cluster: Kafka has no API for a group's rebalance history. */
  available: boolean
  events: RebalanceEvent[]
}

export interface GroupsInvoke {
  'groups:lag': { args: [groupId: string]; result: Result<GroupLag> }
  'groups:lag-history': { args: [groupId: string, window: LagWindow]; result: Result<LagHistory> }
  'groups:reset-offsets': { args: [request: OffsetResetRequest]; result: Result<OffsetResetPlan> }
  'groups:delete': { args: [groupId: string]; result: Result<null> }
  'groups:timeline': { args: [groupId: string]; result: Result<RebalanceTimeline> }
}

export const GROUPS_INVOKE_CHANNELS = [
  'groups:lag', 'groups:lag-history', 'groups:reset-offsets', 'groups:delete', 'groups:timeline',
] as const satisfies readonly (keyof GroupsInvoke)[]

export const LAG_WINDOWS: readonly LagWindow[] = ['5m', '15m', '1h', '6h', '24h', '7d']
