/**
 * Reassembles size-prefixed Kafka frames (int32 length, then that many bytes) from TCP chunks.
 * The length is checked against the cap BEFORE any buffer for the frame is allocated, so a
 * hostile prefix such as 0x7fffffff costs nothing.
 */
export class FrameTooLargeError extends Error {
  constructor(readonly size: number, readonly cap: number) {
    super(`frame of ${size} bytes exceeds the ${cap}-byte cap`)
  }
}

export class FrameSplitter {
  private chunks: Buffer[] = []
  private buffered = 0
  private expected = -1

  constructor(private readonly maxFrameBytes: number) {}

  /** Feeds a chunk; returns every frame (without its size prefix) completed by it. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    const frames: Buffer[] = []
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < 4) break
        const size = this.take(4).readInt32BE(0)
        if (size < 0 || size > this.maxFrameBytes) throw new FrameTooLargeError(size, this.maxFrameBytes)
        this.expected = size
      }
      if (this.buffered < this.expected) break
      frames.push(this.take(this.expected))
      this.expected = -1
    }
    return frames
  }

  /** Bytes held for an incomplete frame (for memory accounting). */
  get pendingBytes(): number {
    return this.buffered
  }

  private take(n: number): Buffer {
    const first = this.chunks[0]
    if (first && first.length >= n) {
      const out = first.subarray(0, n)
      if (first.length === n) this.chunks.shift()
      else this.chunks[0] = first.subarray(n)
      this.buffered -= n
      return out
    }
    const out = Buffer.allocUnsafe(n)
    let filled = 0
    while (filled < n) {
      const head = this.chunks[0]!
      const need = n - filled
      if (head.length <= need) {
        head.copy(out, filled)
        filled += head.length
        this.chunks.shift()
      } else {
        head.copy(out, filled, 0, need)
        this.chunks[0] = head.subarray(need)
        filled += need
      }
    }
    this.buffered -= n
    return out
  }
}
