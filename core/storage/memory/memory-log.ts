import { StorageError, type BatchInfo, type BatchRewrite, type PartitionOffsets, type StoredBatch } from '../storage'

/** One partition's log held in an array ordered by offset; with retain=false only the counters are kept. */
export class MemoryPartitionLog {
  private batches: StoredBatch[] = []
  private logStart = 0n
  private next = 0n
  private size = 0
  private count = 0

  constructor(private readonly retain: boolean) {}

  get nextOffset(): bigint {
    return this.next
  }

  append(batch: StoredBatch): void {
    if (this.retain) this.batches.push(batch)
    this.next = batch.lastOffset + 1n
    this.size += batch.bytes.length
    this.count += 1
  }

  offsets(): PartitionOffsets {
    return { logStartOffset: this.logStart, highWatermark: this.next, sizeBytes: this.size, batchCount: this.count }
  }

  read(fromOffset: bigint, maxBytes: number): StoredBatch[] {
    const out: StoredBatch[] = []
    let total = 0
    for (let i = this.firstIndexEndingAtOrAfter(fromOffset); i < this.batches.length; i++) {
      const batch = this.batches[i]!
      out.push(batch)
      total += batch.bytes.length
      if (total >= maxBytes) break
    }
    return out
  }

  findByTimestamp(timestampMs: bigint): StoredBatch | undefined {
    return this.batches.find((b) => b.maxTimestamp >= timestampMs)
  }

  maxTimestamp(): StoredBatch | undefined {
    let best: StoredBatch | undefined
    for (const b of this.batches) if (!best || b.maxTimestamp > best.maxTimestamp) best = b
    return best
  }

  deleteBefore(offset: bigint): void {
    if (offset > this.next) {
      throw new StorageError('OFFSET_OUT_OF_RANGE', `offset ${offset} is beyond the high watermark ${this.next}`)
    }
    if (offset <= this.logStart) return
    this.logStart = offset
    const keepFrom = this.firstIndexEndingAtOrAfter(offset)
    for (const b of this.batches.slice(0, keepFrom)) this.size -= b.bytes.length
    this.count -= keepFrom
    this.batches = this.batches.slice(keepFrom)
    // Without retained batches the sizes below `offset` are unknown; only a full truncation is exact.
    if (!this.retain && offset === this.next) [this.size, this.count] = [0, 0]
  }

  infos(fromOffset: bigint, limit: number): BatchInfo[] {
    const start = this.firstIndexEndingAtOrAfter(fromOffset)
    return this.batches.slice(start, start + limit).map((b) => ({
      baseOffset: b.baseOffset, lastOffset: b.lastOffset, maxTimestamp: b.maxTimestamp, sizeBytes: b.bytes.length,
    }))
  }

  /** Compaction: swaps or drops batches in place; offsets and the log start are unchanged. */
  rewrite(rewrites: BatchRewrite[]): void {
    const dropped = new Set<StoredBatch>()
    for (const r of rewrites) {
      const i = this.firstIndexEndingAtOrAfter(r.baseOffset)
      const old = this.batches[i]
      if (!old || old.baseOffset !== r.baseOffset) continue
      this.size -= old.bytes.length
      if (r.bytes === null) {
        dropped.add(old)
        this.count -= 1
      } else {
        this.batches[i] = { ...old, bytes: Buffer.from(r.bytes) }
        this.size += r.bytes.length
      }
    }
    if (dropped.size > 0) this.batches = this.batches.filter((b) => !dropped.has(b))
  }

  /** Binary search: the first batch whose lastOffset >= offset (batches.length if none). */
  private firstIndexEndingAtOrAfter(offset: bigint): number {
    let lo = 0
    let hi = this.batches.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.batches[mid]!.lastOffset < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
