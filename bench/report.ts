import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import type { ClientResult, LatencyResult } from './clients'
import type { StartupFigures } from './startup'

export interface ThroughputRow {
  test: 'produce' | 'consume' | string
  client: string
  acks: string
  engine: string
  /** Record value size in bytes. */
  size: number
  partitions: number
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
  const same = (a: ThroughputRow, b: ThroughputRow) => a.test === b.test && a.client === b.client && a.acks === b.acks && a.size === b.size && a.partitions === b.partitions
  const nullOf = (row: ThroughputRow) => rows.find((r) => r.engine === 'null' && same(r, row))
  const tcpOf = (row: ThroughputRow) => rows.find((r) => r.engine === 'tcp' && r.size === row.size)
  const pct = (row: ThroughputRow, base: ThroughputRow | undefined) =>
    base && base !== row ? `${((mbps(row.result) / mbps(base.result)) * 100).toFixed(0)} %` : ''
  console.log('\nThroughput (MB = 10^6 bytes of record values; vs null / vs TCP: same client and shape, same invocation)')
  const head = ['test', 'client', 'size', 'parts', 'acks', 'storage', 'MB/s', 'runs MB/s', 'msgs/s', 'vs null', 'vs TCP', 'broker CPU', 'client CPU', 'batch KiB', 'req KiB', 'ms/req', 'errors']
  const lines = rows.map((row) => [
    row.test, row.client, row.engine === 'tcp' ? `${row.size} B vol` : `${row.size} B`, String(row.partitions), row.acks, row.engine,
    mbps(row.result).toFixed(1), (row.runsMBps ?? []).map((x) => x.toFixed(0)).join('/'),
    row.engine === 'tcp' ? '' : Math.round(row.result.messages / row.result.seconds).toLocaleString('en-US'), row.engine === 'null' ? '' : pct(row, nullOf(row)), pct(row, tcpOf(row)),
    `${(row.brokerCpu * 100).toFixed(0)} %`, row.result.clientCpu === undefined ? '' : `${(row.result.clientCpu * 100).toFixed(0)} %`,
    kib(row.avgBatchBytes), kib(row.avgRequestBytes), row.avgHandlerMs?.toFixed(2) ?? '', String(row.result.errors),
  ])
  printTable(head, lines, 6)
}

export interface LatencyRow {
  engine: string
  rate: number
  seconds: number
  partitions: number
  result: LatencyResult
}

export function printLatency(rows: LatencyRow[]): void {
  console.log('\nEnd-to-end latency, librdkafka, 1 KB, fixed rate, from scheduled send time to receive (ms)')
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '?' : x.toFixed(2))
  const lines = rows.map((r) => [r.engine, `${r.rate}/s × ${r.seconds} s`, String(r.partitions), f(r.result.p50), f(r.result.p99), f(r.result.p999), f(r.result.max), String(r.result.measured), String(r.result.errors), f(r.result.ack?.p50), f(r.result.ack?.p99), f(r.result.ack?.max), f(r.result.maxSendDelayMs), f(r.result.brokerLoopDelay?.max)])
  printTable(['storage', 'rate', 'parts', 'p50', 'p99', 'p99.9', 'max', 'measured', 'errors', 'ack p50', 'ack p99', 'ack max', 'max send delay', 'broker loop max'], lines, 3)
}

export function printResources(figures: Record<string, string>): void {
  console.log('\nMemory and disk')
  printTable(['what', 'value'], Object.entries(figures), 1)
}

export function printStartup(startup: Record<string, StartupFigures>): void {
  console.log('\nStart-up (ms)')
  const lines = Object.entries(startup).map(([name, f]) => [name, f.medianMs.toFixed(1), f.firstMs.toFixed(1), f.minMs.toFixed(1), f.maxMs.toFixed(1), String(f.runs)])
  printTable(['what', 'median', 'first', 'min', 'max', 'runs'], lines, 1)
}

/** Columns from `firstNumeric` on are right-aligned. */
function printTable(head: string[], lines: string[][], firstNumeric: number): void {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= firstNumeric ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  console.log(fmt(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
}
