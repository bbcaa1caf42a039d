import type { GroupDetail, GroupLag } from '../../../../electron/ipc/contract'
import { LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { formatAge } from './group-format'

function LagBadge({ lag }: { lag: string | null }) {
  if (lag === null) return <span className="muted">—</span>
  return Number(lag) > 0 ? <span className="badge warn">{formatCount(lag)}</span> : <span className="badge ok">0</span>
}

function assignmentText(a: { topic: string; partitions: number[] }[]): string {
  return a.map((t) => `${t.topic} [${t.partitions.join(', ')}]`).join('  ') || '—'
}

export function MembersTable({ detail }: { detail: GroupDetail | undefined }) {
  if (!detail) return <LoadingRows rows={2} cols={3} />
  if (detail.members.length === 0) {
    return <p className="muted card-body" style={{ margin: 0 }}>No active members. Committed offsets stay until they expire or the group is deleted.</p>
  }
  return (
    <table className="table" data-testid="members-table">
      <thead><tr><th>Client id</th><th>Host</th><th>Assignment</th></tr></thead>
      <tbody>
        {detail.members.map((m) => (
          <tr key={m.memberId} title={`member ${m.memberId}`}>
            <td className="mono truncate" style={{ maxWidth: 220 }}>{m.clientId}</td>
            <td className="mono muted">{m.host.replace(/^\//, '')}</td>
            <td className="mono assignment">{assignmentText(m.assignments)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** How far the committed offset sits between log start and log end (a small progress bar per partition). */
function Position({ start, end, committed }: { start: string; end: string; committed: string | null }) {
  const s = Number(start)
  const e = Number(end)
  const c = committed === null ? null : Number(committed)
  const pct = c === null || e <= s ? (c === null ? 0 : 100) : Math.max(0, Math.min(100, ((c - s) / (e - s)) * 100))
  return <div className="position" aria-hidden><div style={{ width: `${pct}%` }} /></div>
}

export function PartitionsTable({ lag }: { lag: GroupLag | undefined }) {
  if (!lag) return <LoadingRows rows={3} cols={7} />
  if (lag.partitions.length === 0) return <p className="muted card-body" style={{ margin: 0 }}>The group has no committed offsets and no assigned partitions.</p>
  return (
    <table className="table" data-testid="group-partitions">
      <thead><tr><th>Topic</th><th className="num">Partition</th><th>Member</th><th className="num">Committed</th><th className="num">Log end</th><th style={{ width: 120 }}>Progress</th><th className="num">Lag</th><th className="num">Lag in time</th></tr></thead>
      <tbody>
        {lag.partitions.map((p) => (
          <tr key={`${p.topic}-${p.partition}`} data-testid="group-partition-row">
            <td><a href={`#/topics/${encodeURIComponent(p.topic)}/messages`}>{p.topic}</a></td>
            <td className="num mono">{p.partition}</td>
            <td className="mono muted truncate" style={{ maxWidth: 200 }} title={p.memberId ?? ''}>{p.clientId ?? '—'}</td>
            <td className="num mono">{p.committedOffset === null ? <span className="muted">none</span> : formatCount(p.committedOffset)}</td>
            <td className="num mono">{formatCount(p.logEndOffset)}</td>
            <td><Position start={p.logStartOffset} end={p.logEndOffset} committed={p.committedOffset} /></td>
            <td className="num"><LagBadge lag={p.lag} /></td>
            <td className="num mono">{formatAge(p.lagSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
