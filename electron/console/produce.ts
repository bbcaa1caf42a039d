/** produce:send / produce:records — kafkajs producer, chunked and rate-limited, with progress and cancel. */
import { CompressionCodecs, CompressionTypes, type Message } from './kafkajs'
import { compress, decompress } from '../../core/protocol/records'
import type {
  Compression, ProduceHeaderInput, ProduceProgress, ProduceRecordsRequest, ProduceRequest, ProduceSummary, ProducedOffset,
} from '../ipc/contract'
import type { ConsoleDeps } from './deps'
import { partitionForKey } from './partitioner'
import { messageRenderer } from './templates'

const KAFKAJS_COMPRESSION: Record<Compression, number> = {
  none: CompressionTypes.None, gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4, zstd: CompressionTypes.ZSTD,
}

let codecsRegistered = false
/** kafkajs ships only gzip; snappy, lz4 and zstd are plugged in from the project's own codecs. */
function registerCodecs(): void {
  if (codecsRegistered) return
  codecsRegistered = true
  for (const type of [CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD] as const) {
    CompressionCodecs[type] = () => ({
      compress: (encoder: { buffer: Buffer }) => compress(type, encoder.buffer),
      decompress: (buffer: Buffer) => decompress(type, buffer),
    })
  }
}

const CHUNK = 500
const PROGRESS_EVERY_MS = 100

export class ProduceJobs {
  private readonly cancelled = new Set<string>()
  private readonly running = new Set<string>()

  constructor(private readonly deps: ConsoleDeps, private readonly emit: (p: ProduceProgress) => void) {}

  cancel(jobId: string): void {
    if (this.running.has(jobId)) this.cancelled.add(jobId)
  }

  async send(req: ProduceRequest): Promise<ProduceSummary> {
    const partitions = (await this.deps.wire.topic(req.topic)).partitions.length
    if (req.partition !== null && req.partition >= partitions) throw badPartition(req.topic, req.partition, partitions)
    const make = (seq: number): Message => {
      const render = req.template ? messageRenderer(seq) : (s: string) => s
      const key = req.key === null ? null : toBuffer(render(req.key), req.encoding)
      return {
        key,
        value: req.value === null ? null : toBuffer(render(req.value), req.encoding),
        headers: toHeaders(req.headers, render, req.encoding),
        partition: req.partition ?? (key ? partitionForKey(key, partitions) : undefined),
      }
    }
    return this.run(req.jobId, req.topic, req.compression, req.count, req.ratePerSec, make)
  }

  async sendRecords(req: ProduceRecordsRequest): Promise<ProduceSummary> {
    const partitions = (await this.deps.wire.topic(req.topic)).partitions.length
    const make = (seq: number): Message => {
      const r = req.records[seq - 1]!
      if (r.partition != null && r.partition >= partitions) throw badPartition(req.topic, r.partition, partitions)
      const key = r.key === null ? null : toBuffer(r.key, r.encoding)
      return {
        key,
        value: r.value === null ? null : toBuffer(r.value, r.encoding),
        headers: toHeaders(r.headers, (s) => s, r.encoding),
        partition: r.partition ?? (key ? partitionForKey(key, partitions) : undefined),
        timestamp: r.timestampMs ?? undefined,
      }
    }
    return this.run(req.jobId, req.topic, req.compression, req.records.length, null, make)
  }

  private async run(jobId: string, topic: string, compression: Compression, total: number, rate: number | null, make: (seq: number) => Message): Promise<ProduceSummary> {
    if (this.running.has(jobId)) throw Object.assign(new Error(`job ${jobId} is already running`), { code: 'VALIDATION' })
    registerCodecs()
    this.running.add(jobId)
    const producer = await this.deps.producer()
    const started = Date.now()
    const s = { sent: 0, failed: 0, lastError: null as string | null, first: [] as ProducedOffset[] }
    let lastProgress = 0
    const progress = (done: boolean) => {
      const elapsed = Math.max(1, Date.now() - started) / 1000
      this.emit({ jobId, sent: s.sent, failed: s.failed, total, ratePerSec: s.sent / elapsed, done })
    }
    try {
      while (s.sent + s.failed < total && !this.cancelled.has(jobId)) {
        const size = chunkSize(rate, total - s.sent - s.failed)
        const base = s.sent + s.failed
        const messages = Array.from({ length: size }, (_, i) => make(base + i + 1))
        try {
          const res = await producer.send({ topic, compression: KAFKAJS_COMPRESSION[compression], messages })
          s.sent += size
          for (const r of res) if (s.first.length < 10) s.first.push({ partition: r.partition, offset: String(r.baseOffset ?? r.offset ?? '0') })
        } catch (err) {
          s.failed += size
          s.lastError = (err as Error).message
          if (s.sent === 0) throw err
        }
        if (rate) await pace(started, s.sent + s.failed, rate)
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now()
          progress(false)
        }
      }
      return { jobId, sent: s.sent, failed: s.failed, cancelled: this.cancelled.has(jobId), durationMs: Date.now() - started, first: s.first, lastError: s.lastError }
    } finally {
      progress(true)
      this.running.delete(jobId)
      this.cancelled.delete(jobId)
    }
  }
}

/** With a rate, send a tenth of a second's worth at a time, so cancel and progress stay responsive. */
function chunkSize(rate: number | null, remaining: number): number {
  const want = rate ? Math.max(1, Math.floor(rate / 10)) : CHUNK
  return Math.min(want, CHUNK, remaining)
}

async function pace(started: number, done: number, rate: number): Promise<void> {
  const due = started + (done / rate) * 1000
  const wait = due - Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 10_000)))
}

function toBuffer(s: string, encoding: 'text' | 'base64' | undefined): Buffer {
  return encoding === 'base64' ? Buffer.from(s, 'base64') : Buffer.from(s, 'utf8')
}

function toHeaders(headers: ProduceHeaderInput[] | undefined, render: (s: string) => string, encoding: 'text' | 'base64' | undefined): Message['headers'] {
  if (!headers || headers.length === 0) return undefined
  const out: Record<string, Buffer[]> = {}
  // kafkajs takes a map; an array value sends the same header key several times, preserving duplicates.
  for (const h of headers) if (h.value !== null) (out[h.key] ??= []).push(toBuffer(render(h.value), encoding))
  return out as Message['headers']
}

function badPartition(topic: string, partition: number, count: number): Error {
  return Object.assign(new Error(`topic ${topic} has ${count} partition(s); partition ${partition} does not exist`), { code: 'VALIDATION' })
}
