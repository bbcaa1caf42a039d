import { ZERO_UUID } from '../uuid'
// Reader: decodes Kafka wire primitives from a Buffer.
// The error state is sticky: after the first underflow or invalid length `ok` turns false and every
// later read returns a zero value, so a decoder checks `reader.ok` once per message instead of per field.
// Lengths and counts are validated against the remaining bytes BEFORE anything is allocated, so a hostile
// length (negative, or 2^31) can never trigger a large allocation.

const EMPTY = Buffer.alloc(0)

export class Reader {
  ok = true
  private pos: number
  private readonly end: number

  constructor(
    readonly buf: Buffer,
    offset = 0,
  ) {
    this.pos = offset
    this.end = buf.length
  }

  get offset(): number {
    return this.pos
  }

  get remaining(): number {
    return this.end - this.pos
  }

  /** Marks the message as malformed (used by generated code for e.g. a null in a non-nullable field). */
  fail(): void {
    this.ok = false
    this.pos = this.end
  }

  private need(n: number): boolean {
    if (!this.ok) return false
    if (n < 0 || n > this.end - this.pos) {
      this.fail()
      return false
    }
    return true
  }

  skip(n: number): void {
    if (this.need(n)) this.pos += n
  }

  int8(): number {
    if (!this.need(1)) return 0
    return this.buf.readInt8(this.pos++)
  }

  uint8(): number {
    if (!this.need(1)) return 0
    return this.buf[this.pos++]!
  }

  int16(): number {
    if (!this.need(2)) return 0
    const v = this.buf.readInt16BE(this.pos)
    this.pos += 2
    return v
  }

  uint16(): number {
    if (!this.need(2)) return 0
    const v = this.buf.readUInt16BE(this.pos)
    this.pos += 2
    return v
  }

  int32(): number {
    if (!this.need(4)) return 0
    const v = this.buf.readInt32BE(this.pos)
    this.pos += 4
    return v
  }

  uint32(): number {
    if (!this.need(4)) return 0
    const v = this.buf.readUInt32BE(this.pos)
    this.pos += 4
    return v
  }

  int64(): bigint {
    if (!this.need(8)) return 0n
    const v = this.buf.readBigInt64BE(this.pos)
    this.pos += 8
    return v
  }

  float64(): number {
    if (!this.need(8)) return 0
    const v = this.buf.readDoubleBE(this.pos)
    this.pos += 8
    return v
  }

  bool(): boolean {
    return this.int8() !== 0
  }

  /** 16 raw bytes, returned as 32 lowercase hex characters. */
  uuid(): string {
    if (!this.need(16)) return ZERO_UUID
    const v = this.buf.toString('hex', this.pos, this.pos + 16)
    this.pos += 16
    return v
  }

  /** Unsigned LEB128 up to 32 bits (at most 5 bytes), used for compact lengths and tags (KIP-482). */
  uvarint(): number {
    let result = 0
    for (let i = 0; i < 5; i++) {
      if (!this.need(1)) return 0
      const b = this.buf[this.pos++]!
      if (i === 4 && b > 0x0f) break
      result += (b & 0x7f) * 2 ** (7 * i)
      if ((b & 0x80) === 0) return result
    }
    this.fail()
    return 0
  }

  /** Zigzag-encoded signed 32-bit varint (record fields). */
  varint(): number {
    const u = this.uvarint()
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2
  }

  /** Zigzag-encoded signed 64-bit varint, at most 10 bytes. */
  varlong(): bigint {
    let result = 0n
    for (let i = 0; i < 10; i++) {
      if (!this.need(1)) return 0n
      const b = this.buf[this.pos++]!
      if (i === 9 && b > 0x01) break
      result |= BigInt(b & 0x7f) << BigInt(7 * i)
      if ((b & 0x80) === 0) return (result >> 1n) ^ -(result & 1n)
    }
    this.fail()
    return 0n
  }

  private utf8(len: number): string {
    if (!this.need(len)) return ''
    const s = this.buf.toString('utf8', this.pos, this.pos + len)
    this.pos += len
    return s
  }

  private view(len: number): Buffer {
    if (!this.need(len)) return EMPTY
    const b = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return b
  }

  /** int16 length + UTF-8; a null (-1) here is a protocol violation. */
  string(): string {
    const len = this.int16()
    if (len < 0) this.fail()
    return this.utf8(len)
  }

  nullableString(): string | null {
    const len = this.int16()
    if (len === -1) return null
    return this.utf8(len)
  }

  /** uvarint (length + 1) + UTF-8; 0 means null, which is invalid here. */
  compactString(): string {
    const len = this.uvarint() - 1
    if (len < 0) this.fail()
    return this.utf8(len)
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1
    if (len === -1 && this.ok) return null
    return this.utf8(len)
  }

  /** int32 length + bytes, as a view into the underlying buffer (no copy). */
  bytes(): Buffer {
    const len = this.int32()
    if (len < 0) this.fail()
    return this.view(len)
  }

  nullableBytes(): Buffer | null {
    const len = this.int32()
    if (len === -1) return null
    return this.view(len)
  }

  compactBytes(): Buffer {
    const len = this.uvarint() - 1
    if (len < 0) this.fail()
    return this.view(len)
  }

  compactNullableBytes(): Buffer | null {
    const len = this.uvarint() - 1
    if (len === -1 && this.ok) return null
    return this.view(len)
  }

  /** Raw bytes of a known length (view). */
  raw(len: number): Buffer {
    return this.view(len)
  }

  /** Element count of an array: -1 = null; other negatives or counts larger than the bytes left fail. */
  arrayLength(compact = false): number {
    const n = compact ? this.uvarint() - 1 : this.int32()
    if (!this.ok) return -1
    if (n < -1 || n > this.end - this.pos) {
      this.fail()
      return -1
    }
    return n
  }

  nullableArray<T>(fn: () => T, compact = false): T[] | null {
    const n = this.arrayLength(compact)
    if (n < 0) return null
    const out: T[] = new Array<T>(n)
    for (let i = 0; i < n; i++) out[i] = fn()
    return out
  }

  array<T>(fn: () => T, compact = false): T[] {
    const out = this.nullableArray(fn, compact)
    if (out === null) {
      this.fail()
      return []
    }
    return out
  }

  compactArray<T>(fn: () => T): T[] {
    return this.array(fn, true)
  }

  compactNullableArray<T>(fn: () => T): T[] | null {
    return this.nullableArray(fn, true)
  }

  /** A child reader over the next `len` bytes; this reader advances past them. */
  sub(len: number): Reader {
    return new Reader(this.view(len))
  }

  /** Tagged-field section (KIP-482): `fn` gets each tag with a reader limited to that field's bytes.
   * Tags the callback ignores are skipped, which is what keeps tagged fields forward compatible. */
  readTaggedFields(fn: (tag: number, r: Reader) => void): void {
    const count = this.uvarint()
    for (let i = 0; i < count && this.ok; i++) {
      const tag = this.uvarint()
      const field = this.sub(this.uvarint())
      if (!this.ok) return
      fn(tag, field)
      if (!field.ok) this.fail()
    }
  }

  skipTaggedFields(): void {
    const count = this.uvarint()
    for (let i = 0; i < count && this.ok; i++) {
      this.uvarint()
      this.skip(this.uvarint())
    }
  }
}
