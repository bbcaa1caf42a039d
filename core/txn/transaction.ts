// One transactional.id's state (KIP-98) and the pure transitions the coordinator applies to it.
import type { CommittedOffset, TopicPartitionRef, TransactionRecord, TxnState } from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'

/** Kafka bumps an epoch only below Short.MAX_VALUE - 1, then moves the producer to a fresh id. */
export const MAX_EPOCH = 32766
/** Kafka's transaction.max.timeout.ms default: InitProducerId asking for more gets INVALID_TRANSACTION_TIMEOUT. */
export const DEFAULT_MAX_TIMEOUT_MS = 900_000

export type Transaction = TransactionRecord

export function isCompleting(state: TxnState): boolean {
  return state === 'PrepareCommit' || state === 'PrepareAbort'
}

export function isOpen(state: TxnState): boolean {
  return state === 'Ongoing' || isCompleting(state)
}

export function newTransaction(transactionalId: string, producerId: bigint, timeoutMs: number, nowMs: number): Transaction {
  return {
    transactionalId, producerId, producerEpoch: 0, timeoutMs, state: 'Empty', partitions: [], groups: [],
    pendingOffsets: [], startedAtMs: -1, updatedAtMs: nowMs,
  }
}

export function copyTransaction(t: Transaction): Transaction {
  return { ...t, partitions: t.partitions.map((p) => ({ ...p })), groups: [...t.groups], pendingOffsets: t.pendingOffsets.map((o) => ({ ...o })) }
}

/**
 * The checks every transactional request after InitProducerId shares: the id must map to this producer id
 * (INVALID_PRODUCER_ID_MAPPING), the epoch must be the current one (older = a fenced zombie), and no
 * commit or abort may be in progress (CONCURRENT_TRANSACTIONS, the client retries).
 */
export function checkProducer(t: Transaction | undefined, producerId: bigint, producerEpoch: number): number {
  if (!t || t.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING
  if (producerEpoch !== t.producerEpoch) return ErrorCode.PRODUCER_FENCED
  if (isCompleting(t.state)) return ErrorCode.CONCURRENT_TRANSACTIONS
  return ErrorCode.NONE
}

/** Starts a transaction on its first AddPartitionsToTxn / AddOffsetsToTxn; true if it was not already running. */
export function begin(t: Transaction, nowMs: number): boolean {
  if (t.state === 'Ongoing') return false
  Object.assign(t, { state: 'Ongoing', partitions: [], groups: [], pendingOffsets: [], startedAtMs: nowMs, updatedAtMs: nowMs })
  return true
}

export function addPartitions(t: Transaction, partitions: TopicPartitionRef[]): void {
  for (const p of partitions) {
    if (!t.partitions.some((q) => q.topic === p.topic && q.partition === p.partition)) t.partitions.push({ ...p })
  }
}

export function addGroup(t: Transaction, groupId: string): void {
  if (!t.groups.includes(groupId)) t.groups.push(groupId)
}

/** Stages offsets until EndTxn; a later commit for the same partition replaces the earlier one. */
export function stageOffsets(t: Transaction, offsets: CommittedOffset[]): void {
  for (const o of offsets) {
    const i = t.pendingOffsets.findIndex((p) => p.group === o.group && p.topic === o.topic && p.partition === o.partition)
    if (i >= 0) t.pendingOffsets[i] = { ...o }
    else t.pendingOffsets.push({ ...o })
  }
}

/** The state a finished transaction leaves behind: nothing pending, ready for the next one. */
export function completed(t: Transaction, commit: boolean, nowMs: number): Transaction {
  return { ...copyTransaction(t), state: commit ? 'CompleteCommit' : 'CompleteAbort', partitions: [], groups: [],
    pendingOffsets: [], startedAtMs: -1, updatedAtMs: nowMs }
}

/** EndTxn against a transaction that is not Ongoing: a retried identical request succeeds (Kafka's rule). */
export function endTxnWhenNotOngoing(state: TxnState, commit: boolean): number {
  if (state === 'CompleteCommit' && commit) return ErrorCode.NONE
  if (state === 'CompleteAbort' && !commit) return ErrorCode.NONE
  if (isCompleting(state)) return ErrorCode.CONCURRENT_TRANSACTIONS
  return ErrorCode.INVALID_TXN_STATE
}
