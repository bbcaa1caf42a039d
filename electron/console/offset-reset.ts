/**
 * groups:reset-offsets — plan (dry run) and apply, like kafka-consumer-groups --reset-offsets: every new
 * offset is clamped to [log start, log end]; a timestamp with no later record resets to the log end.
 * Applying commits from outside the group (OffsetCommit with generation -1), which Kafka only accepts while
 * the group is Empty, so a non-empty group gets the plan with the reason it cannot be applied.
 */
import type { OffsetResetPlan, OffsetResetRequest, OffsetResetRow, OffsetResetTarget } from '../ipc/groups-types'
import type { ConsoleDeps } from './deps'
import { groupOffsets } from './groups'
import { EARLIEST, LATEST } from './wire-cluster'

export interface PartitionPosition {
  topic: string
  partition: number
  committed: bigint | null
  logStart: bigint
  logEnd: bigint
  /** For a timestamp target: ListOffsets' answer (-1 when no record has timestamp >= target). */
  offsetForTimestamp?: bigint
}

function clamp(p: PartitionPosition, offset: bigint, what: string): { offset: bigint; note: string | null } {
  if (offset < p.logStart) return { offset: p.logStart, note: `${what} is before the log start; clamped` }
  if (offset > p.logEnd) return { offset: p.logEnd, note: `${what} is past the log end; clamped` }
  return { offset, note: null }
}

function targetOffset(p: PartitionPosition, target: OffsetResetTarget): { offset: bigint; note: string | null } {
  switch (target.kind) {
    case 'earliest': return { offset: p.logStart, note: null }
    case 'latest': return { offset: p.logEnd, note: null }
    case 'offset': return clamp(p, BigInt(target.offset), `offset ${target.offset}`)
    case 'shift': {
      // Shifting a partition with no commit starts from the log start (the tool does the same).
      const base = p.committed ?? p.logStart
      return clamp(p, base + BigInt(target.by), 'the shifted offset')
    }
    case 'timestamp': {
      const found = p.offsetForTimestamp ?? -1n
      if (found < 0n) return { offset: p.logEnd, note: 'no record at or after the time; set to the log end' }
      return clamp(p, found, 'the offset for the time')
    }
  }
}

/** Pure: the new offset of every partition. */
export function planReset(positions: PartitionPosition[], target: OffsetResetTarget): OffsetResetRow[] {
  return positions.map((p) => {
    const { offset, note } = targetOffset(p, target)
    return {
      topic: p.topic, partition: p.partition,
      currentOffset: p.committed === null ? null : p.committed.toString(),
      newOffset: offset.toString(), logStartOffset: p.logStart.toString(), logEndOffset: p.logEnd.toString(),
      lagAfter: (p.logEnd - offset).toString(), note,
    }
  })
}

export function blockedReason(state: string, members: number): string | null {
  if (state === 'Empty' || state === 'Dead') return null
  return `The group is ${state} with ${members} active member${members === 1 ? '' : 's'}. Kafka accepts offsets from ` +
    'outside a group only while it is empty: stop its consumers (or wait for their session timeout), then reset.'
}

/** Current committed offsets plus log bounds (and, for a timestamp target, the offsets for that time). */
async function positions(deps: ConsoleDeps, req: OffsetResetRequest): Promise<PartitionPosition[]> {
  const committed = await groupOffsets(deps, req.groupId)
  const topics = req.topics ?? [...new Set(committed.map((r) => r.topic))].sort()
  const out: PartitionPosition[] = []
  for (const topic of topics) {
    const meta = await deps.wire.topic(topic)
    const ids = meta.partitions.map((p) => p.partition)
    const ts = req.target.kind === 'timestamp' ? BigInt(req.target.timestampMs) : null
    const [starts, ends, forTs] = await Promise.all([
      deps.wire.listOffsets(meta, ids, EARLIEST), deps.wire.listOffsets(meta, ids, LATEST),
      ts === null ? Promise.resolve(null) : deps.wire.listOffsets(meta, ids, ts),
    ])
    for (const p of ids) {
      const c = committed.find((r) => r.topic === topic && r.partition === p)?.committedOffset ?? null
      out.push({
        topic, partition: p, committed: c === null ? null : BigInt(c), logStart: starts.get(p) ?? 0n, logEnd: ends.get(p) ?? 0n,
        ...(forTs ? { offsetForTimestamp: forTs.get(p) ?? -1n } : {}),
      })
    }
  }
  return out
}

export class GroupNotEmptyError extends Error {
  readonly code = 'GROUP_NOT_EMPTY'
}

export async function resetOffsets(deps: ConsoleDeps, req: OffsetResetRequest): Promise<OffsetResetPlan> {
  const admin = await deps.admin()
  const { groups } = await admin.describeGroups([req.groupId])
  const state = groups[0]?.state ?? 'Dead'
  const blocked = blockedReason(state, groups[0]?.members.length ?? 0)
  const rows = planReset(await positions(deps, req), req.target)
  if (req.dryRun) return { groupId: req.groupId, state, blockedReason: blocked, applied: false, rows }
  if (blocked) throw new GroupNotEmptyError(blocked)
  const byTopic = new Map<string, { partition: number; offset: string }[]>()
  for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), { partition: r.partition, offset: r.newOffset }])
  for (const [topic, partitions] of byTopic) await admin.setOffsets({ groupId: req.groupId, topic, partitions })
  return { groupId: req.groupId, state, blockedReason: null, applied: true, rows }
}
