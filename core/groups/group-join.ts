import { ErrorCode } from '../protocol/error-codes'
import { commonProtocols, joinError, selectProtocol, syncError, type Member } from './member'
import type { Group } from './group'
import type { JoinRequest, JoinResult } from './types'

/** JoinGroup handling for one group (Kafka's classic rules incl. KIP-394 and KIP-345). */
export class GroupJoin {
  constructor(private readonly group: Group) {}

  join(req: JoinRequest): Promise<JoinResult> {
    const g = this.group
    const error = this.validate(req)
    if (error !== ErrorCode.NONE) return Promise.resolve(joinError(req.memberId, error))
    if (req.memberId === '') return this.joinUnknown(req)
    if (g.pending.has(req.memberId)) {
      // The KIP-394 rejoin: only now does the member count (and start or join a rebalance).
      g.removePending(req.memberId)
      return g.addMemberAndRebalance(req.memberId, req)
    }
    if (g.isFenced(req.memberId, req.groupInstanceId)) {
      return Promise.resolve(joinError(req.memberId, ErrorCode.FENCED_INSTANCE_ID))
    }
    const m = g.members.get(req.memberId)
    if (!m) return Promise.resolve(joinError(req.memberId, ErrorCode.UNKNOWN_MEMBER_ID))
    return this.joinKnown(m, req)
  }

  private validate(req: JoinRequest): number {
    const g = this.group
    if (g.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE
    const { minSessionTimeoutMs, maxSessionTimeoutMs } = g.config
    if (req.sessionTimeoutMs < minSessionTimeoutMs || req.sessionTimeoutMs > maxSessionTimeoutMs) {
      return ErrorCode.INVALID_SESSION_TIMEOUT
    }
    return this.supports(req) ? ErrorCode.NONE : ErrorCode.INCONSISTENT_GROUP_PROTOCOL
  }

  /** The joiner must share the protocol type and at least one protocol with every other member. */
  private supports(req: JoinRequest): boolean {
    if (req.protocolType === '' || req.protocols.length === 0) return false
    const others = [...this.group.members.values()].filter((m) => m.memberId !== req.memberId &&
      !(req.groupInstanceId !== null && m.groupInstanceId === req.groupInstanceId))
    if (others.length === 0) return true
    if (req.protocolType !== this.group.protocolType) return false
    const common = commonProtocols(others)
    return req.protocols.some((p) => common?.has(p.name))
  }

  private joinUnknown(req: JoinRequest): Promise<JoinResult> {
    const g = this.group
    if (req.groupInstanceId !== null) {
      const newId = g.generateMemberId(req.groupInstanceId)
      const old = g.members.get(g.staticMembers.get(req.groupInstanceId) ?? '')
      return old ? this.replaceStatic(old, newId, req) : g.addMemberAndRebalance(newId, req)
    }
    const newId = g.generateMemberId(req.clientId)
    if (req.requireKnownMemberId) {
      g.addPending(newId, req.sessionTimeoutMs)
      return Promise.resolve(joinError(newId, ErrorCode.MEMBER_ID_REQUIRED))
    }
    return g.addMemberAndRebalance(newId, req)
  }

  private joinKnown(m: Member, req: JoinRequest): Promise<JoinResult> {
    const g = this.group
    const unchanged = m.sameProtocols(req.protocols)
    switch (g.state) {
      case 'PreparingRebalance':
        return this.updateAndRebalance(m, req)
      case 'CompletingRebalance':
        // A retried JoinGroup (lost response) gets the same answer; a changed subscription restarts.
        if (!unchanged) return this.updateAndRebalance(m, req)
        g.scheduleSession(m)
        return Promise.resolve(g.currentJoinResult(m))
      case 'Stable':
        // The leader rejoins to pick up metadata changes, so its join always rebalances.
        if (!unchanged || m.memberId === g.leaderId) return this.updateAndRebalance(m, req)
        g.scheduleSession(m)
        return Promise.resolve(g.currentJoinResult(m))
      default:
        return Promise.resolve(joinError(req.memberId, ErrorCode.UNKNOWN_MEMBER_ID))
    }
  }

  private updateAndRebalance(m: Member, req: JoinRequest): Promise<JoinResult> {
    m.update(req)
    const result = this.group.awaitJoin(m)
    this.group.scheduleSession(m)
    this.group.maybePrepareRebalance()
    return result
  }

  /**
   * KIP-345: a restarted static member (known instance id, no member id) takes over the old member's slot
   * and assignment. In a Stable group whose selected protocol would not change it gets the current
   * generation back without a rebalance; the old member id is fenced.
   */
  private replaceStatic(old: Member, newId: string, req: JoinRequest): Promise<JoinResult> {
    const g = this.group
    const oldId = old.memberId
    old.resolveJoin(joinError(oldId, ErrorCode.FENCED_INSTANCE_ID))
    old.resolveSync(syncError(ErrorCode.FENCED_INSTANCE_ID))
    g.members.delete(oldId)
    old.memberId = newId
    g.members.set(newId, old)
    g.staticMembers.set(req.groupInstanceId!, newId)
    if (g.leaderId === oldId) g.leaderId = newId
    g.emitReplaced(req.groupInstanceId!, oldId, newId)
    old.update(req)
    g.scheduleSession(old)
    if (g.state === 'Stable' && selectProtocol([...g.members.values()]) === g.protocolName) {
      // KIP-814: a static leader must not recompute the assignment (the other members keep theirs).
      const isLeader = newId === g.leaderId
      return Promise.resolve(g.currentJoinResult(old, isLeader))
    }
    const result = g.awaitJoin(old)
    // In CompletingRebalance the leader may be assigning to the old id: start over (as Kafka does).
    g.maybePrepareRebalance()
    return result
  }
}
