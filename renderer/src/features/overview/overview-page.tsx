import { useQuery } from '@tanstack/react-query'
import { Sparkline } from '../../components/sparkline'
import { ErrorState } from '../../components/states'
import { formatBytes, formatCount, formatRate } from '../../lib/format'
import { brokerQueries } from '../broker/queries'
import { topicQueries } from '../topics/queries'

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="card stat" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
    </div>
  )
}

export function OverviewPage() {
  const overview = useQuery(brokerQueries.overview())
  const stats = useQuery(brokerQueries.stats())
  const status = useQuery(brokerQueries.status())
  const topics = useQuery(topicQueries.list())
  const o = overview.data
  const history = stats.data?.history ?? []
  const busiest = [...(topics.data ?? [])].filter((t) => !t.internal).sort((a, b) => b.messagesPerSec - a.messagesPerSec || Number(b.messages) - Number(a.messages)).slice(0, 5)

  return (
    <div className="page">
      <div className="page-header">
        <h1>Overview</h1>
        {o?.clusterId && <span className="subtitle mono">cluster {o.clusterId}</span>}
      </div>
      {overview.isError ? <ErrorState error={overview.error} retry={() => void overview.refetch()} /> : (
        <>
          <div className="stats">
            <Stat label="Brokers" value={o ? String(o.brokers.length) : '…'} testId="stat-brokers" />
            <Stat label="Topics" value={o ? formatCount(o.topicCount) : '…'} testId="stat-topics" />
            <Stat label="Partitions" value={o ? formatCount(o.partitionCount) : '…'} />
            <Stat label="Messages" value={o ? formatCount(o.totalMessages) : '…'} testId="stat-messages" />
            <Stat label="Size on disk" value={o ? (o.totalBytes === null ? 'n/a' : formatBytes(o.totalBytes)) : '…'} />
            <Stat label="Consumer groups" value={o ? formatCount(o.groupCount) : '…'} />
          </div>
          <div className="card">
            <div className="card-header">
              <h3>Throughput</h3>
              <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>last 60 s</span>
              <span className="spacer" />
              <div className="legend">
                <span><i style={{ background: 'var(--accent)' }} />in {formatRate(stats.data?.messagesInPerSec)}</span>
                <span><i style={{ background: 'var(--ok)' }} />out {formatRate(stats.data?.messagesOutPerSec)}</span>
              </div>
            </div>
            <div className="card-body">
              <Sparkline label="Messages per second, in and out, over the last minute"
                data={history.map((h) => h.messagesInPerSec)} data2={history.map((h) => h.messagesOutPerSec)} />
            </div>
          </div>
          <div className="grid-2" style={{ alignItems: 'start' }}>
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th>Broker</th><th>Address</th><th>Role</th></tr></thead>
                <tbody>
                  {(o?.brokers ?? []).map((b) => (
                    <tr key={b.nodeId}><td className="mono">{b.nodeId}</td><td className="mono">{b.host}:{b.port}</td>
                      <td>{b.isController ? <span className="badge accent">controller</span> : <span className="badge">broker</span>}</td></tr>
                  ))}
                  {status.data && <tr><td className="muted">Storage</td><td className="mono truncate" colSpan={2} title={status.data.dataDir ?? ''}>{status.data.storage ?? 'remote'}{status.data.dataDir ? ` · ${status.data.dataDir}` : ''}</td></tr>}
                </tbody>
              </table>
            </div>
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th>Busiest topics</th><th className="num">Messages</th><th className="num">Rate</th></tr></thead>
                <tbody>
                  {busiest.length === 0 && <tr><td colSpan={3} className="muted">No topics yet. <a href="#/topics">Create one</a> or point a client at the bootstrap address below.</td></tr>}
                  {busiest.map((t) => (
                    <tr key={t.name}><td><a href={`#/topics/${encodeURIComponent(t.name)}/messages`}>{t.name}</a></td>
                      <td className="num">{formatCount(t.messages)}</td><td className="num">{formatRate(t.messagesPerSec)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </div>
  )
}
