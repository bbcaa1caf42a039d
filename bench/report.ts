import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import type { ClientResult } from './clients'
import type { StartupFigures } from './startup'

export interface ThroughputRow {
  test: 'produce' | 'consume' | string
  client: string
  acks: string
  engine: string
  result: ClientResult
  /** Broker CPU seconds per wall second during the run (1.0 = one core saturated). */
  brokerCpu: number
  /** Mean stored RecordBatch size: what the client really sent. */
  avgBatchBytes?: number
  /** Mean produce request size (produce rows) or fetch response size (consume rows). */
  avgRequestBytes?: number
  /** Mean time the broker spent on one such request (decode, append or read, encode; fetch includes waiting). */
  avgHandlerMs?: number
  /** MB/s of every run of this figure; the row shows the median run. */
  runsMBps?: number[]
}

export function machine(): { cpus: number; cpuModel: string; node: string; librdkafka: string; kernel: string } {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?'
  let librdkafka = '?'
  try {
    librdkafka = execFileSync('/usr/bin/python3', ['-c', 'import confluent_kafka as c; print(c.libversion()[0])']).toString().trim()
  } catch {
    // Reported as '?' when confluent-kafka is missing; the produce runs will then fail with their own error.
  }
  return { cpus: cpus().length, cpuModel: model.trim(), node: process.version, librdkafka, kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim() }
}

const mbps = (r: ClientResult) => r.bytes / 1e6 / r.seconds
const kib = (n: number | undefined) => (n === undefined ? '' : (n / 1024).toFixed(0))

export function printThroughput(rows: ThroughputRow[]): void {
  const nullOf = (row: ThroughputRow) =>
    rows.find((r) => r.engine === 'null' && r.test === row.test && r.client === row.client && r.acks === row.acks)
  console.log('\nThroughput, 1 KiB records (MB = 10^6 bytes)')
  const head = ['test', 'client', 'acks', 'storage', 'MB/s', 'runs MB/s', 'msgs/s', 'vs null', 'broker CPU', 'client CPU', 'batch KiB', 'req/resp KiB', 'ms/req', 'errors']
  const lines = rows.map((row) => {
    const base = nullOf(row)
    const ratio = base && row.engine !== 'null' ? `${((mbps(row.result) / mbps(base.result)) * 100).toFixed(0)} %` : ''
    return [
      row.test, row.client, row.acks, row.engine, mbps(row.result).toFixed(1), (row.runsMBps ?? []).map((x) => x.toFixed(0)).join('/'),
      Math.round(row.result.messages / row.result.seconds).toLocaleString('en-US'), ratio,
      `${(row.brokerCpu * 100).toFixed(0)} %`, row.result.clientCpu === undefined ? '' : `${(row.result.clientCpu * 100).toFixed(0)} %`,
      kib(row.avgBatchBytes), kib(row.avgRequestBytes), row.avgHandlerMs?.toFixed(2) ?? '', String(row.result.errors),
    ]
  })
  printTable(head, lines)
}

export function printStartup(startup: Record<string, StartupFigures>): void {
  console.log('\nStart-up (ms)')
  const lines = Object.entries(startup).map(([name, f]) => [name, f.medianMs.toFixed(1), f.firstMs.toFixed(1), f.minMs.toFixed(1), f.maxMs.toFixed(1), String(f.runs)])
  printTable(['what', 'median', 'first', 'min', 'max', 'runs'], lines)
}

function printTable(head: string[], lines: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  console.log(fmt(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
}
