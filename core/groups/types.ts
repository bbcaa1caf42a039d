// Domain types of the classic group protocol (KIP-62/345/394/814 semantics), independent of wire versions:
// handlers map request/response versions onto these.

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead'

export interface GroupProtocol {
  name: string
  metadata: Buffer
}

export interface JoinRequest {
  /** '' for a first join. */
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  sessionTimeoutMs: number
  /** JoinGroup v0 has none: pass sessionTimeoutMs (Kafka does the same). */
  rebalanceTimeoutMs: number
  protocolType: string
  protocols: GroupProtocol[]
  /** JoinGroup v4+ (KIP-394): a first join gets MEMBER_ID_REQUIRED and must rejoin with the given id. */
  requireKnownMemberId: boolean
  reason?: string | null
}

export interface JoinMember {
  memberId: string
  groupInstanceId: string | null
  metadata: Buffer
}

export interface JoinResult {
  errorCode: number
  generationId: number
  protocolType: string | null
  protocolName: string | null
  leader: string
  memberId: string
  /** Non-empty only in the leader's response. */
  members: JoinMember[]
  /** KIP-814 (JoinGroup v9): a rejoining static leader must not recompute the assignment. */
  skipAssignment: boolean
}

export interface SyncRequest {
  memberId: string
  groupInstanceId: string | null
  generationId: number
  /** SyncGroup v5+; null when the version has no such field. */
  protocolType: string | null
  protocolName: string | null
  assignments: { memberId: string; assignment: Buffer }[]
}

export interface SyncResult {
  errorCode: number
  protocolType: string | null
  protocolName: string | null
  assignment: Buffer
}

export interface HeartbeatRequest {
  memberId: string
  groupInstanceId: string | null
  generationId: number
}

export interface LeavingMember {
  /** '' with a groupInstanceId removes a static member by instance id (KIP-345 admin removal). */
  memberId: string
  groupInstanceId: string | null
  reason?: string | null
}

export interface LeaveResult {
  errorCode: number
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[]
}

export type MemberRemovalReason = 'leave' | 'session-timeout' | 'rebalance-timeout' | 'fenced' | 'group-deleted'

export type GroupEvent =
  | { type: 'group-state'; groupId: string; from: GroupState; to: GroupState; generationId: number }
  | { type: 'member-joined'; groupId: string; memberId: string; groupInstanceId: string | null; clientId: string; clientHost: string }
  | { type: 'member-left'; groupId: string; memberId: string; groupInstanceId: string | null; reason: MemberRemovalReason }
  | { type: 'member-timed-out'; groupId: string; memberId: string; groupInstanceId: string | null }
  | { type: 'member-replaced'; groupId: string; groupInstanceId: string; oldMemberId: string; newMemberId: string }
  | { type: 'offsets-committed'; groupId: string; partitions: { topic: string; partition: number; offset: bigint }[] }
  | { type: 'offsets-deleted'; groupId: string }
  | { type: 'group-deleted'; groupId: string }

export interface GroupConfig {
  /**
   * group.initial.rebalance.delay.ms: how long the first rebalance of an Empty group waits for more members
   * (extended by the same delay while members keep arriving, bounded by the rebalance timeout). 0 disables it.
   */
  initialRebalanceDelayMs: number
  /** group.min.session.timeout.ms / group.max.session.timeout.ms; outside → INVALID_SESSION_TIMEOUT. */
  minSessionTimeoutMs: number
  maxSessionTimeoutMs: number
}

/** Kafka's broker default for group.initial.rebalance.delay.ms. */
export const KAFKA_INITIAL_REBALANCE_DELAY_MS = 3000

/**
 * Brooklet's defaults. Initial delay 300 ms instead of Kafka's 3000: on a local broker the consumers of one
 * app or test start within a few ms of each other, so 300 ms still folds them into one rebalance, while 3 s
 * would be added to every consumer start (Kafka's own dev server.properties even sets 0).
 */
export const DEFAULT_GROUP_CONFIG: GroupConfig = {
  initialRebalanceDelayMs: 300,
  minSessionTimeoutMs: 6000,
  maxSessionTimeoutMs: 1_800_000,
}
