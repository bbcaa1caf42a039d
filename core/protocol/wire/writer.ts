// Writer: encodes Kafka wire primitives into a growable buffer (capacity doubles on demand).
// finish() returns a view of the written bytes; framing reserves an int32 size prefix and patches it later.
// Large byte values (Fetch `records`: stored batches of up to MiBs) are kept by reference as chunks of
// their own instead of being copied in; finishChunks() hands the pieces to a gathering socket write.

const UUID_RE = /^[0-9a-f]{32}$/

/** Byte values at least this long are referenced, not copied (below it a copy is cheaper than a chunk). */
export const BY_REFERENCE_BYTES = 16 * 1024

export class Writer {
  private buf: Buffer
  private pos = 0
  /** Completed pieces (own-buffer segments and referenced values), in order, before buf[segStart, pos). */
  private readonly chunks: Buffer[] = []
  private chunkBytes = 0
  private segStart = 0

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialCapacity))
  }

  get length(): number {
    return this.chunkBytes + this.pos - this.segStart
  }

  private ensure(n: number): void {
    const need = this.pos + n
    if (need <= this.buf.length) return
    // Earlier segments stay valid views of the old buffer; only the open segment moves.
    const used = this.pos - this.segStart
    let cap = Math.max(16, this.buf.length * 2)
    while (cap < used + n) cap *= 2
    const next = Buffer.allocUnsafe(cap)
    this.buf.copy(next, 0, this.segStart, this.pos)
    this.buf = next
    this.segStart = 0
    this.pos = used
  }

  /** The written bytes as one buffer (a view unless large values were referenced; do not reuse the writer). */
  finish(): Buffer {
    if (this.chunks.length === 0) return this.buf.subarray(this.segStart, this.pos)
    return Buffer.concat(this.finishChunks(), this.length)
  }

  /** The written bytes as consecutive pieces, for a gathering write (referenced values are not copied). */
  finishChunks(): Buffer[] {
    const out = this.chunks.slice()
    if (this.pos > this.segStart) out.push(this.buf.subarray(this.segStart, this.pos))
    return out
  }

  int8(v: number): void {
    this.ensure(1)
    this.buf.writeInt8(v, this.pos)
    this.pos += 1
  }

  uint8(v: number): void {
    this.ensure(1)
    this.buf[this.pos++] = v & 0xff
  }

  int16(v: number): void {
    this.ensure(2)
    this.buf.writeInt16BE(v, this.pos)
    this.pos += 2
  }

  uint16(v: number): void {
    this.ensure(2)
    this.buf.writeUInt16BE(v, this.pos)
    this.pos += 2
  }

  int32(v: number): void {
    this.ensure(4)
    this.buf.writeInt32BE(v, this.pos)
    this.pos += 4
  }

  uint32(v: number): void {
    this.ensure(4)
    this.buf.writeUInt32BE(v, this.pos)
    this.pos += 4
  }

  int64(v: bigint): void {
    this.ensure(8)
    this.buf.writeBigInt64BE(v, this.pos)
    this.pos += 8
  }

  float64(v: number): void {
    this.ensure(8)
    this.buf.writeDoubleBE(v, this.pos)
    this.pos += 8
  }

  bool(v: boolean): void {
    this.int8(v ? 1 : 0)
  }

  uuid(v: string): void {
    if (!UUID_RE.test(v)) throw new Error(`uuid must be 32 lowercase hex characters, got ${JSON.stringify(v)}`)
    this.ensure(16)
    this.buf.write(v, this.pos, 16, 'hex')
    this.pos += 16
  }

  /** Unsigned LEB128 of a 32-bit value. */
  uvarint(v: number): void {
    if (!(v >= 0 && v <= 0xffffffff) || !Number.isInteger(v)) throw new Error(`uvarint out of range: ${v}`)
    this.ensure(5)
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80
      v = Math.floor(v / 128)
    }
    this.buf[this.pos++] = v
  }

  /** Zigzag signed 32-bit varint. */
  varint(v: number): void {
    this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1)
  }

  /** Zigzag signed 64-bit varint (up to 10 bytes). */
  varlong(v: bigint): void {
    let u = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n))
    this.ensure(10)
    while (u >= 0x80n) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80
      u >>= 7n
    }
    this.buf[this.pos++] = Number(u)
  }

  /** Appends bytes; a value of BY_REFERENCE_BYTES or more is referenced and must not change until sent. */
  raw(b: Uint8Array): void {
    if (b.length >= BY_REFERENCE_BYTES) return this.reference(b)
    this.ensure(b.length)
    this.buf.set(b, this.pos)
    this.pos += b.length
  }

  private reference(b: Uint8Array): void {
    if (this.pos > this.segStart) {
      this.chunks.push(this.buf.subarray(this.segStart, this.pos))
      this.chunkBytes += this.pos - this.segStart
      this.segStart = this.pos
    }
    this.chunks.push(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length))
    this.chunkBytes += b.length
  }

  private utf8(s: string, len: number): void {
    this.ensure(len)
    this.buf.write(s, this.pos, len, 'utf8')
    this.pos += len
  }

  string(s: string): void {
    if (typeof s !== 'string') throw new Error(`expected a string, got ${s === null ? 'null' : typeof s}`)
    const len = Buffer.byteLength(s, 'utf8')
    if (len > 0x7fff) throw new Error(`string too long for an int16 length: ${len} bytes`)
    this.int16(len)
    this.utf8(s, len)
  }

  nullableString(s: string | null): void {
    if (s === null) this.int16(-1)
    else this.string(s)
  }

  compactString(s: string): void {
    if (typeof s !== 'string') throw new Error(`expected a string, got ${s === null ? 'null' : typeof s}`)
    const len = Buffer.byteLength(s, 'utf8')
    this.uvarint(len + 1)
    this.utf8(s, len)
  }

  compactNullableString(s: string | null): void {
    if (s === null) this.uvarint(0)
    else this.compactString(s)
  }

  bytes(b: Uint8Array): void {
    if (b == null) throw new Error('expected bytes, got null')
    this.int32(b.length)
    this.raw(b)
  }

  nullableBytes(b: Uint8Array | null): void {
    if (b === null) this.int32(-1)
    else this.bytes(b)
  }

  compactBytes(b: Uint8Array): void {
    if (b == null) throw new Error('expected bytes, got null')
    this.uvarint(b.length + 1)
    this.raw(b)
  }

  compactNullableBytes(b: Uint8Array | null): void {
    if (b === null) this.uvarint(0)
    else this.compactBytes(b)
  }

  nullableArray<T>(items: readonly T[] | null, fn: (item: T) => void, compact = false): void {
    if (items === null) {
      if (compact) this.uvarint(0)
      else this.int32(-1)
      return
    }
    if (compact) this.uvarint(items.length + 1)
    else this.int32(items.length)
    for (const item of items) fn(item)
  }

  array<T>(items: readonly T[], fn: (item: T) => void, compact = false): void {
    if (items == null) throw new Error('expected an array, got null')
    this.nullableArray(items, fn, compact)
  }

  compactArray<T>(items: readonly T[], fn: (item: T) => void): void {
    this.array(items, fn, true)
  }

  compactNullableArray<T>(items: readonly T[] | null, fn: (item: T) => void): void {
    this.nullableArray(items, fn, true)
  }

  /** One tagged field (KIP-482): uvarint tag, uvarint byte size, then the bytes `fn` writes. */
  taggedField(tag: number, fn: (w: Writer) => void): void {
    const inner = new Writer(64)
    fn(inner)
    const bytes = inner.finish()
    this.uvarint(tag)
    this.uvarint(bytes.length)
    this.raw(bytes)
  }

  /** Reserves an int32 (e.g. a frame size prefix); returns its position for patchInt32/patchSize. */
  reserveInt32(): number {
    const at = this.length
    this.int32(0)
    return at
  }

  /** `at` is a position from reserveInt32: always inside one of the writer's own segments. */
  patchInt32(at: number, v: number): void {
    if (at >= this.chunkBytes) {
      this.buf.writeInt32BE(v, this.segStart + at - this.chunkBytes)
      return
    }
    let start = 0
    for (const chunk of this.chunks) {
      if (at < start + chunk.length) {
        chunk.writeInt32BE(v, at - start)
        return
      }
      start += chunk.length
    }
  }

  /** Patches a reserved int32 with the number of bytes written after it. */
  patchSize(at: number): void {
    this.patchInt32(at, this.length - at - 4)
  }
}

/** Used by generated writers: a field that is not nullable in this version must not be null. */
export function nonNull<T>(v: T | null, field: string, version: number): T {
  if (v === null || v === undefined) throw new Error(`${field} must not be null in version ${version}`)
  return v
}

/** Used by generated writers: a non-ignorable field with a non-default value cannot be dropped. */
export function unsupportedField(field: string, version: number): Error {
  return new Error(`${field} has a non-default value but does not exist in version ${version}`)
}
