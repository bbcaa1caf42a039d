import type { CommittedOffset, Storage, TopicPartitionRef } from '../storage/storage'
import type { Clock } from './clock'
import { readSubscriptionTopics } from './consumer-protocol'
import { ErrorCode } from '../protocol/error-codes'
import type { Group } from './group'
import type { GroupEvent } from './types'

/** The slice of Storage the coordinator needs, so tests can pass a small in-memory fake. */
export type OffsetStore = Pick<Storage, 'commitOffsets' | 'fetchOffsets' | 'deleteOffsets' | 'listOffsetGroups'>

export interface OffsetCommitInput {
  topic: string
  partition: number
  offset: bigint
  /** -1 when the client sends none (OffsetCommit < v6). */
  leaderEpoch: number
  metadata: string | null
}

export interface PartitionError {
  topic: string
  partition: number
  errorCode: number
}

export interface FetchedOffset {
  partition: number
  /** -1 for a partition the group never committed (OffsetFetch returns no error then, CLIENTS.md 26). */
  offset: bigint
  leaderEpoch: number
  metadata: string | null
  errorCode: number
}

export interface OffsetFetchResult {
  errorCode: number
  topics: { topic: string; partitions: FetchedOffset[] }[]
}

/** Kafka's offset.metadata.max.bytes default. */
const MAX_METADATA_LENGTH = 4096

/** OffsetCommit / OffsetFetch / OffsetDelete over storage; membership rules come from the group. */
export class GroupOffsets {
  constructor(
    private readonly store: OffsetStore,
    private readonly clock: Clock,
    private readonly emit: (event: GroupEvent) => void,
  ) {}

  /** `membershipError` is the group's verdict on (member, generation); NONE commits. */
  commit(groupId: string, membershipError: number, offsets: OffsetCommitInput[]): PartitionError[] {
    const now = this.clock.now()
    const accepted: CommittedOffset[] = []
    const results = offsets.map((o) => {
      let errorCode = membershipError
      if (errorCode === ErrorCode.NONE && (o.metadata?.length ?? 0) > MAX_METADATA_LENGTH) {
        errorCode = ErrorCode.OFFSET_METADATA_TOO_LARGE
      }
      if (errorCode === ErrorCode.NONE) {
        // Kafka stores a null metadata as "" (OffsetAndMetadata.NoMetadata).
        accepted.push({ group: groupId, topic: o.topic, partition: o.partition, offset: o.offset,
          leaderEpoch: o.leaderEpoch, metadata: o.metadata ?? '', commitTimestampMs: now })
      }
      return { topic: o.topic, partition: o.partition, errorCode }
    })
    if (accepted.length > 0) {
      this.store.commitOffsets(accepted)
      this.emit({ type: 'offsets-committed', groupId,
        partitions: accepted.map((a) => ({ topic: a.topic, partition: a.partition, offset: a.offset })) })
    }
    return results
  }

  /** topics null = every committed partition of the group (OffsetFetch v2+). */
  fetch(groupId: string, topics: { topic: string; partitions: number[] }[] | null): OffsetFetchResult {
    const stored = this.store.fetchOffsets(groupId)
    const key = (t: string, p: number) => `${t}\u0000${p}`
    const byKey = new Map(stored.map((o) => [key(o.topic, o.partition), o]))
    const wanted = topics ?? groupByTopic(stored)
    return {
      errorCode: ErrorCode.NONE,
      topics: wanted.map(({ topic, partitions }) => ({
        topic,
        partitions: partitions.map((partition) => {
          const o = byKey.get(key(topic, partition))
          return o
            ? { partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata: o.metadata, errorCode: ErrorCode.NONE }
            : { partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.NONE }
        }),
      })),
    }
  }

  hasOffsets(groupId: string): boolean {
    return this.store.listOffsetGroups().includes(groupId)
  }

  listGroups(): string[] {
    return this.store.listOffsetGroups()
  }

  deleteAll(groupId: string): void {
    this.store.deleteOffsets(groupId)
  }

  /**
   * OffsetDelete (KIP-496): offsets of topics the live group still subscribes to stay
   * (GROUP_SUBSCRIBED_TO_TOPIC); a non-consumer group can only lose offsets while Empty.
   */
  delete(groupId: string, group: Group | undefined, partitions: TopicPartitionRef[]): { errorCode: number; partitions: PartitionError[] } {
    if (!group && !this.hasOffsets(groupId)) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, partitions: [] }
    const live = group !== undefined && group.state !== 'Empty'
    if (live && group.protocolType !== 'consumer') return { errorCode: ErrorCode.NON_EMPTY_GROUP, partitions: [] }
    const subscribed = live ? subscribedTopics(group) : new Set<string>()
    const results = partitions.map((p) => ({ topic: p.topic, partition: p.partition,
      errorCode: subscribed.has(p.topic) ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : ErrorCode.NONE }))
    const deletable = results.filter((r) => r.errorCode === ErrorCode.NONE).map(({ topic, partition }) => ({ topic, partition }))
    if (deletable.length > 0) {
      this.store.deleteOffsets(groupId, deletable)
      this.emit({ type: 'offsets-deleted', groupId })
    }
    return { errorCode: ErrorCode.NONE, partitions: results }
  }
}

/** Union of the members' subscribed topics (from the selected, else the preferred, protocol's metadata). */
export function subscribedTopics(group: Group): Set<string> {
  const topics = new Set<string>()
  for (const m of group.members.values()) {
    const metadata = m.metadataFor(group.protocolName ?? m.protocols[0]?.name ?? null)
    for (const t of readSubscriptionTopics(metadata) ?? []) topics.add(t)
  }
  return topics
}

function groupByTopic(offsets: CommittedOffset[]): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>()
  for (const o of offsets) {
    const list = byTopic.get(o.topic) ?? []
    list.push(o.partition)
    byTopic.set(o.topic, list)
  }
  return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }))
}
