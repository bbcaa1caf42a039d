// Zigzag varints as used inside Record v2 (RECORD-FORMAT.md "Record"): signed values mapped with
// (n << 1) ^ (n >> 31) and written in little-endian 7-bit groups. The request layer's compact lengths are
// unsigned varints without zigzag and live in protocol/wire; these are deliberately separate.

/** Bytes needed to write n (an int32) as a zigzag varint. */
export function sizeOfVarint(n: number): number {
  let v = ((n << 1) ^ (n >> 31)) >>> 0
  let size = 1
  while (v >= 0x80) {
    v >>>= 7
    size++
  }
  return size
}

/** Writes n (an int32) as a zigzag varint at pos; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, n: number): number {
  let v = ((n << 1) ^ (n >> 31)) >>> 0
  while (v >= 0x80) {
    buf[pos++] = (v & 0x7f) | 0x80
    v >>>= 7
  }
  buf[pos++] = v
  return pos
}

const MASK64 = (1n << 64n) - 1n

function zigzag64(n: bigint): bigint {
  return ((n << 1n) ^ (n >> 63n)) & MASK64
}

/** Bytes needed to write n (an int64) as a zigzag varlong. */
export function sizeOfVarlong(n: bigint): number {
  if (n >= -0x40000000n && n < 0x40000000n) return sizeOfVarint(Number(n))
  let v = zigzag64(n)
  let size = 1
  while (v >= 0x80n) {
    v >>= 7n
    size++
  }
  return size
}

/** Writes n (an int64) as a zigzag varlong at pos; returns the position after it. */
export function writeVarlong(buf: Buffer, pos: number, n: bigint): number {
  // Most timestamp deltas are small: take the int32 path and skip BigInt arithmetic.
  if (n >= -0x40000000n && n < 0x40000000n) return writeVarint(buf, pos, Number(n))
  let v = zigzag64(n)
  while (v >= 0x80n) {
    buf[pos++] = Number(v & 0x7fn) | 0x80
    v >>= 7n
  }
  buf[pos++] = Number(v)
  return pos
}

/**
 * Bounds-checked cursor over record bytes. Every read throws on malformed input (over-long varint, read past
 * end), so a decoder built on it can never loop forever or allocate from a bogus length.
 */
export class RecordCursor {
  pos: number

  constructor(
    readonly buf: Buffer,
    start: number,
    readonly end: number,
  ) {
    this.pos = start
  }

  get remaining(): number {
    return this.end - this.pos
  }

  readInt8(): number {
    if (this.pos >= this.end) throw new RangeError('record: unexpected end of data')
    return this.buf.readInt8(this.pos++)
  }

  readVarint(): number {
    let v = 0
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= this.end) throw new RangeError('record: unexpected end of data in varint')
      const b = this.buf[this.pos++]!
      v |= (b & 0x7f) << shift
      if (b < 0x80) return (v >>> 1) ^ -(v & 1)
    }
    throw new RangeError('record: varint longer than 5 bytes')
  }

  readVarlong(): bigint {
    let v = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new RangeError('record: unexpected end of data in varlong')
      const b = this.buf[this.pos++]!
      v |= BigInt(b & 0x7f) << shift
      if (b < 0x80) {
        v &= MASK64
        return BigInt.asIntN(64, (v >> 1n) ^ -(v & 1n))
      }
    }
    throw new RangeError('record: varlong longer than 10 bytes')
  }

  /** Reads `len` bytes as a view (no copy); -1 means null. */
  readBytes(len: number): Buffer | null {
    if (len === -1) return null
    if (len < -1 || len > this.remaining) throw new RangeError(`record: invalid length ${len}`)
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
}
