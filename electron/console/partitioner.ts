/**
 * Key -> partition exactly as Kafka's Java client (and kafkajs's DefaultPartitioner): murmur2 of the key
 * bytes (seed 0x9747b28c), made positive by masking the sign bit, modulo the partition count. The produce
 * studio assigns by-key partitions itself with this, so the preview and the actual send can never disagree.
 */
export function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995
  const length = data.length
  let h = (0x9747b28c ^ length) | 0
  const blocks = length >> 2
  for (let i = 0; i < blocks; i++) {
    const j = i * 4
    let k = data[j]! | (data[j + 1]! << 8) | (data[j + 2]! << 16) | (data[j + 3]! << 24)
    k = Math.imul(k, m)
    k ^= k >>> 24
    k = Math.imul(k, m)
    h = Math.imul(h, m) ^ k
  }
  const tail = blocks * 4
  const rem = length & 3
  if (rem === 3) h ^= data[tail + 2]! << 16
  if (rem >= 2) h ^= data[tail + 1]! << 8
  if (rem >= 1) {
    h ^= data[tail]!
    h = Math.imul(h, m)
  }
  h ^= h >>> 13
  h = Math.imul(h, m)
  h ^= h >>> 15
  return h | 0
}

export function partitionForKey(key: Uint8Array, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions
}
