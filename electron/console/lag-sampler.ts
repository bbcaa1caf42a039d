/**
 * Samples every group's total lag once a second into the lag history. Runs in the console's process, off
 * the broker's request path: the embedded source reads committed offsets and log ends from the core's
 * in-memory state, a remote cluster is asked over the Kafka protocol. One sample in flight at a time, so a
 * slow cluster makes the sampler skip ticks rather than pile requests up.
 */
import type { BrokerContext } from '../../core/broker/context'
import type { Clock, TimerHandle } from '../../core/groups/clock'
import type { ConsoleDeps } from './deps'
import { groupOffsets } from './groups'
import type { LagHistoryStore, LagSample } from './lag-history'

export const SAMPLE_INTERVAL_MS = 1000
/** Bounds the per-second work and the history size on clusters with very many groups. */
export const MAX_SAMPLED_GROUPS = 500

export type LagSource = () => Promise<LagSample[]> | LagSample[]

export class LagSampler {
  private timer: TimerHandle | undefined
  private inFlight = false
  private running = false
  private closed = false
  samplesTaken = 0

  constructor(
    private readonly clock: Clock,
    private readonly source: LagSource,
    private readonly store: LagHistoryStore,
    private readonly intervalMs = SAMPLE_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.running || this.closed) return
    this.running = true
    this.schedule()
  }

  /** Final: after stop() nothing is written (the database may be closed next). */
  stop(): void {
    this.running = false
    this.closed = true
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
  }

  /**
   * Takes one sample now (the timer calls this; tests call it directly). Synchronous when the source is
   * (the embedded one), so a fake clock drives it without awaiting; skipped while a slow one is in flight.
   */
  sampleOnce(): Promise<void> | void {
    if (this.inFlight || this.closed) return
    let got: ReturnType<LagSource>
    try {
      got = this.source()
    } catch {
      return
    }
    if (!(got instanceof Promise)) return this.write(got)
    this.inFlight = true
    // A cluster that is briefly unreachable leaves a gap in the chart, which is the truth.
    return got.then((samples) => this.write(samples), () => undefined).finally(() => { this.inFlight = false })
  }

  private write(samples: LagSample[]): void {
    if (this.closed) return
    this.store.record(this.clock.now(), samples.slice(0, MAX_SAMPLED_GROUPS))
    this.samplesTaken++
  }

  private schedule(): void {
    if (!this.running) return
    // Aligned to the second, so samples of all groups share timestamps and buckets line up.
    const now = this.clock.now()
    const delay = this.intervalMs - (now % this.intervalMs)
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      const pending = this.sampleOnce()
      if (pending) void pending.finally(() => this.schedule())
      else this.schedule()
    }, delay)
  }
}

/** Embedded broker: committed offsets from storage, log ends from the partitions' in-memory state. */
export function embeddedLagSource(ctx: BrokerContext): LagSource {
  return () => {
    const out: LagSample[] = []
    for (const groupId of ctx.storage.listOffsetGroups()) {
      let lag = 0n
      for (const o of ctx.storage.fetchOffsets(groupId)) {
        try {
          const end = ctx.storage.offsets(o.topic, o.partition).highWatermark
          if (o.offset >= 0n && end > o.offset) lag += end - o.offset
        } catch {
          // The topic was deleted; its offsets linger until the group is deleted or they expire.
        }
      }
      out.push({ groupId, lag: Number(lag) })
    }
    return out
  }
}

/** Any cluster: ListGroups, then OffsetFetch and ListOffsets per group (what the groups list does). */
export function remoteLagSource(deps: ConsoleDeps): LagSource {
  return async () => {
    const admin = await deps.admin()
    const { groups } = await admin.listGroups()
    const out: LagSample[] = []
    for (const g of groups.slice(0, MAX_SAMPLED_GROUPS)) {
      const rows = await groupOffsets(deps, g.groupId).catch(() => null)
      if (!rows || rows.length === 0) continue
      out.push({ groupId: g.groupId, lag: rows.reduce((n, r) => n + (r.lag === null ? 0 : Number(r.lag)), 0) })
    }
    return out
  }
}
