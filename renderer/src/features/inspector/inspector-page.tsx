import { useDeferredValue, useMemo, useRef, useState } from 'react'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState, LoadingRows } from '../../components/states'
import { formatCount } from '../../lib/format'
import { compileFilter, isConsoleRequest, type Predicate } from './filter'
import { filterRows, type FilterCache } from './incremental-filter'
import { LatencyTable } from './latency-table'
import { RequestDetail } from './request-detail'
import { RequestTable } from './request-table'
import { useInspectorFeed } from './use-inspector-feed'

const FILTER_HELP = 'Terms are ANDed. Free text matches API, client id, software, error. Also api:Fetch client:… sw:librdkafka conn:3 slow:10 errors'

export function InspectorPage() {
  const feed = useInspectorFeed()
  const [view, setView] = useState<'requests' | 'latency'>('requests')
  const [text, setText] = useState('')
  const [hideConsole, setHideConsole] = useState(true)
  const [selected, setSelected] = useState<InspectorEntry | null>(null)
  // Deferred: typing stays responsive while the re-filter of up to 10,000 rows (one pass per new filter) catches up.
  const filterText = useDeferredValue(text)
  const predicate = useMemo(() => compileFilter(filterText), [filterText])
  const test = useMemo<Predicate | null>(() => {
    if (!predicate && !hideConsole) return null
    return (e) => !(hideConsole && isConsoleRequest(e)) && (!predicate || predicate(e))
  }, [predicate, hideConsole])
  // Each 250 ms flush only appends: extend the last result rather than re-testing all 10,000 rows.
  const filtered = useRef<FilterCache | null>(null)
  const visible = useMemo(() => (filtered.current = filterRows(feed.rows, test, filtered.current)).out, [feed.rows, test])

  return (
    <div className="page">
      <div className="page-header">
        <h1>Protocol inspector</h1>
        <span className="subtitle">Every request the embedded broker answers, decoded on click</span>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="View">
          <button aria-pressed={view === 'requests'} onClick={() => setView('requests')}>Requests</button>
          <button aria-pressed={view === 'latency'} onClick={() => setView('latency')}>Latency</button>
        </div>
      </div>
      {feed.error ? <ErrorState error={feed.error} /> : feed.available === null ? <LoadingRows cols={8} /> : !feed.available ? (
        <EmptyState title="Not available for a remote cluster" icon={icons.inspector}>
          The inspector sees requests inside Brooklet's embedded broker; Kafka has no API that exposes another cluster's
          traffic. Switch to the embedded broker in the sidebar to use it.
        </EmptyState>
      ) : view === 'latency' ? <LatencyTable /> : (
        <>
          <div className="toolbar">
            <label className="search" title={FILTER_HELP}>
              {icons.search}
              <input className="input" style={{ width: 340 }} placeholder="Filter: fetch  client:orders  errors  slow:10" aria-label="Filter requests"
                value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
            </label>
            <label className="switch"><input type="checkbox" checked={hideConsole} onChange={(e) => setHideConsole(e.target.checked)} /> Hide the console's own requests</label>
            <span className="spacer" />
            <span className="muted" style={{ fontSize: 'var(--fs-sm)' }} data-testid="inspector-count">
              {formatCount(visible.length)} shown · {formatCount(feed.total)} seen
            </span>
            <button className={`btn${feed.paused ? ' primary' : ''}`} onClick={() => feed.setPaused(!feed.paused)} data-testid="inspector-pause">
              {feed.paused ? <>{icons.play} Resume</> : <>{icons.pause} Pause</>}
            </button>
            <button className="btn" onClick={() => { setSelected(null); feed.clear() }}>{icons.trash} Clear</button>
          </div>
          {feed.paused && <div className="info-banner" role="status">Paused — new requests are still recorded; resume to see them.</div>}
          <div className={`browser${selected ? ' with-detail' : ''}`}>
            {visible.length === 0 ? (
              <EmptyState title={feed.rows.length === 0 ? 'Waiting for requests' : 'No request matches the filter'} icon={icons.inspector}>
                {feed.rows.length === 0 ? 'Point a Kafka client at the broker; its requests appear here as they happen.' : FILTER_HELP}
              </EmptyState>
            ) : <RequestTable rows={visible} selectedId={selected?.id ?? null} onSelect={setSelected} />}
            {selected && <RequestDetail key={selected.id} entry={selected} onClose={() => setSelected(null)} />}
          </div>
        </>
      )}
    </div>
  )
}
