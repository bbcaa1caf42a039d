// Memory engine's transaction tables (KIP-98): coordinator state, open transactions per partition and the
// aborted-transaction index. Records are copied in and out so callers never share them.
import type { AbortedTxnRecord, OpenTxnRecord, TransactionRecord, TxnLogChanges } from '../storage'

const partitionKey = (topic: string, partition: number): string => `${partition}\u0000${topic}`
const openKey = (o: OpenTxnRecord): string => `${o.producerId}\u0000${partitionKey(o.topic, o.partition)}`

function copyTransaction(t: TransactionRecord): TransactionRecord {
  return { ...t, partitions: t.partitions.map((p) => ({ ...p })), groups: [...t.groups],
    pendingOffsets: t.pendingOffsets.map((o) => ({ ...o })) }
}

export class MemoryTxnStore {
  private readonly open = new Map<string, OpenTxnRecord>()
  /** Per partition, ordered by lastOffset (markers are appended in offset order). */
  private readonly aborted = new Map<string, AbortedTxnRecord[]>()
  private readonly transactions = new Map<string, TransactionRecord>()

  apply(txn: TxnLogChanges): void {
    for (const o of txn.opened ?? []) this.open.set(openKey(o), { ...o })
    for (const c of txn.closed ?? []) this.open.delete(openKey(c))
    for (const a of txn.aborted ?? []) {
      const key = partitionKey(a.topic, a.partition)
      this.aborted.set(key, [...(this.aborted.get(key) ?? []), { ...a }])
    }
    if (txn.transaction) this.save(txn.transaction)
  }

  loadOpen(): OpenTxnRecord[] {
    return [...this.open.values()].map((o) => ({ ...o }))
  }

  abortedIn(topic: string, partition: number, from: bigint, before: bigint): AbortedTxnRecord[] {
    return (this.aborted.get(partitionKey(topic, partition)) ?? [])
      .filter((a) => a.lastOffset >= from && a.firstOffset < before)
      .sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0))
      .map((a) => ({ ...a }))
  }

  /** DeleteRecords / retention: index entries wholly below the new log start go with the data. */
  trimBelow(topic: string, partition: number, offset: bigint): void {
    const key = partitionKey(topic, partition)
    const kept = (this.aborted.get(key) ?? []).filter((a) => a.lastOffset >= offset)
    this.aborted.set(key, kept)
  }

  dropTopic(topic: string): void {
    for (const [key, o] of this.open) if (o.topic === topic) this.open.delete(key)
    for (const [key, list] of this.aborted) if (list[0]?.topic === topic) this.aborted.delete(key)
  }

  save(t: TransactionRecord): void {
    this.transactions.set(t.transactionalId, copyTransaction(t))
  }

  loadTransactions(): TransactionRecord[] {
    return [...this.transactions.values()].sort((a, b) => (a.transactionalId < b.transactionalId ? -1 : 1)).map(copyTransaction)
  }
}
