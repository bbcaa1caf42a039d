import type { TopicDetail } from '../../../../electron/ipc/contract'
import { LoadingRows } from '../../components/states'
import { formatBytes, formatCount, formatRate } from '../../lib/format'

export function PartitionsTab({ detail }: { detail: TopicDetail | undefined }) {
  if (!detail) return <LoadingRows cols={7} />
  return (
    <div className="table-wrap">
      <table className="table" data-testid="partitions-table">
        <thead><tr>
          <th className="num">Partition</th><th className="num">Leader</th><th>Replicas</th>
          <th className="num">Log start</th><th className="num">Log end</th><th className="num">Messages</th><th className="num">Size</th><th className="num">Rate</th>
        </tr></thead>
        <tbody>
          {detail.partitions.map((p) => (
            <tr key={p.partition}>
              <td className="num mono">{p.partition}</td>
              <td className="num mono">{p.leader}</td>
              <td className="mono">{p.replicas.join(', ')}{p.isr.length < p.replicas.length && <span className="badge warn" style={{ marginLeft: 6 }}>under-replicated</span>}</td>
              <td className="num mono">{formatCount(p.logStartOffset)}</td>
              <td className="num mono">{formatCount(p.logEndOffset)}</td>
              <td className="num">{formatCount(p.messages)}</td>
              <td className="num">{formatBytes(p.sizeBytes)}</td>
              <td className="num">{p.messagesPerSec > 0 ? formatRate(p.messagesPerSec) : <span className="faint">idle</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
