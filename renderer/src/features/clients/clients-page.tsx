import { useQuery } from '@tanstack/react-query'
import type { ClientActivity } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatBytes, formatCount, formatTimestamp } from '../../lib/format'
import { href } from '../../lib/router'
import { clientQueries } from './queries'

function TopicChips({ topics, kind }: { topics: string[] | undefined; kind: 'produce' | 'fetch' }) {
  if (!topics || topics.length === 0) return <span className="faint">—</span>
  return (
    <div className="chips">
      {topics.map((t) => <a key={t} className={`chip ${kind}`} href={href({ name: 'topic', topic: t, tab: 'lanes' })}>{t}</a>)}
    </div>
  )
}

export function ClientsPage() {
  const clients = useQuery(clientQueries.list())
  const activity = useQuery(clientQueries.activity())
  const byConnection = new Map<number, ClientActivity>((activity.data ?? []).map((a) => [a.connectionId, a]))
  const list = clients.data
  return (
    <div className="page">
      <div className="page-header">
        <h1>Clients</h1>{list?.available && <span className="badge">{list.connections.length}</span>}
        <span className="subtitle">Open connections to the broker, with what each one produces, fetches and joins</span>
      </div>
      {clients.isPending ? <LoadingRows cols={6} /> : clients.isError ? <ErrorState error={clients.error} retry={() => void clients.refetch()} /> :
        !list!.available ? <EmptyState title="Not available for a remote cluster" icon={icons.clients}>Kafka has no API that lists connections; this view works with the embedded broker. Switch to it in the sidebar.</EmptyState> :
          list!.connections.length === 0 ? <EmptyState title="No clients connected" icon={icons.plug}>Point a Kafka client at the bootstrap address in the status bar; it shows up here while connected. <a href={href({ name: 'connect' })}>Copy a snippet</a>.</EmptyState> : (
            <div className="table-wrap" style={{ overflowX: 'auto' }}>
              <table className="table" data-testid="clients-table">
                <thead><tr>
                  <th>Client id</th><th>Software</th><th>Address</th><th>Connected</th><th>Produces to</th><th>Fetches from</th><th>Groups</th>
                  <th className="num">Requests</th><th className="num">In</th><th className="num">Out</th>
                </tr></thead>
                <tbody>
                  {list!.connections.map((c) => {
                    const a = byConnection.get(c.connectionId)
                    return (
                      <tr key={c.connectionId} data-testid="client-row">
                        <td className="mono">{c.clientId ?? <span className="faint">—</span>}</td>
                        <td>{c.softwareName ? <>{c.softwareName} <span className="faint">{c.softwareVersion ?? ''}</span></> : <span className="faint" title="The client sent ApiVersions below v3, which carries no software name">unknown</span>}</td>
                        <td className="mono muted">{c.remoteAddress}:{c.remotePort}</td>
                        <td className="mono muted" title={formatTimestamp(c.connectedAtMs)}>{formatTimestamp(c.connectedAtMs).slice(11, 19)}</td>
                        <td><TopicChips topics={a?.produces} kind="produce" /></td>
                        <td><TopicChips topics={a?.fetches} kind="fetch" /></td>
                        <td>{a && a.groups.length > 0 ? <div className="chips">{[...new Set(a.groups.map((g) => g.groupId))].map((g) => <span key={g} className="chip group">{g}</span>)}</div> : <span className="faint">—</span>}</td>
                        <td className="num">{formatCount(c.requestCount)}</td>
                        <td className="num">{formatBytes(c.bytesIn)}</td>
                        <td className="num">{formatBytes(c.bytesOut)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
    </div>
  )
}
