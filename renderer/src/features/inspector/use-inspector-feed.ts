import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { api, unwrap } from '../../lib/api'

/** Rows the view keeps (the main process keeps its own, larger ring). */
export const VIEW_CAP = 10_000
const FLUSH_MS = 250
const WATCH_RENEW_MS = 5_000

export interface InspectorFeed {
  rows: InspectorEntry[]
  available: boolean | null
  total: number
  paused: boolean
  setPaused: (paused: boolean) => void
  clear: () => void
  error: unknown
}

/**
 * The live request feed: a snapshot to start, then `inspector:batch` pushes buffered in a ref and applied every
 * 250 ms (one render per flush however fast requests arrive). Pausing freezes the rows; resuming reloads the
 * snapshot so the requests that arrived meanwhile are not lost. Unsubscribes and stops watching on unmount.
 */
export function useInspectorFeed(): InspectorFeed {
  const [rows, setRows] = useState<InspectorEntry[]>([])
  const [available, setAvailable] = useState<boolean | null>(null)
  const [total, setTotal] = useState(0)
  const [paused, setPausedState] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const pending = useRef<InspectorEntry[]>([])
  const pausedRef = useRef(false)
  const seen = useRef(0)

  const load = useCallback(async () => {
    try {
      const snap = unwrap(await api.invoke('inspector:snapshot', VIEW_CAP))
      pending.current = []
      seen.current = snap.total
      setAvailable(snap.available)
      setTotal(snap.total)
      setRows(snap.entries)
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [])

  useEffect(() => {
    void load()
    const watch = () => void api.invoke('inspector:watch', true)
    watch()
    const renew = setInterval(watch, WATCH_RENEW_MS)
    const off = api.on('inspector:batch', (batch) => {
      seen.current += batch.entries.length + batch.skipped
      if (pausedRef.current) return
      const buf = pending.current
      for (const e of batch.entries) buf.push(e)
      if (buf.length > VIEW_CAP) buf.splice(0, buf.length - VIEW_CAP)
    })
    const flush = setInterval(() => {
      const fresh = pending.current
      pending.current = []
      // A transition: React renders the flush in slices and yields to typing and painting in between, instead
      // of one blocking render of the page and table (the largest script task under load).
      startTransition(() => {
        setTotal(seen.current)
        if (fresh.length === 0) return
        setRows((prev) => {
          const next = prev.length + fresh.length > VIEW_CAP ? prev.slice(prev.length + fresh.length - VIEW_CAP) : prev.slice()
          for (const e of fresh) if (next.length === 0 || e.id > next[next.length - 1]!.id) next.push(e)
          return next
        })
      })
    }, FLUSH_MS)
    return () => {
      off()
      clearInterval(renew)
      clearInterval(flush)
      void api.invoke('inspector:watch', false)
    }
  }, [load])

  const setPaused = useCallback((p: boolean) => {
    pausedRef.current = p
    setPausedState(p)
    if (!p) void load()
  }, [load])

  const clear = useCallback(() => {
    pending.current = []
    setRows([])
    void api.invoke('inspector:clear')
  }, [])

  return { rows, available, total, paused, setPaused, clear, error }
}
