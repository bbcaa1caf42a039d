// Zstandard (codec 4, KIP-110). @mongodb-js/zstd is a native addon: it is loaded on first use so that a
// missing or broken binary only disables zstd, not the other codecs or the broker.
interface ZstdModule {
  compress(data: Buffer, level?: number): Promise<Buffer>
  decompress(data: Buffer): Promise<Buffer>
}

// Kafka's default compression.zstd.level.
const DEFAULT_LEVEL = 3

let loading: Promise<ZstdModule> | undefined

function load(): Promise<ZstdModule> {
  loading ??= import('@mongodb-js/zstd').then(
    (m) => ((m as { default?: ZstdModule }).default ?? m) as ZstdModule,
    (err: unknown) => {
      loading = undefined
      throw new Error(`zstd unavailable: ${(err as Error).message}`)
    },
  )
  return loading
}

export async function zstdCompress(data: Buffer, level = DEFAULT_LEVEL): Promise<Buffer> {
  return (await load()).compress(data, level)
}

export async function zstdDecompress(data: Buffer, maxBytes: number): Promise<Buffer> {
  const declared = frameContentSize(data)
  if (declared !== undefined && declared > maxBytes) throw new Error(`zstd: content size ${declared} exceeds ${maxBytes}`)
  const out = await (await load()).decompress(data)
  if (out.length > maxBytes) throw new Error(`zstd: decompressed data exceeds ${maxBytes} bytes`)
  return out
}

/** Frame_Content_Size from the first frame header (RFC 8878 3.1.1.1), when the writer recorded it. */
function frameContentSize(data: Buffer): number | undefined {
  if (data.length < 6 || data.readUInt32LE(0) !== 0xfd2fb528) return undefined
  const fhd = data[4]!
  const fcsFlag = fhd >>> 6
  const singleSegment = (fhd >>> 5) & 1
  if (fcsFlag === 0 && !singleSegment) return undefined
  const pos = 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][fhd & 3]!
  const size = fcsFlag === 0 ? 1 : [1, 2, 4, 8][fcsFlag]!
  if (data.length < pos + size) return undefined
  if (size === 1) return data[pos]!
  if (size === 2) return data.readUInt16LE(pos) + 256
  if (size === 4) return data.readUInt32LE(pos)
  return Number(data.readBigUInt64LE(pos))
}
