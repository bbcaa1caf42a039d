// SQLite side of transactions (KIP-98): coordinator state, open transactions per partition and the
// aborted-transaction index. sqlite-storage.ts delegates here; writes run inside its transactions.
import type Database from 'better-sqlite3'
import type { AbortedTxnRecord, CommittedOffset, OpenTxnRecord, TransactionRecord, TxnLogChanges, TxnState } from '../storage'
import type { TopicState } from './state'

interface TransactionRow {
  transactional_id: string
  producer_id: bigint
  producer_epoch: bigint
  timeout_ms: bigint
  state: string
  partitions: string
  groups: string
  pending_offsets: string
  started_at_ms: bigint
  updated_at_ms: bigint
}
interface OpenTxnRow { partition_id: bigint; producer_id: bigint; first_offset: bigint }
interface AbortedTxnRow extends OpenTxnRow { last_offset: bigint }

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>
type PendingJson = [string, string, number, string, number, string | null, number]

export function prepareTxnStatements(db: Database.Database) {
  return {
    upsertTransaction: db.prepare(
      `INSERT INTO transactions (transactional_id, producer_id, producer_epoch, timeout_ms, state, partitions, groups,
         pending_offsets, started_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (transactional_id) DO UPDATE SET producer_id = excluded.producer_id,
         producer_epoch = excluded.producer_epoch, timeout_ms = excluded.timeout_ms, state = excluded.state,
         partitions = excluded.partitions, groups = excluded.groups, pending_offsets = excluded.pending_offsets,
         started_at_ms = excluded.started_at_ms, updated_at_ms = excluded.updated_at_ms`,
    ) as Stmt<[string, bigint, number, number, string, string, string, string, number, number]>,
    allTransactions: db.prepare('SELECT * FROM transactions ORDER BY transactional_id') as Stmt<[], TransactionRow>,
    insertOpenTxn: db.prepare(
      'INSERT OR REPLACE INTO open_txns (partition_id, producer_id, first_offset) VALUES (?, ?, ?)',
    ) as Stmt<[bigint, bigint, bigint]>,
    deleteOpenTxn: db.prepare('DELETE FROM open_txns WHERE partition_id = ? AND producer_id = ?') as Stmt<[bigint, bigint]>,
    allOpenTxns: db.prepare('SELECT * FROM open_txns') as Stmt<[], OpenTxnRow>,
    insertAbortedTxn: db.prepare(
      'INSERT OR REPLACE INTO aborted_txns (partition_id, last_offset, first_offset, producer_id) VALUES (?, ?, ?, ?)',
    ) as Stmt<[bigint, bigint, bigint, bigint]>,
    abortedTxns: db.prepare(
      `SELECT * FROM aborted_txns WHERE partition_id = ? AND last_offset >= ? AND first_offset < ?
       ORDER BY first_offset`,
    ) as Stmt<[bigint, bigint, bigint], AbortedTxnRow>,
    deleteAbortedBelow: db.prepare('DELETE FROM aborted_txns WHERE partition_id = ? AND last_offset < ?') as Stmt<
      [bigint, bigint]
    >,
  }
}

export type TxnStatements = ReturnType<typeof prepareTxnStatements>

/** Applies an append's transaction bookkeeping; `partitionId` resolves names (throws for unknown ones). */
export function applyTxnChanges(
  stmts: TxnStatements, txn: TxnLogChanges, partitionId: (topic: string, partition: number) => bigint,
): void {
  for (const o of txn.opened ?? []) stmts.insertOpenTxn.run(partitionId(o.topic, o.partition), o.producerId, o.firstOffset)
  for (const c of txn.closed ?? []) stmts.deleteOpenTxn.run(partitionId(c.topic, c.partition), c.producerId)
  for (const a of txn.aborted ?? []) {
    stmts.insertAbortedTxn.run(partitionId(a.topic, a.partition), a.lastOffset, a.firstOffset, a.producerId)
  }
  if (txn.transaction) saveTransaction(stmts, txn.transaction)
}

export function saveTransaction(stmts: TxnStatements, t: TransactionRecord): void {
  const partitions = JSON.stringify(t.partitions.map((p) => [p.topic, p.partition]))
  const pending = JSON.stringify(t.pendingOffsets.map((o): PendingJson =>
    [o.group, o.topic, o.partition, o.offset.toString(), o.leaderEpoch, o.metadata, o.commitTimestampMs]))
  stmts.upsertTransaction.run(t.transactionalId, t.producerId, t.producerEpoch, t.timeoutMs, t.state, partitions,
    JSON.stringify(t.groups), pending, t.startedAtMs, t.updatedAtMs)
}

export function loadTransactions(stmts: TxnStatements): TransactionRecord[] {
  return stmts.allTransactions.all().map((row) => ({
    transactionalId: row.transactional_id,
    producerId: row.producer_id,
    producerEpoch: Number(row.producer_epoch),
    timeoutMs: Number(row.timeout_ms),
    state: row.state as TxnState,
    partitions: (JSON.parse(row.partitions) as [string, number][]).map(([topic, partition]) => ({ topic, partition })),
    groups: JSON.parse(row.groups) as string[],
    pendingOffsets: (JSON.parse(row.pending_offsets) as PendingJson[]).map(
      ([group, topic, partition, offset, leaderEpoch, metadata, commitTimestampMs]): CommittedOffset =>
        ({ group, topic, partition, offset: BigInt(offset), leaderEpoch, metadata, commitTimestampMs })),
    startedAtMs: Number(row.started_at_ms),
    updatedAtMs: Number(row.updated_at_ms),
  }))
}

/** Maps partition row ids back to (topic, partition) names. */
export function partitionNames(topics: Map<string, TopicState>): Map<bigint, { topic: string; partition: number }> {
  const where = new Map<bigint, { topic: string; partition: number }>()
  for (const t of topics.values()) t.partitions.forEach((p, i) => where.set(p.id, { topic: t.record.name, partition: i }))
  return where
}

export function loadOpenTxns(stmts: TxnStatements, topics: Map<string, TopicState>): OpenTxnRecord[] {
  const where = partitionNames(topics)
  return stmts.allOpenTxns.all().flatMap((row) => {
    const at = where.get(row.partition_id)
    return at ? [{ ...at, producerId: row.producer_id, firstOffset: row.first_offset }] : []
  })
}

export function abortedTxns(
  stmts: TxnStatements, partitionId: bigint, at: { topic: string; partition: number }, from: bigint, before: bigint,
): AbortedTxnRecord[] {
  return stmts.abortedTxns.all(partitionId, from, before).map((row) => ({
    ...at, producerId: row.producer_id, firstOffset: row.first_offset, lastOffset: row.last_offset,
  }))
}
