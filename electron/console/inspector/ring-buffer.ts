/** A fixed-capacity FIFO: pushing onto a full buffer evicts the oldest item. O(1) push and index. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[]
  private head = 0
  private count = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
    this.items = new Array<T | undefined>(capacity)
  }

  get length(): number {
    return this.count
  }

  /** Appends; returns the evicted item when the buffer was full. */
  push(item: T): T | undefined {
    if (this.count < this.capacity) {
      this.items[(this.head + this.count) % this.capacity] = item
      this.count++
      return undefined
    }
    const evicted = this.items[this.head]
    this.items[this.head] = item
    this.head = (this.head + 1) % this.capacity
    return evicted
  }

  /** 0 is the oldest item; undefined outside 0..length-1. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined
    return this.items[(this.head + index) % this.capacity]
  }

  /** The newest `limit` items (all by default), oldest first. */
  newest(limit = this.count): T[] {
    const n = Math.min(Math.max(0, limit), this.count)
    const out = new Array<T>(n)
    for (let i = 0; i < n; i++) out[i] = this.at(this.count - n + i)!
    return out
  }

  clear(): void {
    this.items.fill(undefined)
    this.head = 0
    this.count = 0
  }
}
