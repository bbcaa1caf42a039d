// The background log cleaner: retention (cleanup.policy=delete) and compaction (cleanup.policy=compact),
// for every partition of every topic. Tests drive it with an injected clock and runNow(); the broker runs
// it on an unref'd interval timer that stop() clears.
import type { Storage } from '../../storage/storage'
import { batchInfosFromStart, compactPartition, type CompactionState } from './compaction'
import { hasPolicy, retentionCutoff } from './retention'

export interface CleanerOptions {
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number
  /** Period of the timer started by start(); Kafka checks retention every 5 minutes, we default to 30 s. */
  intervalMs?: number
  log?: (line: string) => void
  /** Idempotent producer state to expire after producerExpirationMs of inactivity. */
  producers?: { expire(beforeMs: number): number }
  /** Kafka's producer.id.expiration.ms (KIP-854), one day by default. */
  producerExpirationMs?: number
}

export interface CleanerReport {
  partitionsScanned: number
  /** Batches removed from the head by retention.ms / retention.bytes. */
  retentionBatchesDeleted: number
  compactionsRun: number
  compactedRecordsRemoved: number
  compactedBytesBefore: number
  compactedBytesAfter: number
  producersExpired: number
  errors: string[]
}

export const DEFAULT_CLEANER_INTERVAL_MS = 30_000
export const DEFAULT_PRODUCER_EXPIRATION_MS = 86_400_000

export class LogCleaner {
  private readonly now: () => number
  private readonly states = new Map<string, CompactionState>()
  private timer: ReturnType<typeof setInterval> | undefined
  private running: Promise<CleanerReport> | undefined
  private stopping = false

  constructor(
    private readonly storage: Storage,
    private readonly options: CleanerOptions = {},
  ) {
    this.now = options.now ?? Date.now
  }

  /** One full pass now. Concurrent callers share the pass in progress, then a new one starts. */
  async runNow(opts: { forceCompaction?: boolean } = {}): Promise<CleanerReport> {
    while (this.running) await this.running.catch(() => undefined)
    this.running = this.pass(opts.forceCompaction ?? false)
    try {
      return await this.running
    } finally {
      this.running = undefined
    }
  }

  start(intervalMs = this.options.intervalMs ?? DEFAULT_CLEANER_INTERVAL_MS): void {
    if (this.timer || intervalMs <= 0) return
    this.timer = setInterval(() => {
      if (this.running) return
      void this.runNow().then((r) => r.errors.forEach((e) => this.options.log?.(`log cleaner: ${e}`)))
    }, intervalMs)
    // The cleaner must never keep a stopping process alive.
    this.timer.unref()
  }

  /** Stops the timer and waits for a pass in progress to finish. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running?.catch(() => undefined)
  }

  private async pass(force: boolean): Promise<CleanerReport> {
    const report: CleanerReport = {
      partitionsScanned: 0, retentionBatchesDeleted: 0, compactionsRun: 0, compactedRecordsRemoved: 0,
      compactedBytesBefore: 0, compactedBytesAfter: 0, producersExpired: 0, errors: [],
    }
    for (const topic of this.storage.listTopics()) {
      for (let partition = 0; partition < topic.partitionCount; partition++) {
        // A stopping broker waits for the pass: end it at the next partition instead of finishing it.
        if (this.stopping) return report
        report.partitionsScanned++
        try {
          if (hasPolicy(topic.configs, 'delete')) this.applyRetention(topic.name, partition, report)
          if (hasPolicy(topic.configs, 'compact')) await this.compact(topic.name, topic.topicId, partition, force, report)
        } catch (err) {
          // A topic deleted mid-pass is normal; anything else is reported, and the other partitions go on.
          if ((err as { code?: string }).code !== 'UNKNOWN_TOPIC_OR_PARTITION') report.errors.push(`${topic.name}-${partition}: ${String(err)}`)
        }
      }
    }
    const expiration = this.options.producerExpirationMs ?? DEFAULT_PRODUCER_EXPIRATION_MS
    report.producersExpired = this.options.producers?.expire(this.now() - expiration) ?? 0
    return report
  }

  private applyRetention(topic: string, partition: number, report: CleanerReport): void {
    const configs = this.storage.getTopic(topic)?.configs
    if (!configs) return
    const before = this.storage.offsets(topic, partition)
    const cutoff = retentionCutoff(() => batchInfosFromStart(this.storage, topic, partition), before.sizeBytes, configs, this.now())
    if (cutoff === null || cutoff <= before.logStartOffset) return
    this.storage.deleteRecordsBefore(topic, partition, cutoff)
    report.retentionBatchesDeleted += before.batchCount - this.storage.offsets(topic, partition).batchCount
  }

  private async compact(topic: string, topicId: string, partition: number, force: boolean, report: CleanerReport): Promise<void> {
    const key = `${topicId}:${partition}`
    const state = this.states.get(key) ?? { dirtyFrom: -1n, tombstoneDueAtMs: null }
    const outcome = await compactPartition(this.storage, topic, partition, this.now(), state, force)
    if (!outcome.ran) return
    this.states.set(key, outcome.state)
    report.compactionsRun++
    report.compactedRecordsRemoved += outcome.recordsRemoved
    report.compactedBytesBefore += outcome.bytesBefore
    report.compactedBytesAfter += outcome.bytesAfter
  }
}
