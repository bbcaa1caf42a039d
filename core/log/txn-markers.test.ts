import { describe, expect, it } from 'vitest'
import { controlMarker, decodeBatch, encodeBatch, isBatchCrcValid } from '../protocol/records'
import { encodeMarkerBatch } from './txn-markers'

describe('encodeMarkerBatch', () => {
  it('matches encodeBatch with a control marker, byte for byte', async () => {
    for (const commit of [true, false]) {
      const spec = { baseOffset: 42n, producerId: 9n, producerEpoch: 3, commit, coordinatorEpoch: 7, timestampMs: 1_700_000_000_000n }
      const ours = encodeMarkerBatch(spec)
      const reference = await encodeBatch([{ ...controlMarker(commit ? 1 : 0, 7), timestamp: spec.timestampMs }], {
        isControl: true, isTransactional: true, producerId: 9n, producerEpoch: 3, baseOffset: 42n, partitionLeaderEpoch: 0,
      })
      expect(ours.equals(reference)).toBe(true)
      expect(isBatchCrcValid(ours)).toBe(true)
      const decoded = await decodeBatch(ours)
      expect(decoded.isControl).toBe(true)
      expect(decoded.records[0]?.control).toEqual({ version: 0, type: commit ? 1 : 0 })
    }
  })
})
