import { ErrorCode } from '../protocol/error-codes'
import type { Group } from './group'
import type { LeaveResult, LeavingMember } from './types'

/**
 * LeaveGroup (v3+ batch form, KIP-345). A member may be named by member id, or by groupInstanceId with an
 * empty member id (admin removal of a static member). Per-member errors; one rebalance for the batch.
 */
export function leaveGroup(g: Group, leaving: LeavingMember[]): LeaveResult {
  if (g.state === 'Dead') return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] }
  let removed = false
  let removedPending = false
  const members = leaving.map((l) => {
    const result = { memberId: l.memberId, groupInstanceId: l.groupInstanceId, errorCode: ErrorCode.NONE as number }
    if (l.memberId !== '' && g.pending.has(l.memberId)) {
      g.removePending(l.memberId)
      removedPending = true
      return result
    }
    const byInstance = l.memberId === '' && l.groupInstanceId !== null
    if (!byInstance && g.isFenced(l.memberId, l.groupInstanceId)) {
      result.errorCode = ErrorCode.FENCED_INSTANCE_ID
      return result
    }
    const m = g.members.get(byInstance ? g.staticMembers.get(l.groupInstanceId!) ?? '' : l.memberId)
    if (!m) {
      result.errorCode = ErrorCode.UNKNOWN_MEMBER_ID
      return result
    }
    g.removeMember(m, 'leave')
    removed = true
    return result
  })
  if (removed) g.afterRemoval()
  else if (removedPending) g.tryCompleteJoin()
  return { errorCode: ErrorCode.NONE, members }
}
