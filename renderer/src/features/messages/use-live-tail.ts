import { useEffect, useRef, useState } from 'react'
import type { MessageFilters, MessageRow, TailBatch } from '../../../../electron/ipc/contract'
import { api, describeError, unwrap } from '../../lib/api'

export const tailCap = 1000
const flushMs = 200

export interface LiveTail {
  rows: MessageRow[]
  dropped: number
  error: string | null
  clear: () => void
}

/**
 * Subscribes while `enabled`. Incoming rows go into a ref and are flushed into state every 200 ms, newest
 * first and capped at 1,000, so a 5,000 msg/s stream costs five renders a second, not five thousand.
 */
export function useLiveTail(enabled: boolean, topic: string, partitions: number[] | null, filters: MessageFilters): LiveTail {
  const [rows, setRows] = useState<MessageRow[]>([])
  const [dropped, setDropped] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const buffer = useRef<TailBatch[]>([])
  const filterKey = JSON.stringify([partitions, filters])

  useEffect(() => {
    if (!enabled) return
    let subscriptionId: string | null = null
    let stopped = false
    buffer.current = []
    setError(null)
    // Listen before starting: the first batch may arrive before the invoke resolves with the id.
    const off = api.on('messages:tail', (batch) => { buffer.current.push(batch) })
    api.invoke('messages:tail-start', { topic, partitions, filters }).then(unwrap).then((sub) => {
      subscriptionId = sub.subscriptionId
      if (stopped) void api.invoke('messages:tail-stop', sub.subscriptionId)
    }).catch((e: unknown) => setError(describeError(e).hint))

    const timer = setInterval(() => {
      if (subscriptionId === null || buffer.current.length === 0) return
      const mine = buffer.current.filter((b) => b.subscriptionId === subscriptionId)
      buffer.current = []
      if (mine.length === 0) return
      const fresh: MessageRow[] = []
      let lost = 0
      for (let i = mine.length - 1; i >= 0; i--) {
        const b = mine[i]!
        lost += b.dropped
        for (let j = b.rows.length - 1; j >= 0 && fresh.length < tailCap; j--) fresh.push(b.rows[j]!)
      }
      setRows((prev) => (fresh.length >= tailCap ? fresh : fresh.concat(prev.slice(0, tailCap - fresh.length))))
      if (lost > 0) setDropped((d) => d + lost)
    }, flushMs)

    return () => {
      stopped = true
      clearInterval(timer)
      off()
      if (subscriptionId !== null) void api.invoke('messages:tail-stop', subscriptionId)
    }
    // filterKey stands in for the partitions/filters objects, which are new on every render.
  }, [enabled, topic, filterKey])

  return { rows, dropped, error, clear: () => { setRows([]); setDropped(0) } }
}
