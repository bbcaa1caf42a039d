// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of RecordBatch v2 (bytes 21..end).
// It runs on every produced batch, so it uses slice-by-16 tables: sixteen bytes per loop iteration with
// only table lookups and XORs, which V8 compiles to tight int32 code.

const POLY = 0x82f63b78
const SLICES = 16

function buildTables(): Int32Array {
  const t = new Int32Array(256 * SLICES)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1
    t[n] = c
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!
    for (let s = 1; s < SLICES; s++) {
      c = t[c & 0xff]! ^ (c >>> 8)
      t[s * 256 + n] = c
    }
  }
  return t
}

const T = buildTables()

/** CRC-32C of buf[start, end), as an unsigned 32-bit number. */
export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  if (start < 0 || end > buf.length || start > end) throw new RangeError('crc32c: range out of bounds')
  return (update(-1, buf, start, end) ^ -1) >>> 0
}

/** Continues a running CRC (pass the previous crc32c result) over more bytes. */
export function crc32cUpdate(crc: number, buf: Uint8Array, start = 0, end = buf.length): number {
  return (update(~crc, buf, start, end) ^ -1) >>> 0
}

function update(crc: number, b: Uint8Array, start: number, end: number): number {
  let c = crc | 0
  let i = start
  const t = T
  for (const stop = end - 15; i < stop; i += 16) {
    const a = c ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24))
    c =
      t[0xf00 + (a & 0xff)]! ^ t[0xe00 + ((a >>> 8) & 0xff)]! ^
      t[0xd00 + ((a >>> 16) & 0xff)]! ^ t[0xc00 + (a >>> 24)]! ^
      t[0xb00 + b[i + 4]!]! ^ t[0xa00 + b[i + 5]!]! ^ t[0x900 + b[i + 6]!]! ^ t[0x800 + b[i + 7]!]! ^
      t[0x700 + b[i + 8]!]! ^ t[0x600 + b[i + 9]!]! ^ t[0x500 + b[i + 10]!]! ^ t[0x400 + b[i + 11]!]! ^
      t[0x300 + b[i + 12]!]! ^ t[0x200 + b[i + 13]!]! ^ t[0x100 + b[i + 14]!]! ^ t[b[i + 15]!]!
  }
  for (; i < end; i++) c = t[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  return c
}
