// The produce matrix of `npm run bench`: record size × partitions × acks × client, against one broker child
// per storage engine, and the loopback-TCP ceiling for the same byte volumes.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { procCpuSeconds, spawnBroker, type BrokerProcess } from './broker-process'
import type { ApiStats } from './broker-child'
import { kafkajsProduce, librdkafkaProduce, tcpSend, type ClientResult } from './clients'
import type { ThroughputRow } from './report'

export type Engine = 'null' | 'memory' | 'sqlite'
export interface Case {
  client: 'librdkafka' | 'kafkajs'
  size: number
  partitions: number
  acks: '1' | 'all'
  count: number
  /** Runs of this figure (the median run is reported). */
  runs: number
}

/** Bounded so the whole matrix takes ~1 minute per engine (full) on a 2-core machine. */
export function cases(scale: number, repeat: number): Case[] {
  const out: Case[] = []
  for (const size of [1024, 100])
    for (const partitions of [1, 16])
      for (const acks of ['1', 'all'] as const)
        for (const client of ['librdkafka', 'kafkajs'] as const) {
          const base = client === 'librdkafka' ? (size === 1024 ? 100_000 : 400_000) : size === 1024 ? 30_000 : 100_000
          // The issue-8 target rows (librdkafka, 1 KB, 1 partition) get `repeat` runs; the rest one.
          const runs = client === 'librdkafka' && size === 1024 && partitions === 1 ? repeat : 1
          out.push({ client, size, partitions, acks, count: Math.round(base * scale), runs })
        }
  return out
}

const mbps = (r: ClientResult) => r.bytes / 1e6 / r.seconds

export async function benchEngine(engine: Engine, list: Case[], profileDir?: string): Promise<{ rows: ThroughputRow[]; peakRss: number }> {
  const dataDir = engine === 'sqlite' ? mkdtempSync(join(tmpdir(), 'brooklet-bench-')) : undefined
  const options = engine === 'null' ? { nullStorage: true } : engine === 'memory' ? { memory: true } : { dataDir }
  const broker = await spawnBroker(options, profileDir ? join(profileDir, engine) : undefined)
  broker.resetPeakRss()
  const rows: ThroughputRow[] = []
  try {
    let n = 0
    for (const c of list) {
      const runs: ThroughputRow[] = []
      for (let i = 0; i < c.runs; i++) {
        const topic = `${c.client}-${c.size}b-p${c.partitions}-acks${c.acks}-${engine}-${n++}`
        const run = c.client === 'librdkafka'
          ? () => librdkafkaProduce(broker.bootstrap, topic, c.count, c.size, c.acks, c.partitions)
          : () => kafkajsProduce(broker.bootstrap, topic, c.count, c.size, c.acks === 'all' ? -1 : 1, c.partitions)
        runs.push({ ...(await measureOnce(broker, run)), test: 'produce', client: c.client, acks: c.acks, engine, size: c.size, partitions: c.partitions })
      }
      runs.sort((a, b) => mbps(a.result) - mbps(b.result))
      rows.push({ ...runs[Math.floor(runs.length / 2)]!, runsMBps: runs.map((r) => mbps(r.result)) })
      process.stderr.write(`  ${engine.padEnd(6)} ${c.client} ${c.size} B p${c.partitions} acks=${c.acks}: ${rows.at(-1)!.runsMBps!.map((x) => x.toFixed(1)).join(' / ')} MB/s\n`)
    }
    return { rows, peakRss: broker.peakRss() }
  } finally {
    await broker.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

type Measured = Omit<ThroughputRow, 'test' | 'client' | 'acks' | 'engine' | 'size' | 'partitions'>

async function measureOnce(broker: BrokerProcess, run: () => Promise<ClientResult>): Promise<Measured> {
  await broker.stats()
  const cpu0 = broker.cpuSeconds()
  const result = await run()
  const brokerCpu = (broker.cpuSeconds() - cpu0) / result.seconds
  const s = await broker.stats()
  const batches = Object.values(s.topics).reduce((a, t) => ({ n: a.n + t.batches, bytes: a.bytes + t.batchBytes }), { n: 0, bytes: 0 })
  return { result, brokerCpu, avgBatchBytes: batches.n ? batches.bytes / batches.n : undefined, ...requestFigures(s.apis[0], false) }
}

/** Mean size of the data-carrying message (produce request, fetch response) and mean handler time. */
export function requestFigures(a: ApiStats | undefined, fetch: boolean): Pick<ThroughputRow, 'avgRequestBytes' | 'avgHandlerMs'> {
  if (!a?.count) return {}
  return { avgRequestBytes: (fetch ? a.responseBytes : a.requestBytes) / a.count, avgHandlerMs: a.handlerMs / a.count }
}

const SINK = fileURLToPath(new URL('./clients/tcp-sink.ts', import.meta.url))

/** Loopback TCP from one process to another for the byte volume of each record size's librdkafka case. */
export async function benchTcp(volumes: { size: number; bytes: number }[], repeat: number): Promise<ThroughputRow[]> {
  const sink = spawn(process.execPath, ['--import', 'tsx', SINK, 'sink'], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('tcp sink did not start')), 20_000)
      createInterface({ input: sink.stdout! }).on('line', (line) => {
        const m = /^READY (\d+)$/.exec(line)
        if (m) (clearTimeout(timer), resolve(Number(m[1])))
      })
    })
    const rows: ThroughputRow[] = []
    for (const v of volumes) {
      const runs: ClientResult[] = []
      for (let i = 0; i < repeat; i++) {
        const cpu0 = procCpuSeconds(sink.pid!)
        const r = await tcpSend(port, v.bytes)
        runs.push({ ...r, messages: Math.round(v.bytes / v.size), brokerCpu: (procCpuSeconds(sink.pid!) - cpu0) / r.seconds } as ClientResult)
      }
      runs.sort((a, b) => mbps(a) - mbps(b))
      const median = runs[Math.floor(runs.length / 2)]!
      const sinkCpu = (median as unknown as { brokerCpu: number }).brokerCpu
      rows.push({ test: 'produce', client: 'raw TCP', acks: '-', engine: 'tcp', size: v.size, partitions: 1, result: median, brokerCpu: sinkCpu, runsMBps: runs.map(mbps) })
      process.stderr.write(`  tcp    ${v.bytes} bytes (${v.size} B volume): ${rows.at(-1)!.runsMBps!.map((x) => x.toFixed(1)).join(' / ')} MB/s\n`)
    }
    return rows
  } finally {
    sink.kill('SIGTERM')
  }
}
