import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef, type KeyboardEvent } from 'react'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { formatBytes } from '../../lib/format'

const rowHeight = 28

function clock(ms: string): string {
  const d = new Date(Number(ms))
  const pad = (x: number, w = 2) => String(x).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

function latencyClass(ms: number): string {
  return ms >= 100 ? 'lat-slow' : ms >= 10 ? 'lat-mid' : 'lat-fast'
}

const Row = memo(function Row({ e, selected, onSelect, top }: { e: InspectorEntry; selected: boolean; onSelect: (e: InspectorEntry) => void; top: number }) {
  return (
    <div className="insp-row" role="row" aria-selected={selected} data-testid="inspector-row" style={{ transform: `translateY(${top}px)` }} onClick={() => onSelect(e)}>
      <span className="mono muted">{clock(e.startedAtMs)}</span>
      <span className="mono faint">#{e.connectionId}</span>
      <span className="mono truncate" title={e.clientId ?? undefined}>{e.clientId ?? <span className="faint">—</span>}</span>
      <span className="truncate">{e.softwareName ? <>{e.softwareName} <span className="faint">{e.softwareVersion}</span></> : <span className="faint">—</span>}</span>
      <span className="truncate"><b className="api-name">{e.apiName}</b> <span className="faint">v{e.apiVersion}</span></span>
      <span className="mono num faint">{e.correlationId}</span>
      <span className="num muted">{formatBytes(e.requestBytes)}</span>
      <span className="num muted">{e.responseBytes > 0 ? formatBytes(e.responseBytes) : '—'}</span>
      <span className={`num mono ${e.apiKey === 1 ? 'muted' : latencyClass(e.durationMs)}`} title={e.apiKey === 1 ? 'Fetch latency includes the long-poll wait (maxWaitMs)' : undefined}>{e.durationMs < 1 ? e.durationMs.toFixed(2) : e.durationMs.toFixed(1)} ms</span>
      <span className="truncate">{e.errorCode === null ? <span className="faint">?</span> : e.errorCode === 0 ? <span className="faint">—</span> : <span className="badge danger" title={`error code ${e.errorCode}`}>{e.errorName}</span>}</span>
    </div>
  )
})

/** Virtualized (only the visible ~30 rows are in the DOM), newest first. */
export function RequestTable({ rows, selectedId, onSelect }: { rows: InspectorEntry[]; selectedId: number | null; onSelect: (e: InspectorEntry) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.length
  const at = (i: number) => rows[count - 1 - i]
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 4 })
  const onKeyDown = (ev: KeyboardEvent) => {
    const step = ev.key === 'ArrowDown' || ev.key === 'j' ? 1 : ev.key === 'ArrowUp' || ev.key === 'k' ? -1 : 0
    if (step === 0 || count === 0) return
    ev.preventDefault()
    let index = 0
    for (let i = 0; i < count; i++) if (at(i)!.id === selectedId) { index = Math.max(0, Math.min(count - 1, i + step)); break }
    onSelect(at(index)!)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }
  return (
    <div className="insp-list">
      <div className="insp-row insp-head" role="row">
        <span>Time</span><span>Conn</span><span>Client id</span><span>Software</span><span>API</span><span className="num">Corr.</span>
        <span className="num">Request</span><span className="num">Response</span><span className="num">Latency</span><span>Error</span>
      </div>
      <div className="insp-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-label="Requests" aria-rowcount={count} data-testid="inspector-table">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const e = at(v.index)!
            // Keyed by slot, not request id: at 5,000 requests/s every flush replaces the rows on screen, and
            // reusing the ~40 row elements (new text) avoids unmounting and creating them 4 times a second.
            return <Row key={v.index} e={e} top={v.start} selected={e.id === selectedId} onSelect={onSelect} />
          })}
        </div>
      </div>
    </div>
  )
}
