import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { inspectorQueries } from './queries'

const ms = (v: number) => (v < 1 ? v.toFixed(2) : v.toFixed(1))

/** p50/p95/p99/max per API over the requests in the main process's buffer, refreshed every 2 s. */
export function LatencyTable() {
  const latency = useQuery(inspectorQueries.latency())
  if (latency.isPending) return <LoadingRows cols={6} />
  if (latency.isError) return <ErrorState error={latency.error} retry={() => void latency.refetch()} />
  if (latency.data.length === 0) return <EmptyState title="No requests yet">Latency percentiles appear once clients talk to the broker.</EmptyState>
  const worst = Math.max(...latency.data.map((l) => l.p99Ms), 0.001)
  return (
    <div className="table-wrap">
      <table className="table" data-testid="latency-table">
        <thead><tr><th>API</th><th className="num">Requests</th><th className="num">p50</th><th className="num">p95</th><th className="num">p99</th><th className="num">max</th><th style={{ width: '30%' }}>p99</th></tr></thead>
        <tbody>
          {latency.data.map((l) => (
            <tr key={l.apiKey}>
              <td><b>{l.apiName}</b> <span className="faint mono">#{l.apiKey}</span></td>
              <td className="num">{formatCount(l.count)}</td>
              <td className="num mono">{ms(l.p50Ms)} ms</td>
              <td className="num mono">{ms(l.p95Ms)} ms</td>
              <td className="num mono">{ms(l.p99Ms)} ms</td>
              <td className="num mono muted">{ms(l.maxMs)} ms</td>
              <td><div className="lat-bar"><span style={{ width: `${Math.max(2, (l.p99Ms / worst) * 100)}%` }} /></div></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
