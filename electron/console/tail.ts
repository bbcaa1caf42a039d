/**
 * Live tail: per subscription, a long-polling Fetch loop from the log end on its own connection (a long
 * poll would otherwise hold up the browser's reads, since a broker answers one connection's requests in
 * order). Rows are flushed every 100 ms, at most MAX_PER_FLUSH per flush: when the topic outruns that, the
 * newest rows win and the rest are counted in `dropped`, which keeps the renderer's main thread free.
 */
import { randomUUID } from 'node:crypto'
import type { MessageRow, TailBatch, TailRequest } from '../ipc/contract'
import { compileFilters } from './filters'
import { partitionBounds, selectPartitions } from './message-reader'
import { rowsFromRecords } from './rows'
import { WireCluster } from './wire-cluster'

const FLUSH_MS = 100
const MAX_PER_FLUSH = 200
const POLL_WAIT_MS = 250
const FETCH_BYTES = 1024 * 1024

interface Subscription {
  stopped: boolean
  cluster: WireCluster
  buffer: MessageRow[]
  dropped: number
  timer: ReturnType<typeof setInterval>
}

export class TailSubscriptions {
  private readonly subs = new Map<string, Subscription>()

  constructor(private readonly bootstrap: string, private readonly emit: (batch: TailBatch) => void) {}

  async start(req: TailRequest): Promise<string> {
    const cluster = new WireCluster(this.bootstrap)
    try {
      const topic = await cluster.topic(req.topic)
      const partitions = selectPartitions(topic, req.partitions)
      const { end } = await partitionBounds(cluster, topic, partitions)
      const id = randomUUID()
      const sub: Subscription = { stopped: false, cluster, buffer: [], dropped: 0, timer: setInterval(() => this.flush(id), FLUSH_MS) }
      this.subs.set(id, sub)
      void this.loop(sub, topic, new Map(partitions.map((p) => [p, end.get(p) ?? 0n])), compileFilters(req.filters))
      return id
    } catch (err) {
      cluster.close()
      throw err
    }
  }

  stop(id: string): void {
    const sub = this.subs.get(id)
    if (!sub) return
    sub.stopped = true
    clearInterval(sub.timer)
    sub.cluster.close()
    this.subs.delete(id)
  }

  stopAll(): void {
    for (const id of [...this.subs.keys()]) this.stop(id)
  }

  private async loop(sub: Subscription, topic: Awaited<ReturnType<WireCluster['topic']>>, positions: Map<number, bigint>, match: ((r: MessageRow) => boolean) | null): Promise<void> {
    while (!sub.stopped) {
      try {
        const fetched = await sub.cluster.fetchMany(topic, positions, FETCH_BYTES, POLL_WAIT_MS)
        for (const [p, res] of fetched) {
          const from = positions.get(p)!
          const { rows, nextOffset } = await rowsFromRecords(res.records, p, from)
          positions.set(p, nextOffset)
          for (const row of rows) if (!match || match(row)) this.push(sub, row)
        }
      } catch {
        if (sub.stopped) return
        // Broker restarting or a transient error: back off briefly, then poll again from the same positions.
        await new Promise((r) => setTimeout(r, 1000))
      }
    }
  }

  private push(sub: Subscription, row: MessageRow): void {
    sub.buffer.push(row)
    if (sub.buffer.length > MAX_PER_FLUSH * 4) {
      const excess = sub.buffer.length - MAX_PER_FLUSH
      sub.buffer.splice(0, excess)
      sub.dropped += excess
    }
  }

  private flush(id: string): void {
    const sub = this.subs.get(id)
    if (!sub || (sub.buffer.length === 0 && sub.dropped === 0)) return
    const excess = Math.max(0, sub.buffer.length - MAX_PER_FLUSH)
    const rows = sub.buffer.slice(excess)
    const dropped = sub.dropped + excess
    sub.buffer = []
    sub.dropped = 0
    this.emit({ subscriptionId: id, rows, dropped })
  }
}
