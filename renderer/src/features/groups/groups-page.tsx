import { useQuery } from '@tanstack/react-query'
import { Fragment, useMemo, useState } from 'react'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { useListNavigation } from '../../lib/keyboard'
import { groupQueries } from './queries'

const stateBadge = (s: string) => (s === 'Stable' ? 'ok' : s === 'Empty' || s === 'Dead' ? '' : 'warn')

function GroupMembers({ groupId }: { groupId: string }) {
  const detail = useQuery(groupQueries.detail(groupId))
  if (detail.isPending) return <span className="muted">Loading members…</span>
  if (detail.isError) return <span className="error">{String(detail.error.message)}</span>
  const d = detail.data
  if (d.members.length === 0) return <span className="muted">No active members. Committed offsets remain until they expire.</span>
  return (
    <table className="table header-table">
      <tbody>
        {d.members.map((m) => (
          <tr key={m.memberId}><td className="mono truncate" style={{ maxWidth: 280 }}>{m.clientId}</td><td className="mono muted">{m.host}</td>
            <td className="mono">{m.assignments.map((a) => `${a.topic}[${a.partitions.join(',')}]`).join('  ') || '—'}</td></tr>
        ))}
      </tbody>
    </table>
  )
}

export function GroupsPage() {
  const groups = useQuery(groupQueries.list())
  const [search, setSearch] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const rows = useMemo(() => (groups.data ?? []).filter((g) => g.groupId.toLowerCase().includes(search.toLowerCase())).sort((a, b) => a.groupId.localeCompare(b.groupId)), [groups.data, search])
  const toggle = (i: number) => { const g = rows[i]; if (g) setOpen(open === g.groupId ? null : g.groupId) }
  const nav = useListNavigation(rows.length, toggle)

  return (
    <div className="page">
      <div className="page-header">
        <h1>Consumer groups</h1>{groups.data && <span className="badge">{rows.length}</span>}
        <span className="spacer" />
        <label className="search">{icons.search}<input className="input" data-search placeholder="Search groups  /" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
      </div>
      {groups.isPending ? <LoadingRows cols={5} /> : groups.isError ? <ErrorState error={groups.error} retry={() => void groups.refetch()} /> :
        rows.length === 0 ? <EmptyState title={search ? `No group matches "${search}"` : 'No consumer groups yet'} icon={icons.groups}>
          {search ? 'Try another search.' : 'A group appears when a consumer with a group.id joins or commits offsets.'}
        </EmptyState> : (
          <div className="table-wrap" tabIndex={0} onKeyDown={nav.onKeyDown}>
            <table className="table" data-testid="groups-table">
              <thead><tr><th>Group</th><th>State</th><th className="num">Members</th><th>Topics</th><th className="num">Lag</th></tr></thead>
              <tbody>
                {rows.map((g, i) => (
                  <Fragment key={g.groupId}>
                    <tr className="clickable" aria-selected={i === nav.selected} onClick={() => toggle(i)}>
                      <td className="mono">{g.groupId}</td>
                      <td><span className={`badge ${stateBadge(g.state)}`}>{g.state}</span></td>
                      <td className="num">{g.members}</td>
                      <td>{g.topics.map((t) => <a key={t} href={`#/topics/${encodeURIComponent(t)}/consumers`} onClick={(e) => e.stopPropagation()} style={{ marginRight: 8 }}>{t}</a>)}</td>
                      <td className="num">{g.lag === null ? '—' : Number(g.lag) > 0 ? <span className="badge warn">{formatCount(g.lag)}</span> : <span className="badge ok">0</span>}</td>
                    </tr>
                    {open === g.groupId && <tr><td colSpan={5} style={{ height: 'auto', padding: 'var(--s-2) var(--s-4)', background: 'var(--bg-sunken)' }}><GroupMembers groupId={g.groupId} /></td></tr>}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </div>
  )
}
