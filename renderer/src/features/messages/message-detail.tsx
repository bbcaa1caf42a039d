import { useState } from 'react'
import type { Bytes, MessageRow } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { Segmented } from '../../components/tabs'
import { formatBytes, formatTimestamp } from '../../lib/format'
import { navigate } from '../../lib/router'
import { copyText } from '../../lib/toast'
import { setReplayDraft } from '../produce/replay'
import { JsonView } from './json-view'
import { bytesForDisplay, detectView, parseJson, rowAsJson, type ValueView } from './value-format'

const views: { id: ValueView; label: string }[] = [{ id: 'json', label: 'JSON' }, { id: 'text', label: 'Text' }, { id: 'hex', label: 'Hex' }, { id: 'base64', label: 'Base64' }]

function BytesView({ title, bytes }: { title: string; bytes: Bytes | null }) {
  const detected = detectView(bytes)
  const [chosen, setChosen] = useState<ValueView | null>(null)
  const view = chosen ?? detected
  const parsed = view === 'json' && bytes?.text != null ? parseJson(bytes.text) : undefined
  return (
    <section className="detail-section">
      <h4>{title}{bytes && <span className="faint" style={{ textTransform: 'none', fontWeight: 400 }}>{formatBytes(bytes.size)}{bytes.truncated ? ' (truncated)' : ''} · detected {detected}</span>}
        <span className="spacer" />
        {bytes && <Segmented label={`${title} format`} options={views} value={view} onChange={setChosen} />}
      </h4>
      {bytes === null ? <div className="value-box faint">null</div>
        : parsed !== undefined && typeof parsed === 'object' && parsed !== null ? <div className="value-box" data-testid={`${title.toLowerCase()}-json`}><JsonView value={parsed} /></div>
          : <pre className="value-box">{bytesForDisplay(bytes, view) || <span className="faint">(empty)</span>}</pre>}
    </section>
  )
}

export function MessageDetail({ row, topic, onClose }: { row: MessageRow; topic: string; onClose: () => void }) {
  const replay = () => {
    const enc = (b: Bytes | null) => b === null ? null : b.text !== null ? { text: b.text, encoding: 'text' as const } : { text: b.base64, encoding: 'base64' as const }
    setReplayDraft({ topic, key: enc(row.key), value: enc(row.value), headers: row.headers.map((h) => ({ key: h.key, value: h.value?.text ?? null })), partition: row.partition })
    navigate({ name: 'produce', topic })
  }
  return (
    <aside className="detail" aria-label="Message detail" data-testid="message-detail">
      <div className="detail-head">
        <h3 className="mono">p{row.partition} · offset {row.offset}</h3>
        <span className="spacer" />
        <button className="btn sm" onClick={() => void copyText(JSON.stringify(rowAsJson(row), null, 2), 'Message copied as JSON')}>{icons.copy} Copy JSON</button>
        <button className="btn sm" onClick={replay} title="Open in the producer with this key, value and headers">{icons.replay} Replay</button>
        <button className="btn ghost sm" onClick={onClose} aria-label="Close detail">{icons.close}</button>
      </div>
      <div className="detail-body">
        <dl className="meta-grid">
          <dt>Timestamp</dt><dd>{formatTimestamp(row.timestamp)} <span className="faint">({row.timestamp})</span></dd>
          <dt>Type</dt><dd>{row.timestampType === 'create-time' ? 'CreateTime (set by producer)' : 'LogAppendTime (set by broker)'}</dd>
          <dt>Partition</dt><dd>{row.partition}</dd>
          <dt>Offset</dt><dd>{row.offset}</dd>
          <dt>Size</dt><dd>{formatBytes(row.sizeBytes)}</dd>
          <dt>Compression</dt><dd>{row.compression}</dd>
          <dt>Batch</dt><dd>base offset {row.batchBaseOffset}{row.isTransactional ? ' · transactional' : ''}{row.producerId !== '-1' ? ` · producer ${row.producerId}` : ''}</dd>
        </dl>
        <BytesView key={`k${row.partition}:${row.offset}`} title="Key" bytes={row.key} />
        <BytesView key={`v${row.partition}:${row.offset}`} title="Value" bytes={row.value} />
        <section className="detail-section">
          <h4>Headers <span className="badge">{row.headers.length}</span></h4>
          {row.headers.length === 0 ? <div className="faint" style={{ fontSize: 12 }}>No headers</div> : (
            <table className="table header-table"><tbody>
              {row.headers.map((h, i) => <tr key={i}><td className="mono" style={{ width: '35%' }}>{h.key}</td><td className="mono truncate">{h.value === null ? <span className="faint">null</span> : h.value.text ?? h.value.base64}</td></tr>)}
            </tbody></table>
          )}
        </section>
      </div>
    </aside>
  )
}
