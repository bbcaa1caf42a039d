import { randomUUID } from 'node:crypto'
import type { Clock, TimerHandle } from './clock'
import { ErrorCode } from '../protocol/error-codes'
import { Member, joinError, selectProtocol, syncError } from './member'
import { GroupJoin } from './group-join'
import { leaveGroup } from './group-leave'
import { syncGroup } from './group-sync'
import type {
  GroupConfig, GroupEvent, GroupState, HeartbeatRequest, JoinMember, JoinRequest, JoinResult, LeaveResult,
  LeavingMember, MemberRemovalReason, SyncRequest, SyncResult,
} from './types'

/**
 * One classic consumer group: Empty → PreparingRebalance → CompletingRebalance → Stable (→ Dead when deleted).
 * JoinGroup and SyncGroup answers are promises resolved when the rebalance phase they wait for completes.
 * Join-request handling lives in group-join.ts; this class owns state, timers and phase transitions.
 */
export class Group {
  state: GroupState = 'Empty'
  generationId = 0
  protocolType: string | null = null
  protocolName: string | null = null
  leaderId: string | null = null
  readonly members = new Map<string, Member>()
  /** groupInstanceId → current memberId (KIP-345 static membership). */
  readonly staticMembers = new Map<string, string>()
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not rejoined yet (KIP-394). */
  readonly pending = new Map<string, TimerHandle>()
  private joinTimer: TimerHandle | undefined
  private initialDelayActive = false
  private newMemberAdded = false
  private readonly joins: GroupJoin

  constructor(
    readonly groupId: string,
    readonly clock: Clock,
    readonly config: GroupConfig,
    private readonly emit: (event: GroupEvent) => void,
  ) {
    this.joins = new GroupJoin(this)
  }

  join(req: JoinRequest): Promise<JoinResult> {
    return this.joins.join(req)
  }

  sync(req: SyncRequest): Promise<SyncResult> {
    return syncGroup(this, req)
  }

  heartbeat(req: HeartbeatRequest): number {
    const error = this.memberError(req.memberId, req.groupInstanceId, req.generationId)
    if (error !== ErrorCode.NONE) return error
    this.scheduleSession(this.members.get(req.memberId)!)
    // Kafka answers NONE in CompletingRebalance: members heartbeat between JoinGroup and SyncGroup.
    return this.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE
  }

  leave(leaving: LeavingMember[]): LeaveResult {
    return leaveGroup(this, leaving)
  }

  /** OffsetCommit validation for a group member (Kafka's classic rules); NONE also counts as a heartbeat. */
  validateCommit(memberId: string, generationId: number, groupInstanceId: string | null): number {
    if (this.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE
    if (this.isFenced(memberId, groupInstanceId)) return ErrorCode.FENCED_INSTANCE_ID
    // Simple (assign()) consumers and admin tools commit with generation -1 into groups without members.
    if (generationId < 0 && this.state === 'Empty') return ErrorCode.NONE
    // The member saw the JoinGroup result but not yet SyncGroup's: let it retry after the sync.
    if (this.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS
    const m = this.members.get(memberId)
    if (!m) return ErrorCode.UNKNOWN_MEMBER_ID
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION
    this.scheduleSession(m)
    return ErrorCode.NONE
  }

  isFenced(memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false
    const current = this.staticMembers.get(groupInstanceId)
    return current !== undefined && current !== memberId
  }

  /** Members with the selected protocol's metadata, as the leader receives them. */
  memberList(): JoinMember[] {
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadataFor(this.protocolName),
    }))
  }

  currentJoinResult(m: Member, skipAssignment = false): JoinResult {
    const isLeader = m.memberId === this.leaderId
    return {
      errorCode: ErrorCode.NONE, generationId: this.generationId, protocolType: this.protocolType,
      protocolName: this.protocolName, leader: this.leaderId ?? '', memberId: m.memberId,
      members: isLeader ? this.memberList() : [], skipAssignment,
    }
  }

  generateMemberId(prefix: string): string {
    return `${prefix}-${randomUUID()}`
  }

  /** Registers a member and waits for the rebalance it starts (or joins). */
  addMemberAndRebalance(memberId: string, req: JoinRequest): Promise<JoinResult> {
    const m = Member.fromJoin(memberId, req)
    if (this.members.size === 0) this.protocolType = req.protocolType
    this.members.set(memberId, m)
    if (m.groupInstanceId !== null) this.staticMembers.set(m.groupInstanceId, memberId)
    this.leaderId ??= memberId
    this.newMemberAdded = true
    this.emit({ type: 'member-joined', groupId: this.groupId, memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost })
    const result = this.awaitJoin(m)
    this.scheduleSession(m)
    this.maybePrepareRebalance()
    return result
  }

  awaitJoin(m: Member): Promise<JoinResult> {
    return new Promise<JoinResult>((resolve) => {
      m.resolveJoin(joinError(m.memberId, ErrorCode.REBALANCE_IN_PROGRESS))
      m.joinResolve = resolve
    })
  }

  maybePrepareRebalance(): void {
    if (this.state === 'PreparingRebalance') this.tryCompleteJoin()
    else if (this.state !== 'Dead') this.prepareRebalance()
  }

  prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      // Assignments of the aborted generation are void; waiting followers must rejoin.
      for (const m of this.members.values()) {
        m.assignment = Buffer.alloc(0)
        m.resolveSync(syncError(ErrorCode.REBALANCE_IN_PROGRESS))
      }
    }
    const wasEmpty = this.state === 'Empty'
    this.transition('PreparingRebalance')
    this.clearJoinTimer()
    if (wasEmpty && this.config.initialRebalanceDelayMs > 0) {
      this.initialDelayActive = true
      this.scheduleInitialDelay(this.clock.now() + this.rebalanceTimeoutMs())
    } else {
      this.joinTimer = this.clock.setTimeout(() => this.completeJoin(), this.rebalanceTimeoutMs())
      this.tryCompleteJoin()
    }
  }

  /** group.initial.rebalance.delay.ms: wait, and wait again while new members keep arriving, up to deadline. */
  private scheduleInitialDelay(deadline: number): void {
    this.newMemberAdded = false
    const delay = Math.min(this.config.initialRebalanceDelayMs, Math.max(0, deadline - this.clock.now()))
    this.joinTimer = this.clock.setTimeout(() => {
      this.joinTimer = undefined
      if (this.newMemberAdded && deadline - this.clock.now() > 0) this.scheduleInitialDelay(deadline)
      else this.completeJoin()
    }, delay)
  }

  tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.initialDelayActive) return
    const allJoined = [...this.members.values()].every((m) => m.awaitingJoin) && this.pending.size === 0
    if (allJoined) this.completeJoin()
  }

  /** End of the join phase: drop dynamic members that did not rejoin, bump the generation, answer joiners. */
  completeJoin(): void {
    this.clearJoinTimer()
    this.initialDelayActive = false
    for (const m of [...this.members.values()]) {
      // Static members keep their slot until their session expires (KIP-345).
      if (!m.awaitingJoin && m.groupInstanceId === null) this.removeMember(m, 'rebalance-timeout')
    }
    if (this.members.size === 0) {
      this.generationId++
      this.protocolName = null
      this.leaderId = null
      this.transition('Empty')
      return
    }
    const joined = [...this.members.values()].filter((m) => m.awaitingJoin)
    if (!joined.some((m) => m.memberId === this.leaderId)) {
      if (joined.length === 0) {
        // Only static members that have not rejoined: wait another round for rejoins or session expiry.
        this.joinTimer = this.clock.setTimeout(() => this.completeJoin(), this.rebalanceTimeoutMs())
        return
      }
      this.leaderId = joined[0]!.memberId
    }
    this.generationId++
    this.protocolName = selectProtocol([...this.members.values()])
    this.transition('CompletingRebalance')
    for (const m of joined) {
      m.resolveJoin(this.currentJoinResult(m))
      this.scheduleSession(m)
    }
  }

  /** Shared member checks of SyncGroup and Heartbeat, in Kafka's order. */
  memberError(memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (this.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE
    if (this.isFenced(memberId, groupInstanceId)) return ErrorCode.FENCED_INSTANCE_ID
    if (!this.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION
    return ErrorCode.NONE
  }

  rebalanceTimeoutMs(): number {
    let max = 0
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs)
    return max
  }

  scheduleSession(m: Member): void {
    if (m.sessionTimer !== undefined) this.clock.clearTimeout(m.sessionTimer)
    m.sessionTimer = this.clock.setTimeout(() => this.onSessionExpired(m), m.sessionTimeoutMs)
  }

  private onSessionExpired(m: Member): void {
    m.sessionTimer = undefined
    if (this.members.get(m.memberId) !== m) return
    // A member blocked in JoinGroup/SyncGroup is alive by definition (its request is parked here).
    if (m.awaitingJoin || m.awaitingSync) return this.scheduleSession(m)
    this.removeMember(m, 'session-timeout')
    this.afterRemoval()
  }

  addPending(memberId: string, sessionTimeoutMs: number): void {
    this.pending.set(memberId, this.clock.setTimeout(() => {
      this.pending.delete(memberId)
      this.tryCompleteJoin()
    }, sessionTimeoutMs))
  }

  removePending(memberId: string): void {
    const timer = this.pending.get(memberId)
    if (timer !== undefined) this.clock.clearTimeout(timer)
    this.pending.delete(memberId)
  }

  removeMember(m: Member, reason: MemberRemovalReason): void {
    this.members.delete(m.memberId)
    if (m.groupInstanceId !== null && this.staticMembers.get(m.groupInstanceId) === m.memberId) {
      this.staticMembers.delete(m.groupInstanceId)
    }
    if (m.sessionTimer !== undefined) this.clock.clearTimeout(m.sessionTimer)
    m.sessionTimer = undefined
    m.resolveJoin(joinError(m.memberId, ErrorCode.UNKNOWN_MEMBER_ID))
    m.resolveSync(syncError(ErrorCode.UNKNOWN_MEMBER_ID))
    if (this.leaderId === m.memberId) this.leaderId = this.members.keys().next().value ?? null
    const base = { groupId: this.groupId, memberId: m.memberId, groupInstanceId: m.groupInstanceId }
    this.emit(reason === 'session-timeout' ? { type: 'member-timed-out', ...base } : { type: 'member-left', ...base, reason })
  }

  /** After members left or expired: Kafka rebalances a settled group and re-checks a joining one. */
  afterRemoval(): void {
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance()
    else if (this.state === 'PreparingRebalance') this.tryCompleteJoin()
  }

  emitReplaced(groupInstanceId: string, oldMemberId: string, newMemberId: string): void {
    this.emit({ type: 'member-replaced', groupId: this.groupId, groupInstanceId, oldMemberId, newMemberId })
  }

  transition(to: GroupState): void {
    const from = this.state
    this.state = to
    this.emit({ type: 'group-state', groupId: this.groupId, from, to, generationId: this.generationId })
  }

  private clearJoinTimer(): void {
    if (this.joinTimer !== undefined) this.clock.clearTimeout(this.joinTimer)
    this.joinTimer = undefined
  }

  /** Clears every timer and answers parked requests; the group is unusable afterwards. */
  close(errorCode: number, markDead: boolean): void {
    this.clearJoinTimer()
    for (const id of [...this.pending.keys()]) this.removePending(id)
    for (const m of this.members.values()) {
      if (m.sessionTimer !== undefined) this.clock.clearTimeout(m.sessionTimer)
      m.sessionTimer = undefined
      m.resolveJoin(joinError(m.memberId, errorCode))
      m.resolveSync(syncError(errorCode))
    }
    if (markDead) this.transition('Dead')
  }
}
