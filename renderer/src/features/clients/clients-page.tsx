import { useQuery } from '@tanstack/react-query'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatBytes, formatCount, formatTimestamp } from '../../lib/format'
import { clientQueries } from './queries'

export function ClientsPage() {
  const clients = useQuery(clientQueries.list())
  const list = clients.data
  return (
    <div className="page">
      <div className="page-header">
        <h1>Clients</h1>{list?.available && <span className="badge">{list.connections.length}</span>}
        <span className="subtitle">Open connections to the broker</span>
      </div>
      {clients.isPending ? <LoadingRows cols={6} /> : clients.isError ? <ErrorState error={clients.error} retry={() => void clients.refetch()} /> :
        !list!.available ? <EmptyState title="Not available for this cluster" icon={icons.clients}>Kafka has no API that lists connections; this view works with the embedded broker.</EmptyState> :
          list!.connections.length === 0 ? <EmptyState title="No clients connected" icon={icons.plug}>Point a Kafka client at the bootstrap address in the status bar; it shows up here while connected.</EmptyState> : (
            <div className="table-wrap">
              <table className="table" data-testid="clients-table">
                <thead><tr><th>Client id</th><th>Software</th><th>Address</th><th>Connected</th><th className="num">Requests</th><th className="num">In</th><th className="num">Out</th></tr></thead>
                <tbody>
                  {list!.connections.map((c) => (
                    <tr key={c.connectionId}>
                      <td className="mono">{c.clientId ?? <span className="faint">—</span>}</td>
                      <td>{c.softwareName ? `${c.softwareName} ${c.softwareVersion ?? ''}` : <span className="faint">unknown</span>}</td>
                      <td className="mono muted">{c.remoteAddress}:{c.remotePort}</td>
                      <td className="mono muted">{formatTimestamp(c.connectedAtMs)}</td>
                      <td className="num">{formatCount(c.requestCount)}</td>
                      <td className="num">{formatBytes(c.bytesIn)}</td>
                      <td className="num">{formatBytes(c.bytesOut)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
    </div>
  )
}
