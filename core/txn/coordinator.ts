// The transaction coordinator (KIP-98) for every transactional.id on this broker: producer id and epoch per
// id (a new InitProducerId fences the previous producer), the partitions and groups of the running
// transaction, staged TxnOffsetCommit offsets, transaction.timeout.ms, and the commit/abort that writes
// the markers. Every transition is persisted, so a restart finishes or aborts what was in flight.
import type { CommittedOffset, Storage, TopicPartitionRef } from '../storage/storage'
import type { MarkerWrite } from '../log/log-service'
import { ErrorCode } from '../protocol/error-codes'
import { systemClock, type Clock, type TimerHandle } from '../groups/clock'
import {
  DEFAULT_MAX_TIMEOUT_MS, MAX_EPOCH, addGroup, addPartitions, begin, checkProducer, completed, copyTransaction,
  endTxnWhenNotOngoing, isCompleting, isOpen, newTransaction, stageOffsets as stage, type Transaction,
} from './transaction'

/** What the coordinator needs from the log. */
export interface TxnLog {
  partitionExists(topic: string, partition: number): boolean
  writeMarkers(w: MarkerWrite): void
}

export interface TxnCoordinatorOptions {
  storage: Pick<Storage, 'saveTransaction' | 'loadTransactions'>
  log: TxnLog
  allocateProducerId: () => bigint
  clock?: Clock
  maxTimeoutMs?: number
  /** Told about each producer epoch handed out, so idempotence checks know it too. */
  noteEpoch?: (producerId: bigint, epoch: number) => void
  /** Offsets that became visible with a commit (events for the console). */
  onOffsetsCommitted?: (offsets: CommittedOffset[]) => void
}

export interface InitProducerIdResult {
  errorCode: number
  producerId: bigint
  producerEpoch: number
}

export interface PartitionResult extends TopicPartitionRef {
  errorCode: number
}

export class TransactionCoordinator {
  private readonly byId = new Map<string, Transaction>()
  private readonly byProducerId = new Map<bigint, Transaction>()
  private readonly timers = new Map<string, TimerHandle>()
  private readonly clock: Clock
  private readonly maxTimeoutMs: number

  constructor(private readonly options: TxnCoordinatorOptions) {
    this.clock = options.clock ?? systemClock
    this.maxTimeoutMs = options.maxTimeoutMs ?? DEFAULT_MAX_TIMEOUT_MS
    for (const t of options.storage.loadTransactions()) this.index(t)
  }

  /**
   * Start-up after a crash or stop: a recorded decision (PrepareCommit/PrepareAbort) is carried out; a
   * transaction that was still Ongoing is aborted with a bumped epoch, fencing its producer. Either way no
   * transaction stays half visible.
   */
  recover(): void {
    for (const t of [...this.byId.values()]) {
      if (t.state === 'PrepareCommit' || t.state === 'PrepareAbort') this.finish(t, t.state === 'PrepareCommit')
      else if (t.state === 'Ongoing') this.abortFencing(t)
    }
  }

  /** InitProducerId with a transactional.id (KIP-98; KIP-360 when producerId/epoch are given). */
  initProducerId(transactionalId: string, timeoutMs: number, producerId: bigint, producerEpoch: number): InitProducerIdResult {
    const refused = (errorCode: number) => ({ errorCode, producerId: -1n, producerEpoch: -1 })
    if (timeoutMs <= 0 || timeoutMs > this.maxTimeoutMs) return refused(ErrorCode.INVALID_TRANSACTION_TIMEOUT)
    let t = this.byId.get(transactionalId)
    if (!t) {
      t = newTransaction(transactionalId, this.options.allocateProducerId(), timeoutMs, this.clock.now())
      this.index(t)
    } else {
      if (isCompleting(t.state)) return refused(ErrorCode.CONCURRENT_TRANSACTIONS)
      // KIP-360: a producer resuming with its own (id, epoch) may bump; anyone else holding an old pair is a zombie.
      if (producerId >= 0n && (producerId !== t.producerId || producerEpoch !== t.producerEpoch)) {
        return refused(ErrorCode.PRODUCER_FENCED)
      }
      // A new producer instance: abort what the previous one left open, then fence it with a new epoch.
      if (t.state === 'Ongoing') this.abortFencing(t)
      else this.bumpEpoch(t)
      t.state = 'Empty'
      t.timeoutMs = timeoutMs
      t.updatedAtMs = this.clock.now()
    }
    this.options.storage.saveTransaction(t)
    this.options.noteEpoch?.(t.producerId, t.producerEpoch)
    return { errorCode: ErrorCode.NONE, producerId: t.producerId, producerEpoch: t.producerEpoch }
  }

  addPartitions(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: TopicPartitionRef[]): PartitionResult[] {
    const t = this.byId.get(transactionalId)
    let error = checkProducer(t, producerId, producerEpoch)
    const unknown = partitions.filter((p) => !this.options.log.partitionExists(p.topic, p.partition))
    if (error === ErrorCode.NONE && unknown.length > 0) error = ErrorCode.OPERATION_NOT_ATTEMPTED
    if (error !== ErrorCode.NONE || !t) {
      return partitions.map((p) => ({ ...p, errorCode: unknown.includes(p) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : error }))
    }
    this.beginIfNeeded(t)
    addPartitions(t, partitions)
    this.options.storage.saveTransaction(t)
    return partitions.map((p) => ({ ...p, errorCode: ErrorCode.NONE }))
  }

  addOffsets(transactionalId: string, producerId: bigint, producerEpoch: number, groupId: string): number {
    const t = this.byId.get(transactionalId)
    const error = checkProducer(t, producerId, producerEpoch)
    if (error !== ErrorCode.NONE || !t) return error
    this.beginIfNeeded(t)
    addGroup(t, groupId)
    this.options.storage.saveTransaction(t)
    return ErrorCode.NONE
  }

  /**
   * TxnOffsetCommit: stages the offsets in the transaction; they become visible only when it commits.
   * `memberError` is the group's verdict on member/generation (KIP-447, v3+), NONE when not checked.
   */
  stageOffsets(transactionalId: string, groupId: string, producerId: bigint, producerEpoch: number, memberError: number,
    offsets: CommittedOffset[]): PartitionResult[] {
    const t = this.byId.get(transactionalId)
    let error = checkProducer(t, producerId, producerEpoch)
    if (error === ErrorCode.NONE && (t?.state !== 'Ongoing' || !t.groups.includes(groupId))) error = ErrorCode.INVALID_TXN_STATE
    if (error === ErrorCode.NONE) error = memberError
    if (error === ErrorCode.NONE && t) {
      stage(t, offsets.map((o) => ({ ...o, group: groupId, metadata: o.metadata ?? '' })))
      this.options.storage.saveTransaction(t)
    }
    return offsets.map((o) => ({ topic: o.topic, partition: o.partition, errorCode: error }))
  }

  endTxn(transactionalId: string, producerId: bigint, producerEpoch: number, commit: boolean): number {
    const t = this.byId.get(transactionalId)
    if (!t || t.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING
    if (producerEpoch !== t.producerEpoch) return ErrorCode.PRODUCER_FENCED
    if (t.state !== 'Ongoing') return endTxnWhenNotOngoing(t.state, commit)
    this.complete(t, commit)
    return ErrorCode.NONE
  }

  /** Produce of a transactional batch: the producer's current epoch, into a partition its transaction added. */
  checkProduce(producerId: bigint, producerEpoch: number, topic: string, partition: number): number {
    const t = this.byProducerId.get(producerId)
    if (!t) return ErrorCode.INVALID_TXN_STATE
    // Produce has no PRODUCER_FENCED: clients read INVALID_PRODUCER_EPOCH as being fenced.
    if (producerEpoch !== t.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH
    if (t.state !== 'Ongoing') return ErrorCode.INVALID_TXN_STATE
    const added = t.partitions.some((p) => p.topic === topic && p.partition === partition)
    return added ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE
  }

  /** OffsetFetch requireStable (KIP-447): is a transactional commit for this partition still pending? */
  hasPendingOffset(groupId: string, topic: string, partition: number): boolean {
    for (const t of this.byId.values()) {
      if (t.pendingOffsets.some((o) => o.group === groupId && o.topic === topic && o.partition === partition)) return true
    }
    return false
  }

  /** Inspection: transactions that are running or completing, oldest first. */
  openTransactions(): Transaction[] {
    return [...this.byId.values()].filter((t) => isOpen(t.state)).map(copyTransaction)
      .sort((a, b) => a.startedAtMs - b.startedAtMs)
  }

  /** Inspection: every transactional id's state. */
  describe(transactionalId: string): Transaction | undefined {
    const t = this.byId.get(transactionalId)
    return t && copyTransaction(t)
  }

  /** Stops the timeout timers (broker shutdown); the persisted state is what a restart recovers. */
  shutdown(): void {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle)
    this.timers.clear()
  }

  private index(t: Transaction): void {
    this.byId.set(t.transactionalId, t)
    this.byProducerId.set(t.producerId, t)
  }

  private beginIfNeeded(t: Transaction): void {
    if (!begin(t, this.clock.now())) return
    const id = t.transactionalId
    this.timers.set(id, this.clock.setTimeout(() => this.expire(id), t.timeoutMs))
  }

  /** transaction.timeout.ms passed: abort, bumping the epoch so the stalled producer is fenced (as Kafka). */
  private expire(transactionalId: string): void {
    this.timers.delete(transactionalId)
    const t = this.byId.get(transactionalId)
    if (t?.state === 'Ongoing') this.abortFencing(t)
  }

  private abortFencing(t: Transaction): void {
    this.bumpEpoch(t)
    this.complete(t, false)
  }

  /** A new epoch, or a new producer id once the epoch space is used up. */
  private bumpEpoch(t: Transaction): void {
    if (t.producerEpoch < MAX_EPOCH) {
      t.producerEpoch += 1
      return
    }
    this.byProducerId.delete(t.producerId)
    t.producerId = this.options.allocateProducerId()
    t.producerEpoch = 0
    this.byProducerId.set(t.producerId, t)
  }

  /** Records the decision first, so a crash between it and the markers is completed on restart. */
  private complete(t: Transaction, commit: boolean): void {
    const handle = this.timers.get(t.transactionalId)
    if (handle !== undefined) this.clock.clearTimeout(handle)
    this.timers.delete(t.transactionalId)
    t.state = commit ? 'PrepareCommit' : 'PrepareAbort'
    t.updatedAtMs = this.clock.now()
    this.options.storage.saveTransaction(t)
    this.finish(t, commit)
  }

  /** Markers, offsets and the completed state in one storage transaction. */
  private finish(t: Transaction, commit: boolean): void {
    const now = this.clock.now()
    const offsets = commit ? t.pendingOffsets.map((o) => ({ ...o, commitTimestampMs: now })) : []
    const done = completed(t, commit, now)
    this.options.log.writeMarkers({ producerId: t.producerId, producerEpoch: t.producerEpoch, commit, partitions: t.partitions, offsets, transaction: done })
    Object.assign(t, done)
    this.options.noteEpoch?.(t.producerId, t.producerEpoch)
    if (offsets.length > 0) this.options.onOffsetsCommitted?.(offsets)
  }
}
