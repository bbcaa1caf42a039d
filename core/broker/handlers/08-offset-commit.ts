// 08-offset-commit.ts: OffsetCommit (key 8), versions 0-9. v1 adds generation/member (v1 also a commit
// timestamp, v2-4 a retention time: both ignored, as Kafka 3+ does), v6 the leader epoch, v7 groupInstanceId,
// v8 flexible. Advertised from 0: kafkajs uses 0-5 and librdkafka's feature check needs 1-2 (CLIENTS.md).
// Capped at 9: v10 addresses topics by id. Differences from Kafka: none known.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readOffsetCommitRequest, writeOffsetCommitResponse, type OffsetCommitRequest } from '../../protocol/generated'
import type { OffsetCommitInput } from '../../groups/offsets'
import { defineHandler, type HandlerContext } from '../handler'

export default defineHandler({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  read: readOffsetCommitRequest,
  write: writeOffsetCommitResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, topics: commit(req, ctx) }),
})

function commit(req: OffsetCommitRequest, ctx: HandlerContext) {
  const errors = new Map<string, number>()
  const key = (topic: string, partition: number) => `${topic}\u0000${partition}`
  const offsets: OffsetCommitInput[] = []
  for (const t of req.topics) {
    const topic = ctx.broker.topics.get(t.name)
    for (const p of t.partitions) {
      if (!topic || p.partitionIndex < 0 || p.partitionIndex >= topic.partitionCount) {
        errors.set(key(t.name, p.partitionIndex), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
        continue
      }
      offsets.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset,
        leaderEpoch: ctx.header.apiVersion >= 6 ? p.committedLeaderEpoch : -1, metadata: p.committedMetadata })
    }
  }
  // v0 has no generation or member: a commit outside group management.
  const results = ctx.broker.groups.commitOffsets(req.groupId, req.memberId, req.generationIdOrMemberEpoch,
    req.groupInstanceId, offsets)
  for (const r of results) errors.set(key(r.topic, r.partition), r.errorCode)
  return req.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: errors.get(key(t.name, p.partitionIndex)) ?? ErrorCode.NONE })),
  }))
}
