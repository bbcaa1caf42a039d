/**
 * The protocol inspector (embedded broker only): records every request the broker answers into a bounded
 * buffer, decodes responses for their error code and Produce/Fetch requests for client activity off the hot
 * path (on a 250 ms timer), and pushes new rows to watching views in batches.
 */
import type { BrokerContext } from '../../../core/broker/context'
import type { RequestEvent } from '../../../core/broker/events'
import { apiKeyName } from '../../../core/protocol/api-keys'
import { errorName } from '../../../core/protocol/error-codes'
import type { ApiLatency, InspectorBatch, InspectorDecoded, InspectorSnapshot } from '../../ipc/contract'
import { ClientActivityTracker } from './client-activity'
import { decodeRequestBody, decodeResponseBody, firstErrorCode, requestTopics, toDecodedValue } from './decode'
import { latencyByApi } from './percentiles'
import { RequestStore, type StoredRequest } from './request-store'

export interface InspectorOptions {
  capacity?: number
  /** Raw bytes kept for decode-on-click, newest first. */
  payloadBudgetBytes?: number
  flushMs?: number
  /** Rows per push; the rest stay in the buffer (a view can page them in with a snapshot). */
  maxPushRows?: number
  now?: () => number
}

const WATCH_LEASE_MS = 15_000
const PRODUCE = 0
const FETCH = 1
/** Longest a decoding slice may hold the event loop. */
const SLICE_MS = 5

export class Inspector {
  readonly store: RequestStore
  readonly clients: ClientActivityTracker
  private processedId = 0
  private pushedId = 0
  private watchUntil = 0
  private continuation: ReturnType<typeof setImmediate> | null = null
  private readonly off: () => void
  private readonly timer: ReturnType<typeof setInterval>
  private readonly now: () => number
  private readonly maxPushRows: number

  constructor(private readonly ctx: BrokerContext, private readonly push: (batch: InspectorBatch) => void, options: InspectorOptions = {}) {
    this.store = new RequestStore(options.capacity ?? 10_000, options.payloadBudgetBytes ?? 64 * 1024 * 1024)
    this.clients = new ClientActivityTracker(ctx)
    this.now = options.now ?? Date.now
    this.maxPushRows = options.maxPushRows ?? 2_000
    this.off = ctx.events.onRequest((e) => this.record(e))
    this.timer = setInterval(() => this.flush(), options.flushMs ?? 250)
    this.timer.unref?.()
  }

  /** The hot-path part: one object and (for small frames) two short copies; no decoding here. */
  private record(e: RequestEvent): void {
    const conn = this.ctx.connections.get(e.connectionId)
    this.store.add(e, {
      startedAtMs: String(e.startedAtMs), connectionId: e.connectionId, clientId: e.clientId,
      softwareName: conn?.clientSoftwareName ?? null, softwareVersion: conn?.clientSoftwareVersion ?? null,
      apiKey: e.apiKey, apiName: apiKeyName(e.apiKey), apiVersion: e.apiVersion, correlationId: e.correlationId,
      requestBytes: e.requestBytes, responseBytes: e.responseBytes, durationMs: Math.round(e.durationMs * 1000) / 1000,
      errorCode: e.response ? null : 0, errorName: null,
    })
  }

  /** Decodes what arrived since the last flush (see decodePending), then pushes it if a view is watching. */
  flush(budgetMs = SLICE_MS): void {
    this.decodePending(budgetMs)
    if (this.now() > this.watchUntil) {
      this.pushedId = this.processedId
      return
    }
    // Only decoded rows are pushed (with their error code); the rest follow on the next tick.
    const fresh = this.store.since(this.pushedId).filter((x) => x.entry.id <= this.processedId)
    this.pushedId = this.processedId
    if (fresh.length === 0) return
    const rows = fresh.slice(-this.maxPushRows).map((x) => x.entry)
    this.push({ entries: rows, skipped: fresh.length - rows.length })
  }

  /**
   * Decoding runs in slices of at most `budgetMs` and yields between them (setImmediate), so a burst of
   * thousands of requests never holds the broker's event loop for long.
   */
  private decodePending(budgetMs: number): void {
    const deadline = performance.now() + budgetMs
    for (const x of this.store.since(this.processedId)) {
      this.process(x)
      this.processedId = x.entry.id
      if (performance.now() > deadline) {
        this.continuation ??= setImmediate(() => ((this.continuation = null), this.decodePending(SLICE_MS)))
        return
      }
    }
  }

  private process(s: StoredRequest): void {
    const { entry } = s
    if (s.response && entry.errorCode === null) {
      const res = decodeResponseBody(entry.apiKey, entry.apiVersion, s.response)
      if (res.ok) {
        entry.errorCode = firstErrorCode(res.value)
        entry.errorName = entry.errorCode === 0 ? null : errorName(entry.errorCode)
      }
    }
    if ((entry.apiKey === PRODUCE || entry.apiKey === FETCH) && s.request) {
      const req = decodeRequestBody(s.request)
      if (req.ok) this.clients.record(entry.connectionId, entry.apiKey === PRODUCE ? 'produces' : 'fetches', requestTopics(entry.apiKey, req.value))
    }
  }

  watch(on: boolean): void {
    // A lease rather than a subscription: a view that disappears without saying so stops costing pushes soon.
    // `false` does not cut off other windows that still renew; the lease simply lapses.
    if (on) this.watchUntil = this.now() + WATCH_LEASE_MS
  }

  snapshot(limit = 5_000): InspectorSnapshot {
    this.flush(Infinity)
    return { available: true, capacity: this.store.capacity, total: this.store.total, entries: this.store.newest(limit).map((s) => s.entry) }
  }

  latency(): ApiLatency[] {
    return latencyByApi(this.store.newest(this.store.capacity).map((s) => s.entry))
  }

  decode(id: number): InspectorDecoded | null {
    const s = this.store.get(id)
    if (!s) return null
    const { entry } = s
    const base = { id, apiName: entry.apiName, apiVersion: entry.apiVersion, retained: s.request !== null }
    if (!s.request) return { ...base, request: null, response: null, requestNote: 'bytes released (only the newest requests keep them)', responseNote: null }
    const req = decodeRequestBody(s.request)
    const res = s.response ? decodeResponseBody(entry.apiKey, entry.apiVersion, s.response) : null
    return {
      ...base,
      request: req.ok ? toDecodedValue(req.value) : null,
      response: res?.ok ? toDecodedValue(res.value) : null,
      requestNote: req.ok ? null : req.note,
      responseNote: res === null ? 'no response was sent (Produce with acks=0)' : res.ok ? null : res.note,
    }
  }

  clear(): void {
    this.flush(Infinity)
    this.store.clear()
  }

  close(): void {
    clearInterval(this.timer)
    if (this.continuation) clearImmediate(this.continuation)
    this.off()
  }
}
