// LZ4 frame format (codec 3 since KIP-57: Kafka uses the standard frame, magic 0x184D2204).
// Decoding accepts every frame flag writers use: independent or linked blocks (librdkafka, lz4 CLI),
// block checksums, content size and content checksum; concatenated and skippable frames are allowed.
// Encoding mirrors the Java client's KafkaLZ4BlockOutputStream: 64 KiB independent blocks and no
// checksums or content size, which every reader (Java, librdkafka, kafkajs-lz4, kafka-python) accepts.
import { decodeLz4Block, encodeLz4Block, lz4BlockBound } from './lz4-block'
import { xxhash32 } from './xxhash32'

const MAGIC = 0x184d2204
const SKIPPABLE_MASK = 0xfffffff0
const SKIPPABLE_MAGIC = 0x184d2a50
const FLG_VERSION = 0x40
const FLG_BLOCK_INDEPENDENT = 0x20
const FLG_BLOCK_CHECKSUM = 0x10
const FLG_CONTENT_SIZE = 0x08
const FLG_CONTENT_CHECKSUM = 0x04
const FLG_DICT_ID = 0x01
const UNCOMPRESSED_BIT = 0x80000000
const BLOCK_SIZES: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 }
const WRITE_BLOCK_ID = 4

class Output {
  buf: Buffer
  pos = 0
  constructor(
    initial: number,
    readonly maxBytes: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.min(Math.max(initial, 1024), maxBytes))
  }

  /**
   * Makes room for up to `n` more bytes without going beyond maxBytes (decompression-bomb guard) and
   * returns the room actually available; block decoding fails if it needs more.
   */
  reserve(n: number): number {
    const room = Math.min(n, this.maxBytes - this.pos)
    const need = this.pos + room
    if (need > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.min(Math.max(need, this.buf.length * 2), this.maxBytes))
      this.buf.copy(next, 0, 0, this.pos)
      this.buf = next
    }
    return room
  }
}

function need(src: Buffer, pos: number, n: number): void {
  if (src.length - pos < n) throw new Error('lz4: truncated frame')
}

/** Decompresses one or more LZ4 frames. */
export function lz4Decompress(src: Buffer, maxBytes: number): Buffer {
  const out = new Output(src.length * 4, maxBytes)
  let pos = 0
  while (pos < src.length) {
    need(src, pos, 4)
    const magic = src.readUInt32LE(pos)
    if (((magic & SKIPPABLE_MASK) >>> 0) === SKIPPABLE_MAGIC) {
      need(src, pos, 8)
      pos += 8 + src.readUInt32LE(pos + 4)
      if (pos > src.length) throw new Error('lz4: truncated skippable frame')
      continue
    }
    if (magic !== MAGIC) throw new Error(`lz4: bad frame magic 0x${magic.toString(16)}`)
    pos = decodeFrame(src, pos + 4, out)
  }
  return out.buf.subarray(0, out.pos)
}

function decodeFrame(src: Buffer, pos: number, out: Output): number {
  need(src, pos, 3)
  const descStart = pos
  const flg = src[pos++]!
  const bd = src[pos++]!
  if ((flg & 0xc0) !== FLG_VERSION) throw new Error('lz4: unsupported frame version')
  if (flg & FLG_DICT_ID) throw new Error('lz4: dictionaries are not supported')
  const blockMax = BLOCK_SIZES[(bd >>> 4) & 7]
  if (blockMax === undefined) throw new Error('lz4: invalid block maximum size')
  if (flg & FLG_CONTENT_SIZE) {
    need(src, pos, 9)
    pos += 8 // only a hint; the output grows as needed and is bounded by maxBytes anyway
  }
  if (src[pos] !== ((xxhash32(src, descStart, pos) >>> 8) & 0xff)) throw new Error('lz4: header checksum mismatch')
  pos++
  const contentStart = out.pos
  for (;;) {
    need(src, pos, 4)
    const word = src.readUInt32LE(pos)
    pos += 4
    if (word === 0) break
    const size = (word & ~UNCOMPRESSED_BIT) >>> 0
    if (size > blockMax) throw new Error('lz4: block larger than the frame maximum')
    need(src, pos, size + (flg & FLG_BLOCK_CHECKSUM ? 4 : 0))
    if (flg & FLG_BLOCK_CHECKSUM && xxhash32(src, pos, pos + size) !== src.readUInt32LE(pos + size)) {
      throw new Error('lz4: block checksum mismatch')
    }
    const room = out.reserve(blockMax)
    if (word & UNCOMPRESSED_BIT) {
      if (size > room) throw new Error(`lz4: decompressed data exceeds ${out.maxBytes} bytes`)
      src.copy(out.buf, out.pos, pos, pos + size)
      out.pos += size
    } else {
      out.pos = decodeLz4Block(src, pos, pos + size, out.buf, out.pos, out.pos + room)
    }
    pos += size + (flg & FLG_BLOCK_CHECKSUM ? 4 : 0)
  }
  if (flg & FLG_CONTENT_CHECKSUM) {
    need(src, pos, 4)
    if (xxhash32(out.buf, contentStart, out.pos) !== src.readUInt32LE(pos)) throw new Error('lz4: content checksum mismatch')
    pos += 4
  }
  return pos
}

/** Compresses into a single LZ4 frame with 64 KiB independent blocks. */
export function lz4Compress(data: Buffer): Buffer {
  const blockMax = BLOCK_SIZES[WRITE_BLOCK_ID]!
  const blocks = Math.ceil(data.length / blockMax)
  const out = Buffer.allocUnsafe(7 + blocks * 4 + lz4BlockBound(data.length) + blocks * 16 + 4)
  out.writeUInt32LE(MAGIC, 0)
  out[4] = FLG_VERSION | FLG_BLOCK_INDEPENDENT
  out[5] = WRITE_BLOCK_ID << 4
  out[6] = (xxhash32(out, 4, 6) >>> 8) & 0xff
  let pos = 7
  const scratch = Buffer.allocUnsafe(lz4BlockBound(blockMax))
  for (let start = 0; start < data.length; start += blockMax) {
    const end = Math.min(start + blockMax, data.length)
    const size = encodeLz4Block(data, start, end, scratch)
    if (size >= end - start) {
      out.writeUInt32LE((UNCOMPRESSED_BIT | (end - start)) >>> 0, pos)
      data.copy(out, pos + 4, start, end)
      pos += 4 + end - start
    } else {
      out.writeUInt32LE(size, pos)
      scratch.copy(out, pos + 4, 0, size)
      pos += 4 + size
    }
  }
  out.writeUInt32LE(0, pos)
  return out.subarray(0, pos + 4)
}
