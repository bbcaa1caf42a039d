import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import type { PartitionInfo, TopicConsumer } from '../../../../electron/ipc/contract'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { topicQueries } from './queries'

/** The lanes poll faster than other topic views: they exist to watch offsets move. */
const LIVE_MS = 1_000
const W = 1000
const LEFT = 56
const RIGHT = 84
const LANE_H = 54
const TRACK_Y = 12
const TRACK_H = 16
/** Up to this many offsets in view, each record is drawn as its own cell. */
const CELL_LIMIT = 150
const GROUP_COLORS = ['#d97706', '#7c3aed', '#059669', '#db2777', '#0891b2', '#65a30d']

interface Domain { lo: number; hi: number }
const xOf = (d: Domain, offset: number) => LEFT + ((offset - d.lo) / Math.max(1, d.hi - d.lo)) * (W - LEFT - RIGHT)

function Lane({ p, index, domain, groups, prevEnd }: { p: PartitionInfo; index: number; domain: Domain; groups: { id: string; color: string; offset: number | null }[]; prevEnd: number | undefined }) {
  const start = Number(p.logStartOffset)
  const end = Number(p.logEndOffset)
  const y = index * LANE_H
  const cells = domain.hi - domain.lo <= CELL_LIMIT
  const cellW = (W - LEFT - RIGHT) / Math.max(1, domain.hi - domain.lo)
  const arrived = prevEnd !== undefined && end > prevEnd ? [prevEnd, end] as const : null
  return (
    <g transform={`translate(0 ${y})`} data-testid="lane">
      <text className="lane-label" x={0} y={TRACK_Y + 12}>P{p.partition}</text>
      <rect className="lane-track" x={LEFT} y={TRACK_Y} width={W - LEFT - RIGHT} height={TRACK_H} rx={3} />
      {cells
        ? Array.from({ length: end - start }, (_, i) => (
          <rect key={start + i} className="lane-fill" x={xOf(domain, start + i) + 0.5} y={TRACK_Y + 2} width={Math.max(1, cellW - 1)} height={TRACK_H - 4} rx={1} />
        ))
        : <rect className="lane-fill" x={xOf(domain, start)} y={TRACK_Y} width={Math.max(0, xOf(domain, end) - xOf(domain, start))} height={TRACK_H} rx={3} />}
      {arrived && <rect key={`${arrived[0]}-${arrived[1]}`} className="lane-new" x={xOf(domain, arrived[0])} y={TRACK_Y} width={Math.max(2, xOf(domain, arrived[1]) - xOf(domain, arrived[0]))} height={TRACK_H} rx={2} />}
      <line className="lane-start" x1={xOf(domain, start)} x2={xOf(domain, start)} y1={TRACK_Y - 4} y2={TRACK_Y + TRACK_H + 4} />
      <line className="lane-hw" x1={xOf(domain, end)} x2={xOf(domain, end)} y1={TRACK_Y - 6} y2={TRACK_Y + TRACK_H + 6} />
      <text className="lane-tick" x={xOf(domain, end) + 4} y={TRACK_Y - 2}>{formatCount(end)}</text>
      <text className="lane-tick" x={W - RIGHT + 8} y={TRACK_Y + 12}>{formatCount(end - start)} msgs</text>
      {groups.map((g, gi) => {
        if (g.offset === null) return null
        const x = xOf(domain, g.offset)
        // Near the right edge the label goes to the left of the marker, so it never runs off the lane.
        const flip = x > W - RIGHT - 170
        return (
          <g key={g.id} className="lane-marker" transform={`translate(${x} ${TRACK_Y + TRACK_H + 2})`}>
            <title>{`${g.id}: committed ${g.offset}, lag ${end - g.offset}`}</title>
            <path d="M0 0 L5 8 L-5 8 Z" fill={g.color} />
            <text x={flip ? -7 : 7} y={9 + gi * 10} fill={g.color} textAnchor={flip ? 'end' : 'start'}>{g.id} · lag {formatCount(end - g.offset)}</text>
          </g>
        )
      })}
    </g>
  )
}

function committed(consumers: TopicConsumer[] | undefined, partition: number) {
  return (consumers ?? []).map((g, i) => {
    const c = g.partitions.find((x) => x.partition === partition)?.committedOffset
    return { id: g.groupId, color: GROUP_COLORS[i % GROUP_COLORS.length]!, offset: c === null || c === undefined ? null : Number(c) }
  })
}

/** Each partition as a lane: log start, the high watermark advancing, committed offsets of every group moving along it. */
export function LanesTab({ topic }: { topic: string }) {
  const detail = useQuery({ ...topicQueries.detail(topic), refetchInterval: LIVE_MS })
  const consumers = useQuery({ ...topicQueries.consumers(topic), refetchInterval: LIVE_MS })
  const previous = useRef(new Map<number, number>())
  const lastSeen = useRef(new Map<number, number>())
  if (detail.isPending) return <LoadingRows cols={3} />
  if (detail.isError) return <ErrorState error={detail.error} retry={() => void detail.refetch()} />
  const parts = detail.data.partitions
  if (parts.length === 0) return <EmptyState title="No partitions">This topic has no partitions.</EmptyState>
  // Remember each partition's end from the previous render, so the records that just arrived can be highlighted.
  for (const p of parts) {
    const end = Number(p.logEndOffset)
    const seen = lastSeen.current.get(p.partition)
    if (seen !== end) {
      if (seen !== undefined) previous.current.set(p.partition, seen)
      lastSeen.current.set(p.partition, end)
    }
  }
  const lo = Math.min(...parts.map((p) => Number(p.logStartOffset)))
  const hi = Math.max(...parts.map((p) => Number(p.logEndOffset)), lo + 1)
  const domain = { lo, hi }
  const groups = consumers.data ?? []
  return (
    <div className="lanes">
      <div className="lanes-legend">
        <span><i style={{ background: 'var(--text-faint)', width: 3 }} />log start</span>
        <span><i style={{ background: 'var(--accent-soft)' }} />records</span>
        <span><i style={{ background: 'var(--accent)' }} />just arrived / high watermark</span>
        {groups.map((g, i) => <span key={g.groupId}><i style={{ background: GROUP_COLORS[i % GROUP_COLORS.length] }} />{g.groupId} (committed)</span>)}
        {groups.length === 0 && <span className="faint">No group has committed offsets on this topic yet.</span>}
      </div>
      <div className="card card-body">
        <svg className="lane-svg" viewBox={`0 0 ${W} ${parts.length * LANE_H + Math.max(0, groups.length - 1) * 10}`} role="img" aria-label={`Partition lanes of ${topic}`} data-testid="lanes">
          {parts.map((p, i) => (
            <Lane key={p.partition} p={p} index={i} domain={domain} groups={committed(groups, p.partition)} prevEnd={previous.current.get(p.partition)} />
          ))}
        </svg>
      </div>
    </div>
  )
}
