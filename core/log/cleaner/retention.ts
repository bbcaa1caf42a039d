// Retention for cleanup.policy=delete: whole batches leave the head of the log once they are older than
// retention.ms (by their max timestamp, as Kafka judges a segment by its largest timestamp) or while the
// log would still be at least retention.bytes without them (Kafka's rule for segments). -1 disables each.
import type { BatchInfo } from '../../storage/storage'
import { effectiveTopicConfig } from '../../config/topic-configs'

/**
 * The new log start offset, or null if nothing expires. `batches` yields the stored batches in offset
 * order from the log start; it is read only as far as something can expire (usually one batch), so a
 * pass over a large log that keeps everything costs almost nothing on the event loop.
 */
export function retentionCutoff(batches: () => Iterable<BatchInfo>, totalBytes: number, configs: Record<string, string>, nowMs: number): bigint | null {
  const retentionMs = BigInt(effectiveTopicConfig(configs, 'retention.ms'))
  const retentionBytes = BigInt(effectiveTopicConfig(configs, 'retention.bytes'))
  let cutoff: bigint | null = null
  if (retentionMs >= 0n) {
    const oldestKept = BigInt(nowMs) - retentionMs
    for (const b of batches()) {
      if (b.maxTimestamp >= oldestKept) break
      cutoff = b.lastOffset + 1n
    }
  }
  if (retentionBytes >= 0n && BigInt(totalBytes) > retentionBytes) {
    let size = BigInt(totalBytes)
    for (const b of batches()) {
      if (size - BigInt(b.sizeBytes) < retentionBytes) break
      size -= BigInt(b.sizeBytes)
      if (cutoff === null || b.lastOffset + 1n > cutoff) cutoff = b.lastOffset + 1n
    }
  }
  return cutoff
}

export function hasPolicy(configs: Record<string, string>, policy: 'delete' | 'compact'): boolean {
  return effectiveTopicConfig(configs, 'cleanup.policy').split(',').map((p) => p.trim()).includes(policy)
}
