// Compression codecs of RecordBatch v2 attributes bits 0-2 (RECORD-FORMAT.md "Compression notes").
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { lz4Compress, lz4Decompress } from './lz4'
import { snappyCompress, snappyDecompress } from './snappy'
import { zstdCompress, zstdDecompress } from './zstd'

export const Compression = { None: 0, Gzip: 1, Snappy: 2, Lz4: 3, Zstd: 4 } as const
export type Compression = (typeof Compression)[keyof typeof Compression]

/** Upper bound for one decompressed batch; protects against decompression bombs. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

export class UnsupportedCompressionError extends Error {
  constructor(readonly codec: number) {
    super(`unsupported compression codec ${codec}`)
    this.name = 'UnsupportedCompressionError'
  }
}

export function isKnownCompression(codec: number): codec is Compression {
  return Number.isInteger(codec) && codec >= 0 && codec <= 4
}

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

export async function compress(codec: number, data: Buffer): Promise<Buffer> {
  switch (codec) {
    case Compression.None:
      return data
    case Compression.Gzip:
      return gzipAsync(data)
    case Compression.Snappy:
      return snappyCompress(data)
    case Compression.Lz4:
      return lz4Compress(data)
    case Compression.Zstd:
      return zstdCompress(data)
    default:
      throw new UnsupportedCompressionError(codec)
  }
}

export async function decompress(codec: number, data: Buffer, maxBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Promise<Buffer> {
  switch (codec) {
    case Compression.None:
      if (data.length > maxBytes) throw new Error(`data exceeds ${maxBytes} bytes`)
      return data
    case Compression.Gzip:
      return gunzipAsync(data, { maxOutputLength: maxBytes })
    case Compression.Snappy:
      return snappyDecompress(data, maxBytes)
    case Compression.Lz4:
      return lz4Decompress(data, maxBytes)
    case Compression.Zstd:
      return zstdDecompress(data, maxBytes)
    default:
      throw new UnsupportedCompressionError(codec)
  }
}
