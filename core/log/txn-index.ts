// Open transactions per partition (KIP-98): for each producer with transactional data and no marker yet,
// the offset of its first batch. The smallest of those is the partition's last stable offset (LSO);
// read_committed consumers never read at or past it. Keys use the topic id, so a re-created topic starts clean.
import type { OpenTxnRecord, Storage } from '../storage/storage'

const key = (topicId: string, partition: number) => `${topicId}:${partition}`

export class OpenTxnIndex {
  private readonly byPartition = new Map<string, Map<bigint, OpenTxnRecord>>()

  constructor(private readonly storage: Storage) {
    for (const r of storage.loadOpenTxns()) this.open(r)
  }

  firstOffset(topic: string, partition: number, producerId: bigint): bigint | undefined {
    return this.entries(topic, partition)?.get(producerId)?.firstOffset
  }

  /** First offset of the earliest open transaction, else the high watermark. */
  lastStableOffset(topic: string, partition: number, highWatermark: bigint): bigint {
    let lso = highWatermark
    for (const r of this.entries(topic, partition)?.values() ?? []) if (r.firstOffset < lso) lso = r.firstOffset
    return lso
  }

  open(r: OpenTxnRecord): void {
    const topicId = this.storage.getTopic(r.topic)?.topicId
    if (!topicId) return
    const k = key(topicId, r.partition)
    let m = this.byPartition.get(k)
    if (!m) this.byPartition.set(k, (m = new Map()))
    m.set(r.producerId, { ...r })
  }

  close(topic: string, partition: number, producerId: bigint): void {
    this.entries(topic, partition)?.delete(producerId)
  }

  /** Every open (partition, producer) pair whose topic still exists, for the console. */
  list(): OpenTxnRecord[] {
    const out: OpenTxnRecord[] = []
    for (const m of this.byPartition.values()) {
      for (const r of m.values()) if (this.storage.getTopic(r.topic)) out.push({ ...r })
    }
    return out
  }

  private entries(topic: string, partition: number): Map<bigint, OpenTxnRecord> | undefined {
    const topicId = this.storage.getTopic(topic)?.topicId
    return topicId ? this.byPartition.get(key(topicId, partition)) : undefined
  }
}
