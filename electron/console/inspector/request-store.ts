/**
 * The inspector's bounded memory: the newest `capacity` requests, plus the raw request/response bytes of the
 * newest of them as long as they fit in `payloadBudget` bytes (older entries keep their row, lose their bytes).
 */
import type { RequestEvent } from '../../../core/broker/events'
import type { InspectorEntry } from '../../ipc/contract'
import { RingBuffer } from './ring-buffer'

export interface StoredRequest {
  entry: InspectorEntry
  request: Buffer | null
  response: Buffer | null
  /** Bytes this entry keeps alive (backing stores of its buffers), released when over budget. */
  held: number
}

/** Below this size a frame is copied into its own allocation: a view into a socket chunk or Buffer's shared
 * 8 KiB pool would otherwise keep the whole chunk or pool alive. Larger frames are kept by reference. */
const COPY_BELOW = 8 * 1024

function retain(buf: Buffer | null): { buf: Buffer | null; held: number } {
  if (!buf) return { buf: null, held: 0 }
  if (buf.length < COPY_BELOW) {
    const own = Buffer.allocUnsafeSlow(buf.length)
    buf.copy(own)
    return { buf: own, held: own.length }
  }
  return { buf, held: buf.buffer.byteLength }
}

export class RequestStore {
  private readonly ring: RingBuffer<StoredRequest>
  private held = 0
  /** Lowest id that may still hold bytes: release walks forward from here. */
  private releaseFrom = 0
  nextId = 1
  /** Requests seen, including evicted ones. */
  total = 0

  constructor(readonly capacity: number, private readonly payloadBudget: number) {
    this.ring = new RingBuffer(capacity)
  }

  add(event: RequestEvent, entry: Omit<InspectorEntry, 'id'>): StoredRequest {
    const req = retain(event.request)
    const res = retain(event.response)
    const stored: StoredRequest = { entry: { id: this.nextId++, ...entry }, request: req.buf, response: res.buf, held: req.held + res.held }
    this.total++
    this.held += stored.held
    const evicted = this.ring.push(stored)
    if (evicted) this.release(evicted)
    this.enforceBudget()
    return stored
  }

  get(id: number): StoredRequest | undefined {
    const oldest = this.ring.at(0)
    if (!oldest) return undefined
    const item = this.ring.at(id - oldest.entry.id)
    return item?.entry.id === id ? item : undefined
  }

  /** Entries with id > afterId, oldest first. */
  since(afterId: number): StoredRequest[] {
    const oldest = this.ring.at(0)
    if (!oldest) return []
    const out: StoredRequest[] = []
    for (let i = Math.max(0, afterId + 1 - oldest.entry.id); i < this.ring.length; i++) out.push(this.ring.at(i)!)
    return out
  }

  newest(limit: number): StoredRequest[] {
    return this.ring.newest(limit)
  }

  get heldBytes(): number {
    return this.held
  }

  clear(): void {
    this.ring.clear()
    this.held = 0
    this.releaseFrom = this.nextId
  }

  private release(s: StoredRequest): void {
    this.held -= s.held
    s.held = 0
    s.request = null
    s.response = null
  }

  private enforceBudget(): void {
    while (this.held > this.payloadBudget && this.releaseFrom < this.nextId) {
      const s = this.get(this.releaseFrom++)
      if (s) this.release(s)
    }
  }
}
