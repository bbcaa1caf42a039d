import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { MessageRow } from '../../../../electron/ipc/contract'
import { formatBytes, formatTimestamp } from '../../lib/format'
import { preview, rowId } from './value-format'

const rowHeight = 30

/**
 * Virtualized: only the ~40 visible rows are in the DOM whatever the row count, and the next page is
 * requested when the viewport comes within 100 rows of the end of what is loaded.
 */
export function MessageList({ rows, hasMore, loadMore, loadingMore, selected, onSelect, checked, onCheck, live }: {
  rows: MessageRow[]; hasMore: boolean; loadMore: () => void; loadingMore: boolean
  selected: string | null; onSelect: (row: MessageRow) => void
  checked: Set<string>; onCheck: (row: MessageRow, on: boolean) => void; live: boolean
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.length + (hasMore ? 1 : 0)
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 100) loadMore()
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore])

  const selectedIndex = selected === null ? -1 : rows.findIndex((r) => rowId(r) === selected)
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0
    if (step === 0 || rows.length === 0) return
    e.preventDefault()
    const next = Math.max(0, Math.min(rows.length - 1, selectedIndex + step))
    onSelect(rows[next]!)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  return (
    <div className="msg-list" data-testid="message-list">
      <div className="msg-row msg-head" role="row">
        <span /><span title="Partition">Part.</span><span>Offset</span><span>Timestamp</span><span>Key</span><span>Value</span><span className="num">Size</span>
      </div>
      <div className="msg-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-label="Messages" aria-rowcount={rows.length}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]
            const style = { transform: `translateY(${v.start}px)`, height: rowHeight }
            if (!r) return <div key="more" className="msg-row msg-more" style={style}>{loadingMore ? 'Loading more…' : 'Scroll for more'}</div>
            const id = rowId(r)
            return (
              <div key={`${live ? 'l' : 'b'}${id}`} className="msg-row" role="row" style={style} aria-selected={id === selected} data-testid="message-row"
                onClick={() => onSelect(r)}>
                <span onClick={(e) => e.stopPropagation()}><input type="checkbox" aria-label={`Select offset ${r.offset}`} checked={checked.has(id)} onChange={(e) => onCheck(r, e.target.checked)} /></span>
                <span className="mono faint">{r.partition}</span>
                <span className="mono">{r.offset}</span>
                <span className="mono muted">{formatTimestamp(r.timestamp)}</span>
                <span className="mono truncate" title={r.key?.text ?? undefined}>{r.key ? preview(r.key, 80) : <span className="faint">null</span>}</span>
                <span className="mono truncate">{r.value ? preview(r.value) : <span className="faint">null</span>}</span>
                <span className="num muted">{formatBytes(r.sizeBytes)}</span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
