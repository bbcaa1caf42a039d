import kafkajs from 'kafkajs'
import { describe, expect, it } from 'vitest'
import { partitionForKey } from './partitioner'

describe('partitionForKey', () => {
  it('agrees with kafkajs DefaultPartitioner (Java-compatible murmur2) for keys of every tail length', () => {
    const partitioner = kafkajs.Partitioners.DefaultPartitioner()
    for (const n of [1, 3, 7, 12]) {
      const partitionMetadata = Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 1 }))
      for (const key of ['', 'a', 'ab', 'abc', 'abcd', 'order-42', 'ключ', 'k-1', 'x'.repeat(101)]) {
        const expected = partitioner({ topic: 't', partitionMetadata, message: { key, value: null } } as never)
        expect(partitionForKey(Buffer.from(key), n), `${key}/${n}`).toBe(expected)
      }
    }
  })
})
