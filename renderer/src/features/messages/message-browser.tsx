import { useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { MessageRow } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState } from '../../components/states'
import { formatCount } from '../../lib/format'
import { href } from '../../lib/router'
import { BrowseToolbar, defaultControls, toFilters, type BrowseControls } from './browse-toolbar'
import { ExportDialog } from './export-dialog'
import { MessageDetail } from './message-detail'
import { MessageList } from './message-list'
import { messageQueries } from './queries'
import { tailCap, useLiveTail } from './use-live-tail'
import { rowId } from './value-format'

export function MessageBrowser({ topic, partitionCount }: { topic: string; partitionCount: number }) {
  const [controls, setControls] = useState<BrowseControls>(defaultControls)
  const [live, setLive] = useState(false)
  const [selected, setSelected] = useState<MessageRow | null>(null)
  const [checked, setChecked] = useState<Map<string, MessageRow>>(new Map())
  const [exporting, setExporting] = useState(false)
  const partitions = useMemo(() => (controls.partition === null ? null : [controls.partition]), [controls.partition])
  const filters = useMemo(() => toFilters(controls), [controls])
  const params = { topic, partitions, start: controls.start, filters }
  const browse = useInfiniteQuery({ ...messageQueries.browse(params), enabled: !live })
  const tail = useLiveTail(live, topic, partitions, filters)

  const browseRows = useMemo(() => browse.data?.pages.flatMap((p) => p.rows) ?? [], [browse.data])
  const rows = live ? tail.rows : browseRows
  const lastPage = browse.data?.pages.at(-1)
  const scanned = useMemo(() => browse.data?.pages.reduce((n, p) => n + p.scanned, 0) ?? 0, [browse.data])
  const total = lastPage ? Object.values(lastPage.bounds).reduce((n, b) => n + Number(b.logEndOffset) - Number(b.logStartOffset), 0) : null
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = browse
  const loadMore = useCallback(() => { void fetchNextPage() }, [fetchNextPage])
  const onControls = useCallback((c: BrowseControls) => { setControls(c); setSelected(null) }, [])
  const onCheck = (r: MessageRow, on: boolean) => setChecked((prev) => {
    const next = new Map(prev)
    if (on) next.set(rowId(r), r); else next.delete(rowId(r))
    return next
  })

  const body = () => {
    if (!live && browse.isError) return <ErrorState error={browse.error} retry={() => void browse.refetch()} />
    if (live && tail.error) return <ErrorState error={new Error(tail.error)} title="Live tail stopped" retry={() => { setLive(false); setTimeout(() => setLive(true), 0) }} />
    if (!live && browse.isPending) return <div className="msg-list"><div className="empty">Reading messages…</div></div>
    if (rows.length === 0) {
      return live
        ? <EmptyState title="Waiting for new messages…" icon={icons.play}>New messages appear here as they are produced. <a href={href({ name: 'produce', topic })}>Produce one</a>.</EmptyState>
        : filters.key || filters.value || filters.header
          ? <EmptyState title="No message matches the filter">Scanned {formatCount(scanned)} messages. Try another filter or start position.</EmptyState>
          : <EmptyState title="No messages here yet" action={<a className="btn primary" href={href({ name: 'produce', topic })}>{icons.produce} Produce messages</a>}>
            This topic has no messages from this position. Produce some, or turn on live tail to watch for new ones.
          </EmptyState>
    }
    return (
      <div className="col" style={{ minHeight: 0, gap: 0 }}>
        <MessageList rows={rows} live={live} hasMore={!live && !!hasNextPage} loadMore={loadMore} loadingMore={isFetchingNextPage}
          selected={selected ? rowId(selected) : null} onSelect={setSelected} checked={new Set(checked.keys())} onCheck={onCheck} />
      </div>
    )
  }

  return (
    <div className="col" style={{ flex: 1, minHeight: 0, gap: 'var(--s-3)' }}>
      <BrowseToolbar controls={controls} onChange={onControls} partitionCount={partitionCount} live={live} onLive={(on) => { setLive(on); setSelected(null); tail.clear(); if (!on) void browse.refetch() }}>
        <button className="btn" onClick={() => setExporting(true)}>{icons.download} Export{checked.size > 0 ? ` (${checked.size})` : ''}</button>
      </BrowseToolbar>
      <div className="row muted" style={{ fontSize: 'var(--fs-sm)', marginTop: -4 }} data-testid="browse-summary">
        {live ? <span>{formatCount(rows.length)} new message{rows.length === 1 ? '' : 's'} (keeps the last {formatCount(tailCap)}){tail.dropped > 0 ? ` · ${formatCount(tail.dropped)} skipped to keep up` : ''}</span>
          : <span>{formatCount(rows.length)} loaded{total !== null ? ` of ${formatCount(total)} in ${partitions ? 'this partition' : 'the topic'}` : ''}{filters.key || filters.value || filters.header ? ` · scanned ${formatCount(scanned)}` : ''}</span>}
        {checked.size > 0 && <><span>·</span><span>{checked.size} selected</span><button className="btn ghost sm" onClick={() => setChecked(new Map())}>Clear</button></>}
      </div>
      <div className={`browser ${selected ? 'with-detail' : ''}`}>
        {body()}
        {selected && <MessageDetail row={selected} topic={topic} onClose={() => setSelected(null)} />}
      </div>
      {exporting && <ExportDialog topic={topic} query={{ topic, partitions, start: controls.start, filters }}
        selection={[...checked.values()].map((r) => ({ partition: r.partition, offset: r.offset }))} onClose={() => setExporting(false)} />}
    </div>
  )
}
