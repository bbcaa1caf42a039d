// stored-batches.ts: what the broker actually stored, read back with raw Fetch v4 (batch attributes survive as sent).
import { readFetchResponse } from '../../core/protocol/generated'
import { batchesIn } from '../../core/protocol/records/batch-header'
import { fetchFrame } from './frames'
import { RawConnection } from './raw-client'

export const CODEC_IDS: Record<string, number> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 }

/**
 * Records per compression codec over every stored batch, read back with raw Fetch v4 requests. librdkafka
 * legitimately sends a batch uncompressed when compressing would not make it smaller (a tiny first batch),
 * so the test asks for "mostly this codec, never another one" rather than "every batch".
 */
export async function storedCodecs(port: number, topic: string, partitions: number): Promise<Map<number, number>> {
  const perCodec = new Map<number, number>()
  const c = await RawConnection.open('127.0.0.1', port)
  try {
    for (let partition = 0; partition < partitions; partition++) {
      let offset = 0n
      for (let round = 0; round < 1000; round++) {
        const response = readFetchResponse(await c.exchange(fetchFrame(4, round, topic, partition, offset, 0)), 4)
        const data = response.responses[0]?.partitions[0]
        if (!data || data.errorCode !== 0) throw new Error(`fetch ${topic}[${partition}]@${offset}: error ${data?.errorCode}`)
        for (const { header } of batchesIn(data.records ?? Buffer.alloc(0))) {
          perCodec.set(header.compression, (perCodec.get(header.compression) ?? 0) + header.recordCount)
          offset = header.baseOffset + BigInt(header.lastOffsetDelta) + 1n
        }
        if (offset >= data.highWatermark) break
      }
    }
  } finally {
    c.destroy()
  }
  return perCodec
}
