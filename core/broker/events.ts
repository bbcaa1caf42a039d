import { EventEmitter } from 'node:events'

/** Typed broker events for the console (inspection) and tests. */
export type BrokerEvent =
  | { type: 'topic-created'; topic: string; partitions: number }
  | { type: 'topic-deleted'; topic: string }
  | { type: 'partitions-added'; topic: string; partitions: number }
  | { type: 'topic-configs-changed'; topic: string }
  | { type: 'records-appended'; topic: string; partition: number; baseOffset: bigint; recordCount: number; bytes: number }
  | { type: 'connection-opened'; connectionId: number; remoteAddress: string }
  | { type: 'connection-closed'; connectionId: number; reason: string | null }

export interface RequestEvent {
  connectionId: number
  clientId: string | null
  apiKey: number
  apiVersion: number
  correlationId: number
  requestBytes: number
  responseBytes: number
  startedAtMs: number
  durationMs: number
  /** The request frame after its size prefix (header + body). A reference, not a copy: listeners that keep it
   * (the console's protocol inspector) decode it lazily and must not mutate it. */
  request: Buffer
  /** The response after its size prefix, or null when none was sent (Produce acks=0). Also a reference. */
  response: Buffer | null
}

export class BrokerEvents {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit(event: BrokerEvent): void {
    if (this.emitter.listenerCount('event') > 0) this.emitter.emit('event', event)
  }

  /** Returns the unsubscribe function. */
  on(listener: (event: BrokerEvent) => void): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }

  emitRequest(event: RequestEvent): void {
    if (this.emitter.listenerCount('request') > 0) this.emitter.emit('request', event)
  }

  get hasRequestListeners(): boolean {
    return this.emitter.listenerCount('request') > 0
  }

  onRequest(listener: (event: RequestEvent) => void): () => void {
    this.emitter.on('request', listener)
    return () => this.emitter.off('request', listener)
  }
}
