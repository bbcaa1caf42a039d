import { useQuery } from '@tanstack/react-query'
import type { RebalanceEvent, RebalanceEventKind } from '../../../../electron/ipc/contract'
import { ErrorState, LoadingRows } from '../../components/states'
import { shortMember } from './group-format'
import { groupQueries } from './queries'

const LABEL: Record<RebalanceEventKind, string> = {
  'member-joined': 'Member joined',
  'member-left': 'Member left',
  'member-timed-out': 'Member timed out',
  'member-replaced': 'Static member replaced',
  'rebalance-started': 'Rebalance started',
  'join-completed': 'Join completed',
  'sync-completed': 'Sync completed',
  'group-empty': 'Group empty',
  'group-dead': 'Group dead',
  'group-deleted': 'Group deleted',
  'offsets-reset': 'Offsets reset',
}

const TONE: Partial<Record<RebalanceEventKind, string>> = {
  'member-joined': 'ok', 'sync-completed': 'ok', 'member-timed-out': 'danger', 'group-deleted': 'danger', 'group-dead': 'danger',
  'member-left': 'warn', 'rebalance-started': 'warn', 'offsets-reset': 'accent', 'join-completed': 'accent',
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

function Moved({ e }: { e: RebalanceEvent }) {
  if (!e.moved || e.moved.length === 0) return e.kind === 'sync-completed' ? <div className="tl-sub muted">no partition changed owner</div> : null
  const shown = e.moved.slice(0, 12)
  return (
    <div className="tl-moved" data-testid="moved-partitions">
      {shown.map((m) => (
        <span key={`${m.topic}-${m.partition}`} className="chip" title={`${m.fromMember ?? 'unassigned'} → ${m.toMember ?? 'unassigned'}`}>
          <b>{m.topic}-{m.partition}</b> {shortMember(m.fromMember)} → {shortMember(m.toMember)}
        </span>
      ))}
      {e.moved.length > shown.length && <span className="muted">+{e.moved.length - shown.length} more</span>}
    </div>
  )
}

function Row({ e }: { e: RebalanceEvent }) {
  return (
    <li className={`tl-item ${TONE[e.kind] ?? ''}`} data-kind={e.kind} data-testid="timeline-event">
      <span className="tl-dot" aria-hidden />
      <div className="tl-head">
        <strong>{LABEL[e.kind]}</strong>
        {e.generationId !== null && e.generationId > 0 && <span className="badge">gen {e.generationId}</span>}
        {e.clientId && <span className="mono muted tl-client" title={e.memberId ?? ''}>{e.clientId}</span>}
        <span className="spacer" />
        <time className="muted mono">{time(e.atMs)}</time>
      </div>
      <div className="tl-sub">{e.detail}</div>
      <Moved e={e} />
    </li>
  )
}

export function RebalanceTimelineView({ groupId }: { groupId: string }) {
  const timeline = useQuery(groupQueries.timeline(groupId))
  if (timeline.isPending) return <LoadingRows rows={3} cols={2} />
  if (timeline.isError) return <ErrorState error={timeline.error} retry={() => void timeline.refetch()} />
  if (!timeline.data.available) {
    return <p className="muted card-body" style={{ margin: 0 }}>Kafka has no API for a group's rebalance history; the timeline is recorded inside the embedded broker only. Switch to it to see joins, syncs, leaves and timeouts.</p>
  }
  const events = [...timeline.data.events].reverse()
  if (events.length === 0) return <p className="muted card-body" style={{ margin: 0 }}>No rebalances recorded since the console started. Start a consumer in this group to see it join.</p>
  return (
    <ol className="timeline" data-testid="rebalance-timeline">
      {events.slice(0, 200).map((e) => <Row key={e.seq} e={e} />)}
    </ol>
  )
}
