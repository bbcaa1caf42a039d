import { describe, expect, it } from 'vitest'
import { describeBatches, forDisplay } from './summarize'

const batch = (baseOffset: string, lastOffset: string, records: number, codec = 'none') =>
  ({ baseOffset, lastOffset, records, codec, bytes: 100, transactional: false, control: false, producerId: '-1' })

describe('decoded display', () => {
  it('summarizes record batches on one line', () => {
    expect(describeBatches({ kind: 'record-batches', bytes: 2048, batches: [batch('0', '9', 10, 'gzip'), batch('10', '19', 10, 'gzip')], partialBytes: 0 }))
      .toBe('2 batches · 20 records · gzip · offsets 0–19 · 2.0 KB')
    expect(describeBatches({ kind: 'record-batches', bytes: 0, batches: [], partialBytes: 0 })).toBe('no records')
  })
  it('replaces summaries and bytes deep in the tree', () => {
    const v = forDisplay({ topics: [{ records: { kind: 'record-batches', bytes: 100, batches: [batch('5', '5', 1)], partialBytes: 0 } as never, meta: { kind: 'bytes', size: 3, hex: 'abcdef' } }] })
    expect(v).toEqual({ topics: [{ records: '⟨1 batch · 1 record · none · offsets 5–5 · 100 B⟩', meta: '⟨3 bytes: abcdef⟩' }] })
  })
})
