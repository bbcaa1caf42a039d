import { ErrorCode } from '../protocol/error-codes'
import type { Group } from './group'
import { syncError, type Member } from './member'
import type { SyncRequest, SyncResult } from './types'

/**
 * SyncGroup: followers wait in CompletingRebalance until the leader's SyncGroup brings the assignments;
 * in Stable every member simply gets its current assignment again.
 */
export function syncGroup(g: Group, req: SyncRequest): Promise<SyncResult> {
  const m = g.members.get(req.memberId)
  const error = g.memberError(req.memberId, req.groupInstanceId, req.generationId)
  if (error !== ErrorCode.NONE || !m) return Promise.resolve(syncError(error))
  // SyncGroup v5+ repeats the protocol the member got from JoinGroup (KIP-559); null = field absent.
  if ((req.protocolType !== null && req.protocolType !== g.protocolType) ||
      (req.protocolName !== null && req.protocolName !== g.protocolName)) {
    return Promise.resolve(syncError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL))
  }
  if (g.state === 'PreparingRebalance') return Promise.resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS))
  g.scheduleSession(m)
  if (g.state === 'Stable') return Promise.resolve(syncOk(g, m))
  const result = new Promise<SyncResult>((resolve) => {
    m.resolveSync(syncError(ErrorCode.REBALANCE_IN_PROGRESS))
    m.syncResolve = resolve
  })
  if (m.memberId === g.leaderId) completeSync(g, req.assignments)
  return result
}

/** The leader's assignments end the rebalance; members it did not mention get an empty assignment. */
function completeSync(g: Group, assignments: SyncRequest['assignments']): void {
  const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]))
  for (const m of g.members.values()) m.assignment = byMember.get(m.memberId) ?? Buffer.alloc(0)
  g.transition('Stable')
  for (const m of g.members.values()) m.resolveSync(syncOk(g, m))
}

function syncOk(g: Group, m: Member): SyncResult {
  return { errorCode: ErrorCode.NONE, protocolType: g.protocolType, protocolName: g.protocolName, assignment: m.assignment }
}
