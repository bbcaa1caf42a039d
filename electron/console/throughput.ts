/**
 * Live throughput: one-second buckets of messages and bytes, in and out, per partition for "in".
 * Fed by the embedded broker's events (exact counts) or, against a remote cluster, by log-end-offset deltas.
 */
import type { LiveStats, StatsSample } from '../ipc/contract'

const HISTORY = 60
/** Rates average over this many whole seconds, so one bursty second does not make the number jump. */
const WINDOW_S = 3

interface Bucket {
  second: number
  messagesIn: number
  bytesIn: number
  messagesOut: number
  bytesOut: number
}

export class Throughput {
  private buckets: Bucket[] = []
  private readonly partitionIn = new Map<string, { second: number; count: number }[]>()
  private totals = { messagesIn: 0n, bytesIn: 0n, messagesOut: 0n, bytesOut: 0n }

  constructor(private readonly now: () => number = Date.now) {}

  recordIn(topic: string, partition: number, messages: number, bytes: number): void {
    const b = this.bucket()
    b.messagesIn += messages
    b.bytesIn += bytes
    this.totals.messagesIn += BigInt(messages)
    this.totals.bytesIn += BigInt(bytes)
    const key = `${topic}\u0000${partition}`
    const list = this.partitionIn.get(key) ?? []
    const second = b.second
    const last = list[list.length - 1]
    if (last && last.second === second) last.count += messages
    else list.push({ second, count: messages })
    while (list.length > 0 && list[0]!.second < second - WINDOW_S) list.shift()
    this.partitionIn.set(key, list)
  }

  recordOut(messages: number, bytes: number): void {
    const b = this.bucket()
    b.messagesOut += messages
    b.bytesOut += bytes
    this.totals.messagesOut += BigInt(messages)
    this.totals.bytesOut += BigInt(bytes)
  }

  /** Messages per second into one partition over the last WINDOW_S complete seconds. */
  partitionRate(topic: string, partition: number): number {
    const list = this.partitionIn.get(`${topic}\u0000${partition}`)
    if (!list) return 0
    const current = Math.floor(this.now() / 1000)
    let sum = 0
    for (const e of list) if (e.second < current && e.second >= current - WINDOW_S) sum += e.count
    return sum / WINDOW_S
  }

  forgetTopic(topic: string): void {
    for (const key of this.partitionIn.keys()) if (key.startsWith(`${topic}\u0000`)) this.partitionIn.delete(key)
  }

  snapshot(): LiveStats {
    const current = Math.floor(this.now() / 1000)
    const history: StatsSample[] = []
    for (let s = current - HISTORY; s < current; s++) history.push(this.sample(s, s, s))
    const latest = this.sample(current - WINDOW_S, current - 1, current)
    return {
      ...latest,
      totalMessagesIn: this.totals.messagesIn.toString(),
      totalBytesIn: this.totals.bytesIn.toString(),
      totalMessagesOut: this.totals.messagesOut.toString(),
      totalBytesOut: this.totals.bytesOut.toString(),
      history,
    }
  }

  /** Average per second over the buckets of seconds [from, to], stamped at `at`. */
  private sample(from: number, to: number, at: number): StatsSample {
    const n = to - from + 1
    const s = { messagesIn: 0, bytesIn: 0, messagesOut: 0, bytesOut: 0 }
    for (const b of this.buckets) {
      if (b.second < from || b.second > to) continue
      s.messagesIn += b.messagesIn
      s.bytesIn += b.bytesIn
      s.messagesOut += b.messagesOut
      s.bytesOut += b.bytesOut
    }
    return {
      atMs: String(at * 1000),
      messagesInPerSec: s.messagesIn / n,
      bytesInPerSec: s.bytesIn / n,
      messagesOutPerSec: s.messagesOut / n,
      bytesOutPerSec: s.bytesOut / n,
    }
  }

  private bucket(): Bucket {
    const second = Math.floor(this.now() / 1000)
    const last = this.buckets[this.buckets.length - 1]
    if (last && last.second === second) return last
    const b: Bucket = { second, messagesIn: 0, bytesIn: 0, messagesOut: 0, bytesOut: 0 }
    this.buckets.push(b)
    while (this.buckets.length > 0 && this.buckets[0]!.second < second - HISTORY - 1) this.buckets.shift()
    return b
  }
}
