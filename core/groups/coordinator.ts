import type { CommittedOffset, TopicPartitionRef } from '../storage/storage'
import { systemClock, type Clock } from './clock'
import { readAssignment, readSubscriptionTopics, type TopicPartitions } from './consumer-protocol'
import { ErrorCode } from '../protocol/error-codes'
import { GroupEvents } from './events'
import { Group } from './group'
import { joinError, syncError } from './member'
import { GroupOffsets, type OffsetCommitInput, type OffsetFetchResult, type OffsetStore, type PartitionError } from './offsets'
import {
  DEFAULT_GROUP_CONFIG, type GroupConfig, type GroupState, type HeartbeatRequest, type JoinRequest, type JoinResult,
  type LeaveResult, type LeavingMember, type SyncRequest, type SyncResult,
} from './types'

export interface DescribedMember {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  /** Empty unless the group is Stable (as Kafka's DescribeGroups). */
  metadata: Buffer
  assignment: Buffer
}

export interface GroupDescription {
  errorCode: number
  groupId: string
  /** 'Dead' for an unknown group, with no error (Kafka's classic DescribeGroups). */
  state: GroupState
  protocolType: string
  /** The selected protocol while Stable, else ''. */
  protocol: string
  members: DescribedMember[]
}

export interface GroupListing {
  groupId: string
  protocolType: string
  state: GroupState
}

export interface MemberSnapshot {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  sessionTimeoutMs: number
  rebalanceTimeoutMs: number
  /** Decoded for protocolType 'consumer'; null otherwise or if undecodable. */
  assignment: TopicPartitions[] | null
  subscribedTopics: string[] | null
}

export interface GroupSnapshot {
  groupId: string
  state: GroupState
  generationId: number
  protocolType: string | null
  protocol: string | null
  leader: string | null
  members: MemberSnapshot[]
}

export interface GroupCoordinatorOptions {
  storage: OffsetStore
  clock?: Clock
  config?: Partial<GroupConfig>
}

/** All classic groups of the broker (created on first JoinGroup) plus their committed offsets in storage. */
export class GroupCoordinator {
  readonly events = new GroupEvents()
  readonly config: GroupConfig
  private readonly clock: Clock
  private readonly groups = new Map<string, Group>()
  private readonly offsets: GroupOffsets

  constructor(options: GroupCoordinatorOptions) {
    this.clock = options.clock ?? systemClock
    this.config = { ...DEFAULT_GROUP_CONFIG, ...options.config }
    this.offsets = new GroupOffsets(options.storage, this.clock, (e) => this.events.emit(e))
  }

  async join(req: JoinRequest & { groupId: string }): Promise<JoinResult> {
    if (req.groupId === '') return joinError(req.memberId, ErrorCode.INVALID_GROUP_ID)
    let group = this.groups.get(req.groupId)
    if (!group) {
      // Only a first join (no member id) may create a group; a known id for an unknown group is stale.
      if (req.memberId !== '') return joinError(req.memberId, ErrorCode.UNKNOWN_MEMBER_ID)
      group = new Group(req.groupId, this.clock, this.config, (e) => this.events.emit(e))
      this.groups.set(req.groupId, group)
    }
    const result = await group.join(req)
    this.dropIfUnused(group)
    return result
  }

  sync(req: SyncRequest & { groupId: string }): Promise<SyncResult> {
    const group = this.groups.get(req.groupId)
    return group ? group.sync(req) : Promise.resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID))
  }

  heartbeat(req: HeartbeatRequest & { groupId: string }): number {
    return this.groups.get(req.groupId)?.heartbeat(req) ?? ErrorCode.UNKNOWN_MEMBER_ID
  }

  leave(groupId: string, members: LeavingMember[]): LeaveResult {
    const group = this.groups.get(groupId)
    if (group) return group.leave(members)
    return { errorCode: ErrorCode.NONE, members: members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: ErrorCode.UNKNOWN_MEMBER_ID })) }
  }

  /** OffsetCommit; generationId -1 with an empty member id is a "simple" commit (assign() consumers, admin). */
  commitOffsets(groupId: string, memberId: string, generationId: number, groupInstanceId: string | null,
    offsets: OffsetCommitInput[]): PartitionError[] {
    const group = this.groups.get(groupId)
    let error: number
    if (groupId === '') error = ErrorCode.INVALID_GROUP_ID
    else if (group) error = group.validateCommit(memberId, generationId, groupInstanceId)
    // No live group: only a commit outside group management is acceptable; otherwise it is from a gone generation.
    else error = generationId < 0 ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION
    return this.offsets.commit(groupId, error, offsets)
  }

  /** TxnOffsetCommit v3+ (KIP-447): the membership rules of OffsetCommit, without committing anything. */
  validateMember(groupId: string, memberId: string, generationId: number, groupInstanceId: string | null): number {
    if (groupId === '') return ErrorCode.INVALID_GROUP_ID
    const group = this.groups.get(groupId)
    if (group) return group.validateCommit(memberId, generationId, groupInstanceId)
    return generationId < 0 ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION
  }

  /** Offsets a transaction made visible on commit (they were written with its markers). */
  announceCommitted(offsets: CommittedOffset[]): void {
    const byGroup = new Map<string, CommittedOffset[]>()
    for (const o of offsets) byGroup.set(o.group, [...(byGroup.get(o.group) ?? []), o])
    for (const [groupId, list] of byGroup) {
      this.events.emit({ type: 'offsets-committed', groupId,
        partitions: list.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset })) })
    }
  }

  fetchOffsets(groupId: string, topics: { topic: string; partitions: number[] }[] | null): OffsetFetchResult {
    return this.offsets.fetch(groupId, topics)
  }

  deleteOffsets(groupId: string, partitions: TopicPartitionRef[]): { errorCode: number; partitions: PartitionError[] } {
    return this.offsets.delete(groupId, this.groups.get(groupId), partitions)
  }

  describeGroup(groupId: string): GroupDescription {
    const group = this.groups.get(groupId)
    if (!group) {
      const state = this.offsets.hasOffsets(groupId) ? 'Empty' : 'Dead'
      return { errorCode: ErrorCode.NONE, groupId, state, protocolType: '', protocol: '', members: [] }
    }
    const stable = group.state === 'Stable'
    return {
      errorCode: ErrorCode.NONE, groupId, state: group.state, protocolType: group.protocolType ?? '',
      protocol: stable ? group.protocolName ?? '' : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost,
        metadata: stable ? m.metadataFor(group.protocolName) : Buffer.alloc(0),
        assignment: stable ? m.assignment : Buffer.alloc(0),
      })),
    }
  }

  /** Groups with members or committed offsets (the latter as Empty); statesFilter is case-insensitive (KIP-518). */
  listGroups(statesFilter?: string[]): GroupListing[] {
    const listings = new Map<string, GroupListing>()
    for (const g of this.visibleGroups()) {
      listings.set(g.groupId, { groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state })
    }
    for (const id of this.offsets.listGroups()) {
      if (!listings.has(id)) listings.set(id, { groupId: id, protocolType: '', state: 'Empty' })
    }
    const wanted = new Set((statesFilter ?? []).map((s) => s.toLowerCase()))
    return [...listings.values()]
      .filter((l) => wanted.size === 0 || wanted.has(l.state.toLowerCase()))
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0))
  }

  /** DeleteGroups: only Empty groups (NON_EMPTY_GROUP otherwise); removes their committed offsets too. */
  deleteGroups(groupIds: string[]): { groupId: string; errorCode: number }[] {
    return groupIds.map((groupId) => {
      const group = this.groups.get(groupId)
      if (group && group.state !== 'Empty') return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP }
      if (!group && !this.offsets.hasOffsets(groupId)) return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND }
      if (group) {
        group.close(ErrorCode.COORDINATOR_NOT_AVAILABLE, true)
        this.groups.delete(groupId)
      }
      this.offsets.deleteAll(groupId)
      this.events.emit({ type: 'group-deleted', groupId })
      return { groupId, errorCode: ErrorCode.NONE }
    })
  }

  /** Read model for the console: every group with members and decoded assignments. */
  snapshot(): GroupSnapshot[] {
    const result: GroupSnapshot[] = this.visibleGroups().map((g) => ({
      groupId: g.groupId, state: g.state, generationId: g.generationId, protocolType: g.protocolType,
      protocol: g.protocolName, leader: g.leaderId,
      members: [...g.members.values()].map((m) => {
        const consumer = g.protocolType === 'consumer'
        const metadata = m.metadataFor(g.protocolName ?? m.protocols[0]?.name ?? null)
        return {
          memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost,
          sessionTimeoutMs: m.sessionTimeoutMs, rebalanceTimeoutMs: m.rebalanceTimeoutMs,
          assignment: consumer ? readAssignment(m.assignment) ?? null : null,
          subscribedTopics: consumer ? readSubscriptionTopics(metadata) ?? null : null,
        }
      }),
    }))
    for (const id of this.offsets.listGroups()) {
      if (!this.groups.has(id)) {
        result.push({ groupId: id, state: 'Empty', generationId: 0, protocolType: null, protocol: null, leader: null, members: [] })
      }
    }
    return result.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0))
  }

  /** Stops every timer; parked JoinGroup/SyncGroup calls are answered with COORDINATOR_NOT_AVAILABLE. */
  shutdown(): void {
    for (const g of this.groups.values()) g.close(ErrorCode.COORDINATOR_NOT_AVAILABLE, false)
    this.groups.clear()
  }

  /** Hides groups that never formed (only a MEMBER_ID_REQUIRED handshake that was not completed). */
  private visibleGroups(): Group[] {
    return [...this.groups.values()].filter((g) => g.state !== 'Dead' &&
      !(g.state === 'Empty' && g.generationId === 0 && g.members.size === 0))
  }

  /** A group whose only join was refused (or a member id that expired unused) leaves no trace. */
  private dropIfUnused(group: Group): void {
    if (group.state === 'Empty' && group.generationId === 0 && group.members.size === 0 && group.pending.size === 0 &&
        this.groups.get(group.groupId) === group) {
      this.groups.delete(group.groupId)
    }
  }
}
