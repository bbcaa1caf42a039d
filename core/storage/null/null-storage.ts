import { MemoryStorage } from '../memory/memory-storage'

/**
 * Keeps topics, offsets, committed offsets and meta, but discards batch bytes: reads return nothing.
 * For benchmarks only, to measure the broker's ceiling without SQLite.
 */
export class NullStorage extends MemoryStorage {
  constructor() {
    super({ retainBatches: false })
  }
}
