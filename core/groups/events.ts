import { EventEmitter } from 'node:events'
import type { GroupEvent } from './types'

/** Typed group events (rebalances, members, offsets) for the console and tests. */
export class GroupEvents {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit(event: GroupEvent): void {
    if (this.emitter.listenerCount('event') > 0) this.emitter.emit('event', event)
  }

  /** Returns the unsubscribe function. */
  on(listener: (event: GroupEvent) => void): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }
}
