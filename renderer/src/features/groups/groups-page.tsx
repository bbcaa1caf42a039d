import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { useListNavigation } from '../../lib/keyboard'
import { href, navigate } from '../../lib/router'
import { stateBadge } from './group-page'
import { groupQueries } from './queries'

export function GroupsPage() {
  const groups = useQuery(groupQueries.list())
  const [search, setSearch] = useState('')
  const rows = useMemo(() => (groups.data ?? []).filter((g) => g.groupId.toLowerCase().includes(search.toLowerCase())).sort((a, b) => a.groupId.localeCompare(b.groupId)), [groups.data, search])
  const open = (i: number) => { const g = rows[i]; if (g) navigate({ name: 'group', groupId: g.groupId }) }
  const nav = useListNavigation(rows.length, open)

  return (
    <div className="page">
      <div className="page-header">
        <h1>Consumer groups</h1>{groups.data && <span className="badge">{rows.length}</span>}
        <span className="spacer" />
        <label className="search">{icons.search}<input className="input" data-search placeholder="Search groups  /" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
      </div>
      {groups.isPending ? <LoadingRows cols={6} /> : groups.isError ? <ErrorState error={groups.error} retry={() => void groups.refetch()} /> :
        rows.length === 0 ? <EmptyState title={search ? `No group matches "${search}"` : 'No consumer groups yet'} icon={icons.groups}>
          {search ? 'Try another search.' : 'A group appears when a consumer with a group.id joins or commits offsets.'}
        </EmptyState> : (
          <div className="table-wrap" tabIndex={0} onKeyDown={nav.onKeyDown}>
            <table className="table" data-testid="groups-table">
              <thead><tr><th>Group</th><th>State</th><th>Protocol</th><th className="num">Members</th><th>Topics</th><th className="num">Total lag</th></tr></thead>
              <tbody>
                {rows.map((g, i) => (
                  <tr key={g.groupId} className="clickable" aria-selected={i === nav.selected} onClick={() => open(i)}>
                    <td className="mono"><a href={href({ name: 'group', groupId: g.groupId })} onClick={(e) => e.stopPropagation()}>{g.groupId}</a></td>
                    <td><span className={`badge ${stateBadge(g.state)}`}>{g.state}</span></td>
                    <td className="muted">{g.protocolType || '—'}{g.protocol ? <span className="mono"> · {g.protocol}</span> : ''}</td>
                    <td className="num">{g.members}</td>
                    <td>{g.topics.map((t) => <a key={t} href={`#/topics/${encodeURIComponent(t)}/consumers`} onClick={(e) => e.stopPropagation()} style={{ marginRight: 8 }}>{t}</a>)}</td>
                    <td className="num">{g.lag === null ? '—' : Number(g.lag) > 0 ? <span className="badge warn">{formatCount(g.lag)}</span> : <span className="badge ok">0</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </div>
  )
}
