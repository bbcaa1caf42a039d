/**
 * The rebalance timeline of the embedded broker's groups, recorded from the coordinator's events (Kafka
 * has no API for this, so remote clusters have none). A rebalance reads: rebalance-started (a member
 * joined, left or timed out) → join-completed (new generation) → sync-completed (the leader's assignment,
 * with the partitions that changed owner). Kept in the console database: 7 days, at most 500 per group.
 */
import type Database from 'better-sqlite3'
import type { GroupCoordinator } from '../../core/groups/coordinator'
import type { GroupEvent } from '../../core/groups/types'
import type { MovedPartition, RebalanceEvent } from '../ipc/groups-types'

export const MAX_EVENTS_PER_GROUP = 500
export const EVENT_RETENTION_MS = 7 * 24 * 60 * 60_000

type Assignment = NonNullable<RebalanceEvent['assignment']>
type NewEvent = Omit<RebalanceEvent, 'seq' | 'atMs' | 'groupId' | 'generationId' | 'memberId' | 'clientId' | 'assignment' | 'moved'> &
  Partial<Pick<RebalanceEvent, 'generationId' | 'memberId' | 'clientId' | 'assignment' | 'moved'>>

/** Partitions whose owner differs between two assignments (member ids; null = unassigned). */
export function movedPartitions(before: Map<string, string>, after: Map<string, string>): MovedPartition[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  const moved: MovedPartition[] = []
  for (const key of keys) {
    const from = before.get(key) ?? null
    const to = after.get(key) ?? null
    if (from === to) continue
    const [topic = '', partition = '0'] = key.split('\u0000')
    moved.push({ topic, partition: Number(partition), fromMember: from, toMember: to })
  }
  return moved.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
}

function owners(assignment: Assignment): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of assignment) for (const t of m.partitions) for (const p of t.partitions) out.set(`${t.topic}\u0000${p}`, m.memberId)
  return out
}

export class RebalanceTimeline {
  private readonly insert: Database.Statement<[string, number, string]>
  private readonly select: Database.Statement<[string, number]>
  private readonly trim: Database.Statement<[string, string, number]>
  private readonly expire: Database.Statement<[number]>
  /** Per group: member id -> client id, and the last stable assignment (partition -> member id). */
  private readonly clients = new Map<string, Map<string, string>>()
  private readonly lastOwners = new Map<string, Map<string, string>>()
  private off: (() => void) | null = null
  private inserts = 0

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.insert = db.prepare('INSERT INTO group_events (group_id, at_ms, body) VALUES (?, ?, ?)')
    this.select = db.prepare('SELECT seq, at_ms AS atMs, body FROM group_events WHERE group_id = ? ORDER BY seq DESC LIMIT ?')
    this.trim = db.prepare(`DELETE FROM group_events WHERE group_id = ? AND seq <= (SELECT seq FROM group_events WHERE group_id = ?
      ORDER BY seq DESC LIMIT 1 OFFSET ?)`)
    this.expire = db.prepare('DELETE FROM group_events WHERE at_ms < ?')
  }

  /** Starts recording the coordinator's events. */
  attach(groups: GroupCoordinator): void {
    this.off = groups.events.on((e) => this.onEvent(groups, e))
  }

  detach(): void {
    this.off?.()
    this.off = null
  }

  /** Newest last. */
  events(groupId: string, limit = MAX_EVENTS_PER_GROUP): RebalanceEvent[] {
    const rows = this.select.all(groupId, limit) as { seq: number; atMs: number; body: string }[]
    return rows.reverse().map((r) => ({ ...(JSON.parse(r.body) as Omit<RebalanceEvent, 'seq' | 'atMs' | 'groupId'>), seq: r.seq, atMs: r.atMs, groupId }))
  }

  add(groupId: string, e: NewEvent): void {
    const body = { generationId: null, memberId: null, clientId: null, assignment: null, moved: null, ...e }
    this.insert.run(groupId, this.now(), JSON.stringify(body))
    if (++this.inserts % 50 === 0) {
      this.trim.run(groupId, groupId, MAX_EVENTS_PER_GROUP)
      this.expire.run(this.now() - EVENT_RETENTION_MS)
    }
  }

  private clientOf(groupId: string, memberId: string): string | null {
    return this.clients.get(groupId)?.get(memberId) ?? null
  }

  /** Client ids of departed members are still needed for the sync that follows; bound the map afterwards. */
  private forgetMemberLater(groupId: string, memberId: string): void {
    const known = this.clients.get(groupId)
    if (known && known.size > 1000) known.delete(memberId)
  }

  private onEvent(groups: GroupCoordinator, e: GroupEvent): void {
    switch (e.type) {
      case 'member-joined': {
        const known = this.clients.get(e.groupId) ?? new Map<string, string>()
        known.set(e.memberId, e.clientId)
        this.clients.set(e.groupId, known)
        const session = groups.snapshot().find((g) => g.groupId === e.groupId)?.members.find((m) => m.memberId === e.memberId)?.sessionTimeoutMs
        return this.add(e.groupId, { kind: 'member-joined', memberId: e.memberId, clientId: e.clientId,
          detail: `${e.clientId} joined from ${e.clientHost}${session ? ` (session timeout ${session} ms)` : ''}` })
      }
      case 'member-left':
        this.forgetMemberLater(e.groupId, e.memberId)
        return this.add(e.groupId, { kind: 'member-left', memberId: e.memberId, clientId: this.clientOf(e.groupId, e.memberId),
          detail: e.reason === 'leave' ? 'left the group (LeaveGroup)' : `removed: ${e.reason}` })
      case 'member-timed-out':
        this.forgetMemberLater(e.groupId, e.memberId)
        return this.add(e.groupId, { kind: 'member-timed-out', memberId: e.memberId, clientId: this.clientOf(e.groupId, e.memberId),
          detail: 'no heartbeat within the session timeout; removed without leaving' })
      case 'member-replaced':
        return this.add(e.groupId, { kind: 'member-replaced', memberId: e.newMemberId, clientId: this.clientOf(e.groupId, e.oldMemberId),
          detail: `static member ${e.groupInstanceId} rejoined as ${e.newMemberId} (was ${e.oldMemberId})` })
      case 'group-state':
        return this.onState(groups, e)
      case 'group-deleted':
        this.lastOwners.delete(e.groupId)
        return this.add(e.groupId, { kind: 'group-deleted', detail: 'group deleted (its committed offsets are gone)' })
      default:
    }
  }

  private onState(groups: GroupCoordinator, e: Extract<GroupEvent, { type: 'group-state' }>): void {
    const generationId = e.generationId
    if (e.to === 'PreparingRebalance') return this.add(e.groupId, { kind: 'rebalance-started', generationId, detail: `${e.from} → PreparingRebalance` })
    if (e.to === 'CompletingRebalance') {
      const snap = groups.snapshot().find((g) => g.groupId === e.groupId)
      const n = snap?.members.length ?? 0
      const leader = snap?.leader ? this.clientOf(e.groupId, snap.leader) ?? snap.leader : '?'
      return this.add(e.groupId, { kind: 'join-completed', generationId, detail: `generation ${generationId}: ${n} member${n === 1 ? '' : 's'}, leader ${leader}, protocol ${snap?.protocol ?? '?'}` })
    }
    if (e.to === 'Stable') {
      const snap = groups.snapshot().find((g) => g.groupId === e.groupId)
      const assignment: Assignment = (snap?.members ?? []).map((m) => ({
        memberId: m.memberId, clientId: m.clientId,
        partitions: (m.assignment ?? []).map((a) => ({ topic: a.topic, partitions: [...a.partitions].sort((x, y) => x - y) })),
      }))
      return this.settle(e.groupId, { kind: 'sync-completed', generationId, assignment, detail: `generation ${generationId} stable: assignment synced to ${assignment.length} member${assignment.length === 1 ? '' : 's'}` })
    }
    if (e.to === 'Empty') return this.settle(e.groupId, { kind: 'group-empty', generationId, assignment: [], detail: 'no members left; committed offsets stay' })
    if (e.to === 'Dead') return this.add(e.groupId, { kind: 'group-dead', generationId, detail: `${e.from} → Dead` })
  }

  /** After a restart: the owners from the last recorded assignment, so the first rebalance diffs correctly. */
  private restoreOwners(groupId: string): Map<string, string> {
    const last = this.events(groupId, 50).reverse().find((e) => e.assignment !== null)
    return last?.assignment ? owners(last.assignment) : new Map()
  }

  /** Records a new stable assignment with the partitions that moved since the previous one. */
  private settle(groupId: string, e: NewEvent & { assignment: Assignment }): void {
    const after = owners(e.assignment)
    const moved = movedPartitions(this.lastOwners.get(groupId) ?? this.restoreOwners(groupId), after)
    this.lastOwners.set(groupId, after)
    this.add(groupId, { ...e, moved })
  }
}
