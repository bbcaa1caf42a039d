// A broker in its own process for the benchmark, so client and broker each get a core (bench/run.ts).
// argv[2] is the BrokerOptions as JSON; prints "READY <port>" once connections are accepted, answers a
// "stats" line on stdin with one "STATS {json}" line (produce requests and stored batches per topic, to
// see what batch sizes the client really sent), and stops cleanly on SIGTERM (so --cpu-prof is written).
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startBroker } from '../core/index'
import type { BrokerOptions } from '../core/index'

export interface TopicStats {
  batches: number
  batchBytes: number
}
export interface ApiStats {
  count: number
  requestBytes: number
  responseBytes: number
  handlerMs: number
}
export interface BrokerStats {
  /** Event-loop delay since the previous stats call (ms): how long a ready socket may wait for the broker. */
  loopDelay?: { p50: number; p99: number; max: number }
  topics: Record<string, TopicStats>
  /** By API key: 0 Produce, 1 Fetch. */
  apis: Record<number, ApiStats>
}

const options = JSON.parse(process.argv[2] ?? '{}') as BrokerOptions
const broker = await startBroker({ ...options, port: 0, log: () => undefined })
// Experiments only: BENCH_SQLITE_PRAGMAS="wal_autocheckpoint = 0;..." applied to the SQLite engine's connection.
const pragmas = process.env.BENCH_SQLITE_PRAGMAS
const db = (broker.context.storage as unknown as { db?: { pragma(p: string): unknown } }).db
if (pragmas && db) for (const p of pragmas.split(';').filter(Boolean)) db.pragma(p)
let stats: BrokerStats = { topics: {}, apis: {} }
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()
broker.context.events.on((event) => {
  if (event.type !== 'records-appended') return
  const t = (stats.topics[event.topic] ??= { batches: 0, batchBytes: 0 })
  t.batches++
  t.batchBytes += event.bytes
})
broker.context.events.onRequest((event) => {
  if (event.apiKey !== 0 && event.apiKey !== 1) return
  const a = (stats.apis[event.apiKey] ??= { count: 0, requestBytes: 0, responseBytes: 0, handlerMs: 0 })
  a.count++
  a.requestBytes += event.requestBytes
  a.responseBytes += event.responseBytes
  a.handlerMs += event.durationMs
})
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'stats') return
  stats.loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 }
  loop.reset()
  process.stdout.write(`STATS ${JSON.stringify(stats)}\n`)
  stats = { topics: {}, apis: {} }
})
process.stdout.write(`READY ${broker.port}\n`)
process.on('SIGTERM', () => {
  void broker.stop().then(() => process.exit(0))
})
