// Readers for the embedded "consumer" protocol payloads (JoinGroup metadata / SyncGroup assignment), used
// for OffsetDelete's subscription check and the console's decoded view. Malformed input yields undefined.
import {
  ConsumerProtocolAssignmentMeta, ConsumerProtocolSubscriptionMeta, readConsumerProtocolAssignment,
  readConsumerProtocolSubscription,
} from '../protocol/generated'
import { Reader } from '../protocol/wire/reader'

export interface TopicPartitions {
  topic: string
  partitions: number[]
}

/**
 * Payload versions newer than ours are read as our newest one: later versions only append fields
 * (Kafka's ConsumerProtocol does the same).
 */
function readVersioned<T>(buf: Buffer, maxVersion: number, read: (r: Reader, v: number) => T): T | undefined {
  const r = new Reader(buf)
  const version = r.int16()
  if (!r.ok || version < 0) return undefined
  const msg = read(r, Math.min(version, maxVersion))
  return r.ok ? msg : undefined
}

/** Topics a consumer subscribes to; undefined if the metadata is not a consumer subscription. */
export function readSubscriptionTopics(metadata: Buffer): string[] | undefined {
  return readVersioned(metadata, ConsumerProtocolSubscriptionMeta.maxVersion, readConsumerProtocolSubscription)?.topics
}

/** Partitions assigned to a consumer; [] for an empty buffer (no assignment yet), undefined if malformed. */
export function readAssignment(assignment: Buffer): TopicPartitions[] | undefined {
  if (assignment.length === 0) return []
  return readVersioned(assignment, ConsumerProtocolAssignmentMeta.maxVersion, readConsumerProtocolAssignment)
    ?.assignedPartitions.map((tp) => ({ topic: tp.topic, partitions: tp.partitions }))
}
