import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatBytes, formatCount, formatRate } from '../../lib/format'
import { useListNavigation } from '../../lib/keyboard'
import { navigate } from '../../lib/router'
import { CreateTopicDialog } from './create-topic-dialog'
import { DeleteTopicDialog } from './delete-topic-dialog'
import { topicQueries } from './queries'

export function TopicsPage() {
  const topics = useQuery(topicQueries.list())
  const [search, setSearch] = useState('')
  const [showInternal, setShowInternal] = useState(false)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase()
    return (topics.data ?? []).filter((t) => (showInternal || !t.internal) && t.name.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name))
  }, [topics.data, search, showInternal])
  const open = (i: number) => { const t = rows[i]; if (t) navigate({ name: 'topic', topic: t.name, tab: 'messages' }) }
  const nav = useListNavigation(rows.length, open)

  return (
    <div className="page">
      <div className="page-header">
        <h1>Topics</h1>
        {topics.data && <span className="badge">{rows.length}</span>}
        <span className="spacer" />
        <label className="search">
          {icons.search}
          <input className="input" data-search placeholder="Search topics  /" value={search} aria-label="Search topics"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'ArrowDown') { (e.currentTarget.closest('.page')?.querySelector('.table-wrap') as HTMLElement | null)?.focus() } }} />
        </label>
        <label className="switch"><input type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} />internal</label>
        <button className="btn primary" onClick={() => setCreating(true)}>{icons.plus} New topic</button>
      </div>
      {topics.isPending ? <LoadingRows cols={5} /> : topics.isError ? <ErrorState error={topics.error} retry={() => void topics.refetch()} /> :
        rows.length === 0 ? (
          search ? <EmptyState title={`No topic matches "${search}"`} action={<button className="btn" onClick={() => setSearch('')}>Clear search</button>} />
            : <EmptyState title="No topics yet" action={<button className="btn primary" onClick={() => setCreating(true)}>{icons.plus} Create a topic</button>}>
              Create one here, or let a producer create it: Brooklet auto-creates topics on first write.
            </EmptyState>
        ) : (
          <div className="table-wrap" tabIndex={0} onKeyDown={nav.onKeyDown} aria-label="Topics">
            <table className="table" data-testid="topics-table">
              <thead><tr><th>Name</th><th className="num">Partitions</th><th className="num">Messages</th><th className="num">Size</th><th className="num">Rate</th><th style={{ width: 40 }} /></tr></thead>
              <tbody>
                {rows.map((t, i) => (
                  <tr key={t.name} className="clickable" aria-selected={i === nav.selected} onClick={() => open(i)}>
                    <td><a href={`#/topics/${encodeURIComponent(t.name)}/messages`} onClick={(e) => e.stopPropagation()}>{t.name}</a>{t.internal && <span className="badge" style={{ marginLeft: 8 }}>internal</span>}</td>
                    <td className="num">{t.partitions}</td>
                    <td className="num">{formatCount(t.messages)}</td>
                    <td className="num">{formatBytes(t.sizeBytes)}</td>
                    <td className="num">{t.messagesPerSec > 0 ? <span className="badge ok">{formatRate(t.messagesPerSec)}</span> : <span className="faint">idle</span>}</td>
                    <td><button className="btn ghost sm danger" title={`Delete ${t.name}`} aria-label={`Delete ${t.name}`} onClick={(e) => { e.stopPropagation(); setDeleting(t.name) }}>{icons.trash}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {creating && <CreateTopicDialog existing={(topics.data ?? []).map((t) => t.name)} onClose={() => setCreating(false)} />}
      {deleting && <DeleteTopicDialog topic={deleting} onClose={() => setDeleting(null)} />}
    </div>
  )
}
