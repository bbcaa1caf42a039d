/** Consumer groups and lag, through kafkajs Admin (ListGroups, DescribeGroups, OffsetFetch). */
import { AssignerProtocol } from './kafkajs'
import type { GroupDetail, GroupMemberInfo, GroupSummary, PartitionLag, TopicConsumer } from '../ipc/contract'
import type { ConsoleDeps } from './deps'
import { LATEST } from './wire-cluster'

export type OffsetRow = PartitionLag & { topic: string }

async function endOffsets(deps: ConsoleDeps, topic: string): Promise<Map<number, bigint>> {
  try {
    const meta = await deps.wire.topic(topic)
    return await deps.wire.listOffsets(meta, meta.partitions.map((p) => p.partition), LATEST)
  } catch {
    return new Map()
  }
}

/** Committed offsets of a group with lag = log end - committed (null when nothing is committed). */
export async function groupOffsets(deps: ConsoleDeps, groupId: string, topics?: string[]): Promise<OffsetRow[]> {
  const admin = await deps.admin()
  const fetched = await admin.fetchOffsets(topics ? { groupId, topics } : { groupId })
  const rows: OffsetRow[] = []
  for (const t of fetched) {
    const ends = await endOffsets(deps, t.topic)
    for (const p of t.partitions) {
      const committed = BigInt(p.offset)
      const end = ends.get(p.partition) ?? 0n
      const has = committed >= 0n
      rows.push({
        topic: t.topic,
        partition: p.partition,
        committedOffset: has ? committed.toString() : null,
        logEndOffset: end.toString(),
        lag: has ? (end > committed ? end - committed : 0n).toString() : null,
      })
    }
  }
  return rows.filter((r) => r.committedOffset !== null || !topics)
}

function totalLag(rows: PartitionLag[]): bigint {
  return rows.reduce((n, r) => n + (r.lag === null ? 0n : BigInt(r.lag)), 0n)
}

export function decodeAssignment(buf: Buffer): { topic: string; partitions: number[] }[] {
  try {
    const a = AssignerProtocol.MemberAssignment.decode(buf)
    return a ? Object.entries(a.assignment).map(([topic, partitions]) => ({ topic, partitions })) : []
  } catch {
    return []
  }
}

export async function listGroups(deps: ConsoleDeps): Promise<GroupSummary[]> {
  const admin = await deps.admin()
  const { groups } = await admin.listGroups()
  if (groups.length === 0) return []
  const { groups: described } = await admin.describeGroups(groups.map((g) => g.groupId))
  const out = await Promise.all(described.map(async (g): Promise<GroupSummary> => {
    const offsets = await groupOffsets(deps, g.groupId).catch(() => [] as OffsetRow[])
    return {
      groupId: g.groupId,
      state: g.state,
      protocolType: g.protocolType,
      protocol: g.protocol,
      members: g.members.length,
      topics: [...new Set(offsets.map((o) => o.topic))].sort(),
      lag: offsets.length > 0 ? totalLag(offsets).toString() : null,
    }
  }))
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId))
}

export async function describeGroup(deps: ConsoleDeps, groupId: string): Promise<GroupDetail> {
  const admin = await deps.admin()
  const { groups } = await admin.describeGroups([groupId])
  const g = groups[0]
  if (!g) throw Object.assign(new Error(`group ${groupId} not found`), { code: 'NOT_FOUND' })
  const members: GroupMemberInfo[] = g.members.map((m) => ({
    memberId: m.memberId,
    clientId: m.clientId,
    host: m.clientHost,
    assignments: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
  }))
  const offsets = await groupOffsets(deps, groupId)
  return { groupId, state: g.state, protocolType: g.protocolType, protocol: g.protocol, members, offsets }
}

/** Groups with committed offsets on `topic` (Kafka has no "who reads this topic" API; this is how tools do it). */
export async function topicConsumers(deps: ConsoleDeps, topic: string): Promise<TopicConsumer[]> {
  const admin = await deps.admin()
  const { groups } = await admin.listGroups()
  const out: TopicConsumer[] = []
  for (const g of groups) {
    const rows = await groupOffsets(deps, g.groupId, [topic]).catch(() => [] as OffsetRow[])
    if (rows.length === 0) continue
    const { groups: described } = await admin.describeGroups([g.groupId])
    out.push({
      groupId: g.groupId,
      state: described[0]?.state ?? 'Unknown',
      members: described[0]?.members.length ?? 0,
      lag: totalLag(rows).toString(),
      partitions: rows.map(({ topic: _t, ...rest }) => rest),
    })
  }
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId))
}
