/** messages:export — a range or a selection to JSON Lines or CSV, streamed to a file with progress events. */
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Bytes, ExportProgress, ExportRequest, ExportResult, MessageRef, MessageRow } from '../ipc/contract'
import { compileFilters } from './filters'
import { partitionBounds, readPartition, selectPartitions, startOffsets } from './message-reader'
import { WireCluster, type TopicMeta } from './wire-cluster'

const CHUNK_ROWS = 2000
const DEFAULT_MAX = 1_000_000

export interface ExportTarget {
  dir: string
  /** Browser mode: the URL the renderer downloads the file from; Electron: undefined (the path is shown). */
  downloadUrl?: (jobId: string, fileName: string) => string
}

function field(b: Bytes | null): string | null {
  return b === null ? null : (b.text ?? `base64:${b.base64}`)
}

export function toJsonLine(topic: string, r: MessageRow): string {
  return JSON.stringify({
    topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, timestampType: r.timestampType,
    key: field(r.key), value: field(r.value),
    headers: r.headers.map((h) => ({ key: h.key, value: field(h.value) })),
  }) + '\n'
}

const CSV_HEADER = 'topic,partition,offset,timestamp,key,value,headers\n'
function csvCell(s: string | null): string {
  if (s === null) return ''
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsvLine(topic: string, r: MessageRow): string {
  const headers = r.headers.length ? JSON.stringify(Object.fromEntries(r.headers.map((h) => [h.key, field(h.value)]))) : null
  return [topic, String(r.partition), r.offset, r.timestamp, field(r.key), field(r.value), headers].map(csvCell).join(',') + '\n'
}

export class ExportJobs {
  private readonly cancelled = new Set<string>()
  /** jobId -> file path, so the browser-mode server can serve the download. */
  readonly files = new Map<string, { path: string; fileName: string }>()

  constructor(private readonly bootstrap: string, private readonly target: ExportTarget, private readonly emit: (p: ExportProgress) => void) {}

  cancel(jobId: string): void {
    this.cancelled.add(jobId)
  }

  async run(req: ExportRequest): Promise<ExportResult> {
    const topicName = req.source.kind === 'range' ? req.source.query.topic : req.source.topic
    const fileName = `${topicName}-${new Date().toISOString().replace(/[:.]/g, '-')}.${req.format === 'csv' ? 'csv' : 'jsonl'}`
    mkdirSync(this.target.dir, { recursive: true })
    const path = join(this.target.dir, fileName)
    const out = createWriteStream(path)
    const cluster = new WireCluster(this.bootstrap)
    const line = req.format === 'csv' ? toCsvLine : toJsonLine
    const state = { rows: 0, bytes: 0, total: null as number | null, last: 0 }
    if (req.format === 'csv') state.bytes += write(out, CSV_HEADER)
    const sink = async (rows: MessageRow[]) => {
      for (const r of rows) state.bytes += write(out, line(topicName, r))
      state.rows += rows.length
      if (out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()))
      if (Date.now() - state.last > 100) {
        state.last = Date.now()
        this.emit({ jobId: req.jobId, rows: state.rows, bytes: state.bytes, total: state.total, done: false })
      }
      return !this.cancelled.has(req.jobId)
    }
    try {
      const topic = await cluster.topic(topicName)
      if (req.source.kind === 'range') await exportRange(cluster, topic, req.source, sink, (t) => (state.total = t))
      else await exportSelection(cluster, topic, req.source.refs, sink)
    } finally {
      cluster.close()
      await new Promise<void>((resolve) => out.end(resolve))
      this.emit({ jobId: req.jobId, rows: state.rows, bytes: state.bytes, total: state.total, done: true })
    }
    const cancelled = this.cancelled.delete(req.jobId)
    this.files.set(req.jobId, { path, fileName })
    const url = this.target.downloadUrl?.(req.jobId, fileName) ?? null
    return { jobId: req.jobId, rows: state.rows, bytes: state.bytes, fileName, path: url ? null : path, downloadUrl: url, cancelled }
  }
}

function write(out: NodeJS.WritableStream, s: string): number {
  out.write(s)
  return Buffer.byteLength(s)
}

type Sink = (rows: MessageRow[]) => Promise<boolean>
type RangeSource = Extract<ExportRequest['source'], { kind: 'range' }>

async function exportRange(cluster: WireCluster, topic: TopicMeta, src: RangeSource, sink: Sink, setTotal: (n: number) => void): Promise<void> {
  const partitions = selectPartitions(topic, src.query.partitions)
  const bounds = await partitionBounds(cluster, topic, partitions)
  const starts = await startOffsets(cluster, topic, partitions, src.query.start, bounds, 0)
  const ends = new Map(bounds.end)
  if (src.end && src.end.kind !== 'latest') {
    const at = src.end.kind === 'offset' ? null : await cluster.listOffsets(topic, partitions, BigInt(src.end.timestampMs))
    for (const p of partitions) {
      const e = src.end.kind === 'offset' ? BigInt(src.end.offset) : at!.get(p) === -1n ? bounds.end.get(p)! : at!.get(p)!
      if (e < ends.get(p)!) ends.set(p, e)
    }
  }
  const match = compileFilters(src.query.filters)
  let remaining = src.maxMessages ?? DEFAULT_MAX
  setTotal(Math.min(remaining, partitions.reduce((n, p) => n + Math.max(0, Number(ends.get(p)! - starts.get(p)!)), 0)))
  for (const p of partitions) {
    let pos = starts.get(p)!
    const end = ends.get(p)!
    while (pos < end && remaining > 0) {
      const got = await readPartition(cluster, topic, p, pos, end, Math.min(CHUNK_ROWS, remaining), match, Number.MAX_SAFE_INTEGER)
      if (got.next === pos) break
      pos = got.next
      remaining -= got.rows.length
      if (!(await sink(got.rows))) return
    }
  }
}

/** Reads the selected offsets as runs of consecutive offsets, so a contiguous selection costs few fetches. */
async function exportSelection(cluster: WireCluster, topic: TopicMeta, refs: MessageRef[], sink: Sink): Promise<void> {
  const byPartition = new Map<number, bigint[]>()
  for (const r of refs) (byPartition.get(r.partition) ?? byPartition.set(r.partition, []).get(r.partition)!).push(BigInt(r.offset))
  for (const [p, offsets] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(offsets)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    let i = 0
    while (i < sorted.length) {
      let j = i
      while (j + 1 < sorted.length && sorted[j + 1]! === sorted[j]! + 1n) j++
      const got = await readPartition(cluster, topic, p, sorted[i]!, sorted[j]! + 1n, j - i + 1, null, Number.MAX_SAFE_INTEGER)
      if (!(await sink(got.rows))) return
      i = j + 1
    }
  }
}
