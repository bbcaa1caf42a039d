/**
 * groups:lag — per partition: committed offset, log start/end, lag, and lag in seconds (the age of the
 * oldest record the group has not consumed: the record AT the committed offset, since a committed offset
 * names the next record to read). Works against any cluster: OffsetFetch + ListOffsets + one small Fetch
 * per lagging partition.
 */
import type { GroupLag, GroupPartitionLag } from '../ipc/groups-types'
import type { ConsoleDeps } from './deps'
import { decodeAssignment, groupOffsets, type OffsetRow } from './groups'
import { readPartition } from './message-reader'
import { EARLIEST, LATEST, type TopicMeta } from './wire-cluster'

type Owner = { memberId: string; clientId: string }

/** topic -> partition -> member, from DescribeGroups (only a Stable group reports assignments). */
export async function assignmentOwners(deps: ConsoleDeps, groupId: string): Promise<{ state: string; members: number; owners: Map<string, Owner> }> {
  const admin = await deps.admin()
  const { groups } = await admin.describeGroups([groupId])
  const g = groups[0]
  const owners = new Map<string, Owner>()
  if (!g) return { state: 'Dead', members: 0, owners }
  for (const m of g.members) {
    if (g.protocolType !== 'consumer') continue
    for (const a of decodeAssignment(m.memberAssignment)) {
      for (const p of a.partitions) owners.set(`${a.topic}\u0000${p}`, { memberId: m.memberId, clientId: m.clientId })
    }
  }
  return { state: g.state, members: g.members.length, owners }
}

async function oldestUnconsumedAgeSec(deps: ConsoleDeps, meta: TopicMeta, partition: number, from: bigint, end: bigint, nowMs: number): Promise<number | null> {
  try {
    const read = await readPartition(deps.wire, meta, partition, from, end, 1, null, 1)
    const row = read.rows[0]
    if (!row) return null
    const ts = Number(row.timestamp)
    return ts > 0 ? Math.max(0, (nowMs - ts) / 1000) : null
  } catch {
    return null
  }
}

async function topicRows(deps: ConsoleDeps, topic: string, rows: OffsetRow[], owners: Map<string, Owner>, nowMs: number): Promise<GroupPartitionLag[]> {
  let meta: TopicMeta
  try {
    meta = await deps.wire.topic(topic)
  } catch {
    return rows.map((r) => ({ ...r, logStartOffset: '0', lagSeconds: null, memberId: null, clientId: null }))
  }
  const ids = meta.partitions.map((p) => p.partition)
  const [starts, ends] = await Promise.all([deps.wire.listOffsets(meta, ids, EARLIEST), deps.wire.listOffsets(meta, ids, LATEST)])
  const committed = new Map(rows.map((r) => [r.partition, r.committedOffset === null ? null : BigInt(r.committedOffset)]))
  // Assigned partitions without a commit yet belong on the page too (lag unknown until the first commit).
  const shown = ids.filter((p) => committed.has(p) || owners.has(`${topic}\u0000${p}`))
  return Promise.all(shown.map(async (p): Promise<GroupPartitionLag> => {
    const c = committed.get(p) ?? null
    const end = ends.get(p) ?? 0n
    const start = starts.get(p) ?? 0n
    const lag = c === null ? null : end > c ? end - (c < start ? start : c) : 0n
    const owner = owners.get(`${topic}\u0000${p}`)
    let lagSeconds: number | null = lag === 0n ? 0 : null
    if (lag !== null && lag > 0n && c !== null) lagSeconds = await oldestUnconsumedAgeSec(deps, meta, p, c < start ? start : c, end, nowMs)
    return {
      topic, partition: p, committedOffset: c === null ? null : c.toString(), logStartOffset: start.toString(), logEndOffset: end.toString(),
      lag: lag === null ? null : lag.toString(), lagSeconds, memberId: owner?.memberId ?? null, clientId: owner?.clientId ?? null,
    }
  }))
}

export async function groupLag(deps: ConsoleDeps, groupId: string, nowMs = Date.now()): Promise<GroupLag> {
  const [{ owners }, committed] = await Promise.all([assignmentOwners(deps, groupId), groupOffsets(deps, groupId)])
  const byTopic = new Map<string, OffsetRow[]>()
  for (const r of committed) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r])
  for (const key of owners.keys()) {
    const topic = key.split('\u0000')[0]!
    if (!byTopic.has(topic)) byTopic.set(topic, [])
  }
  const partitions = (await Promise.all([...byTopic].map(([t, rows]) => topicRows(deps, t, rows, owners, nowMs)))).flat()
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  const total = partitions.reduce((n, p) => n + (p.lag === null ? 0n : BigInt(p.lag)), 0n)
  const ages = partitions.map((p) => p.lagSeconds).filter((s): s is number => s !== null)
  return { groupId, atMs: String(nowMs), totalLag: total.toString(), maxLagSeconds: ages.length ? Math.max(...ages) : null, partitions }
}
