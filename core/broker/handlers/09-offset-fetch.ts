// 09-offset-fetch.ts: OffsetFetch (key 9), versions 0-8. v2 allows topics = null (all committed partitions)
// and a top-level error, v5 returns the leader epoch, v6 flexible, v7 requireStable, v8 several groups
// (KIP-709). Never-committed partitions answer offset -1 without error (CLIENTS.md pitfall 26). Capped at 8:
// v9 carries KIP-848 member epochs. requireStable (KIP-447): a partition with a transactional commit still
// pending answers UNSTABLE_OFFSET_COMMIT, which the client retries. Differences from Kafka: none known.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readOffsetFetchRequest, writeOffsetFetchResponse } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'

export default defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 8,
  read: readOffsetFetchRequest,
  write: writeOffsetFetchResponse,
  handle: (req, ctx) => {
    const stable = ctx.header.apiVersion >= 7 && req.requireStable
    if (ctx.header.apiVersion >= 8) {
      return {
        throttleTimeMs: 0, topics: [], errorCode: ErrorCode.NONE,
        groups: req.groups.map((g) => ({ groupId: g.groupId, ...fetch(ctx, g.groupId, g.topics, stable) })),
      }
    }
    return { throttleTimeMs: 0, ...fetch(ctx, req.groupId, req.topics, stable), groups: [] }
  },
})

function fetch(ctx: HandlerContext, groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null, requireStable: boolean) {
  const result = ctx.broker.groups.fetchOffsets(groupId, topics?.map((t) => ({ topic: t.name, partitions: t.partitionIndexes })) ?? null)
  return {
    errorCode: result.errorCode,
    topics: result.topics.map((t) => ({
      name: t.topic,
      partitions: t.partitions.map((p) => {
        const unstable = requireStable && ctx.broker.transactions.hasPendingOffset(groupId, t.topic, p.partition)
        return unstable
          ? { partitionIndex: p.partition, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT }
          : { partitionIndex: p.partition, committedOffset: p.offset, committedLeaderEpoch: p.leaderEpoch, metadata: p.metadata, errorCode: p.errorCode }
      }),
    })),
  }
}
