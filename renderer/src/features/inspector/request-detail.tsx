import { useQuery } from '@tanstack/react-query'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { ErrorState } from '../../components/states'
import { formatBytes, formatTimestamp } from '../../lib/format'
import { JsonView } from '../messages/json-view'
import { inspectorQueries } from './queries'
import { forDisplay } from './summarize'

/** One request, decoded on demand by the main process (record batches arrive as summaries, not bytes). */
export function RequestDetail({ entry, onClose }: { entry: InspectorEntry; onClose: () => void }) {
  const decoded = useQuery(inspectorQueries.decode(entry.id))
  const d = decoded.data
  return (
    <aside className="detail" data-testid="inspector-detail" aria-label="Request detail">
      <div className="detail-head">
        <b>{entry.apiName}</b><span className="badge">v{entry.apiVersion}</span>
        <span className="muted mono" style={{ fontSize: 'var(--fs-sm)' }}>correlation {entry.correlationId}</span>
        <span className="spacer" />
        <button className="btn ghost sm" onClick={onClose} aria-label="Close detail">{icons.close}</button>
      </div>
      <div className="detail-body">
        <section className="detail-section">
          <dl className="meta-grid">
            <dt>Time</dt><dd>{formatTimestamp(entry.startedAtMs)}</dd>
            <dt>Connection</dt><dd>#{entry.connectionId}</dd>
            <dt>Client id</dt><dd>{entry.clientId ?? '—'}</dd>
            <dt>Software</dt><dd>{entry.softwareName ? `${entry.softwareName} ${entry.softwareVersion ?? ''}` : '— (ApiVersions below v3)'}</dd>
            <dt>Sizes</dt><dd>{formatBytes(entry.requestBytes)} in · {entry.responseBytes ? formatBytes(entry.responseBytes) : 'no response'} out</dd>
            <dt>Latency</dt><dd>{entry.durationMs.toFixed(3)} ms</dd>
            <dt>Error</dt><dd>{entry.errorCode ? `${entry.errorName} (${entry.errorCode})` : 'none'}</dd>
          </dl>
        </section>
        {decoded.isError ? <ErrorState error={decoded.error} /> : !d ? <div className="muted">Decoding…</div> : (
          <>
            <section className="detail-section" data-testid="decoded-request">
              <h4>Request</h4>
              {d.request === null ? <p className="muted">{d.requestNote}</p> : <JsonView value={forDisplay(d.request)} openDepth={5} />}
            </section>
            <section className="detail-section" data-testid="decoded-response">
              <h4>Response</h4>
              {d.response === null ? <p className="muted">{d.responseNote}</p> : <JsonView value={forDisplay(d.response)} openDepth={5} />}
            </section>
          </>
        )}
      </div>
    </aside>
  )
}
