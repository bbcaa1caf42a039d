import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { topicQueries } from './queries'

export function ConsumersTab({ topic }: { topic: string }) {
  const consumers = useQuery(topicQueries.consumers(topic))
  if (consumers.isPending) return <LoadingRows cols={4} />
  if (consumers.isError) return <ErrorState error={consumers.error} retry={() => void consumers.refetch()} />
  if (consumers.data.length === 0) {
    return <EmptyState title="No consumer group reads this topic">Groups appear here once they commit an offset for one of its partitions.</EmptyState>
  }
  return (
    <div className="col" style={{ gap: 'var(--s-3)' }}>
      {consumers.data.map((g) => (
        <div className="table-wrap" key={g.groupId}>
          <div className="card-header">
            <h3 className="mono">{g.groupId}</h3><span className="badge">{g.state}</span>
            <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>{g.members} member{g.members === 1 ? '' : 's'}</span>
            <span className="spacer" /><span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>total lag <b>{formatCount(g.lag)}</b></span>
          </div>
          <table className="table">
            <thead><tr><th colSpan={2}>Partition</th><th className="num">Committed</th><th className="num">Log end</th><th className="num">Lag</th></tr></thead>
            <tbody>
              {g.partitions.map((p) => (
                <tr key={p.partition}><td className="mono" colSpan={2}>{p.partition}</td>
                  <td className="num mono">{p.committedOffset ?? '—'}</td><td className="num mono">{formatCount(p.logEndOffset)}</td>
                  <td className="num">{p.lag === null ? '—' : Number(p.lag) > 0 ? <span className="badge warn">{formatCount(p.lag)}</span> : <span className="badge ok">0</span>}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  )
}
