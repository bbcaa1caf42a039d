// LZ4 block format (the payload of LZ4 frame blocks). Our own small codec instead of lz4js, whose block
// decoder does no bounds checks and whose encoder does not keep the spec's end-of-block rules (last 5 bytes
// are literals, no match may start in the last 12 bytes), which strict decoders may reject.

const MIN_MATCH = 4
const LAST_LITERALS = 5
const MF_LIMIT = 12
const HASH_LOG = 14
const MAX_OFFSET = 0xffff

/**
 * Decodes one block from src[sPos, sEnd) into dst at dPos, never writing at or past dLimit. Matches may reach
 * back to dst[0], which also covers frames with linked (dependent) blocks. Returns the new dPos.
 */
export function decodeLz4Block(src: Buffer, sPos: number, sEnd: number, dst: Buffer, dPos: number, dLimit: number): number {
  const corrupt = (why: string): Error => new Error(`lz4: corrupt block (${why})`)
  while (sPos < sEnd) {
    const token = src[sPos++]!
    let lit = token >>> 4
    if (lit === 15) {
      let b: number
      do {
        if (sPos >= sEnd) throw corrupt('literal length')
        b = src[sPos++]!
        lit += b
      } while (b === 255)
    }
    if (lit > sEnd - sPos || lit > dLimit - dPos) throw corrupt('literal overrun')
    src.copy(dst, dPos, sPos, sPos + lit)
    sPos += lit
    dPos += lit
    if (sPos === sEnd) return dPos // the last sequence has literals only
    if (sEnd - sPos < 2) throw corrupt('offset')
    const off = src[sPos]! | (src[sPos + 1]! << 8)
    sPos += 2
    if (off === 0 || off > dPos) throw corrupt('offset out of range')
    let len = token & 15
    if (len === 15) {
      let b: number
      do {
        if (sPos >= sEnd) throw corrupt('match length')
        b = src[sPos++]!
        len += b
      } while (b === 255)
    }
    len += MIN_MATCH
    if (len > dLimit - dPos) throw corrupt('match overrun')
    copyMatch(dst, dPos, off, len)
    dPos += len
  }
  return dPos
}

function copyMatch(dst: Buffer, dPos: number, off: number, len: number): void {
  if (off >= len) {
    dst.copyWithin(dPos, dPos - off, dPos - off + len)
    return
  }
  for (let i = 0; i < len; i++) dst[dPos + i] = dst[dPos - off + i]!
}

const table = new Int32Array(1 << HASH_LOG)

function hash4(src: Buffer, i: number): number {
  const v = src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24)
  return Math.imul(v, 0x9e3779b1) >>> (32 - HASH_LOG)
}

function writeLength(dst: Buffer, d: number, n: number): number {
  for (; n >= 255; n -= 255) dst[d++] = 255
  dst[d++] = n
  return d
}

function writeSequence(dst: Buffer, d: number, src: Buffer, anchor: number, lit: number, off: number, ml: number): number {
  const tokenPos = d++
  const litNib = lit >= 15 ? 15 : lit
  if (lit >= 15) d = writeLength(dst, d, lit - 15)
  src.copy(dst, d, anchor, anchor + lit)
  d += lit
  let mlNib = 0
  if (off > 0) {
    dst[d++] = off & 0xff
    dst[d++] = off >>> 8
    const m = ml - MIN_MATCH
    mlNib = m >= 15 ? 15 : m
    if (m >= 15) d = writeLength(dst, d, m - 15)
  }
  dst[tokenPos] = (litNib << 4) | mlNib
  return d
}

/** Worst-case encoded size of n input bytes. */
export function lz4BlockBound(n: number): number {
  return n + Math.ceil(n / 255) + 16
}

/** Greedy hash-chain-free LZ4 block compressor. Writes into dst (>= lz4BlockBound) and returns the size. */
export function encodeLz4Block(src: Buffer, start: number, end: number, dst: Buffer): number {
  let d = 0
  let anchor = start
  if (end - start >= MF_LIMIT + 1) {
    table.fill(0)
    const matchLimit = end - LAST_LITERALS
    let misses = 0
    for (let i = start; i <= end - MF_LIMIT; ) {
      const h = hash4(src, i)
      const ref = table[h]! - 1
      table[h] = i + 1
      if (ref < start || i - ref > MAX_OFFSET || src.readInt32LE(ref) !== src.readInt32LE(i)) {
        i += 1 + (misses++ >> 6) // skip faster through incompressible data
        continue
      }
      misses = 0
      let ml = MIN_MATCH
      while (i + ml < matchLimit && src[i + ml] === src[ref + ml]) ml++
      d = writeSequence(dst, d, src, anchor, i - anchor, i - ref, ml)
      i += ml
      anchor = i
    }
  }
  return writeSequence(dst, d, src, anchor, end - anchor, 0, 0)
}
