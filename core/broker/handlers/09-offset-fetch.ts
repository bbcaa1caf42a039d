// 09-offset-fetch.ts: OffsetFetch (key 9), versions 0-8. v2 allows topics = null (all committed partitions)
// and a top-level error, v5 returns the leader epoch, v6 flexible, v7 requireStable, v8 several groups
// (KIP-709). Never-committed partitions answer offset -1 without error (CLIENTS.md pitfall 26). Capped at 8:
// v9 carries KIP-848 member epochs. Differences from Kafka: requireStable is accepted but there is nothing
// to wait for until transactional offset commits exist.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readOffsetFetchRequest, writeOffsetFetchResponse } from '../../protocol/generated'
import type { GroupCoordinator } from '../../groups/coordinator'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 8,
  read: readOffsetFetchRequest,
  write: writeOffsetFetchResponse,
  handle: (req, ctx) => {
    const groups = ctx.broker.groups
    if (ctx.header.apiVersion >= 8) {
      return {
        throttleTimeMs: 0, topics: [], errorCode: ErrorCode.NONE,
        groups: req.groups.map((g) => ({ groupId: g.groupId, ...fetch(groups, g.groupId, g.topics) })),
      }
    }
    return { throttleTimeMs: 0, ...fetch(groups, req.groupId, req.topics), groups: [] }
  },
})

function fetch(groups: GroupCoordinator, groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null) {
  const result = groups.fetchOffsets(groupId, topics?.map((t) => ({ topic: t.name, partitions: t.partitionIndexes })) ?? null)
  return {
    errorCode: result.errorCode,
    topics: result.topics.map((t) => ({
      name: t.topic,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, committedOffset: p.offset,
        committedLeaderEpoch: p.leaderEpoch, metadata: p.metadata, errorCode: p.errorCode })),
    })),
  }
}
