// Snappy (codec 2). Two encodings circulate: plain snappy (librdkafka, kafkajs-snappy write it) and the
// "xerial" framing of snappy-java (the Java client writes it): magic 0x82 'SNAPPY' 0x00, int32 version,
// int32 compatible version, then [int32 big-endian length][raw snappy block] chunks.
//
// Writing: xerial framing. Every reader accepts it (Java's SnappyInputStream, librdkafka's
// rd_kafka_snappy_java_uncompress, kafkajs-snappy and kafka-python detect the magic), it is what the
// reference client writes, and its 32 KiB chunks bound the memory a reader needs per block. Plain snappy
// would also be read by all of them; xerial is simply the format no reader can be surprised by.
import snappy from 'snappyjs'

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00])
const XERIAL_HEADER_SIZE = 16
const XERIAL_VERSION = 1
const XERIAL_COMPATIBLE_VERSION = 1
const CHUNK = 32 * 1024 // snappy-java's default block size

export function isXerial(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.subarray(0, 8).equals(XERIAL_MAGIC)
}

export function snappyCompress(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.alloc(XERIAL_HEADER_SIZE)]
  XERIAL_MAGIC.copy(parts[0]!)
  parts[0]!.writeInt32BE(XERIAL_VERSION, 8)
  parts[0]!.writeInt32BE(XERIAL_COMPATIBLE_VERSION, 12)
  for (let start = 0; start < data.length; start += CHUNK) {
    const block = snappy.compress(data.subarray(start, Math.min(start + CHUNK, data.length)))
    const len = Buffer.alloc(4)
    len.writeInt32BE(block.length)
    parts.push(len, block)
  }
  return Buffer.concat(parts)
}

export function snappyDecompress(data: Buffer, maxBytes: number): Buffer {
  if (!isXerial(data)) return rawUncompress(data, maxBytes)
  const parts: Buffer[] = []
  let total = 0
  let pos = XERIAL_HEADER_SIZE
  while (pos < data.length) {
    if (data.length - pos < 4) throw new Error('snappy: truncated xerial chunk length')
    const len = data.readInt32BE(pos)
    pos += 4
    if (len < 0 || len > data.length - pos) throw new Error(`snappy: invalid xerial chunk length ${len}`)
    const chunk = rawUncompress(data.subarray(pos, pos + len), maxBytes - total)
    total += chunk.length
    parts.push(chunk)
    pos += len
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total)
}

function rawUncompress(data: Buffer, maxBytes: number): Buffer {
  try {
    return Buffer.from(snappy.uncompress(data, maxBytes))
  } catch (err) {
    throw new Error(`snappy: ${(err as Error).message}`)
  }
}
