// 28-txn-offset-commit.ts: TxnOffsetCommit (key 28), versions 0-3 (kafkajs 0-1, librdkafka 0-3; v2 adds the
// leader epoch, v3 member id / generation / instance id (KIP-447) and is flexible). Offsets are staged in the
// transaction and become visible when EndTxn commits; an abort discards them. Differences from Kafka: none known.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readTxnOffsetCommitRequest, writeTxnOffsetCommitResponse, type TxnOffsetCommitRequest } from '../../protocol/generated'
import type { CommittedOffset } from '../../storage/storage'
import { fencedForVersion } from '../../txn/errors'
import { defineHandler, type HandlerContext } from '../handler'

/** Kafka's offset.metadata.max.bytes default. */
const MAX_METADATA_LENGTH = 4096

export default defineHandler({
  apiKey: ApiKey.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 3,
  read: readTxnOffsetCommitRequest,
  write: writeTxnOffsetCommitResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, topics: commit(req, ctx) }),
})

function commit(req: TxnOffsetCommitRequest, ctx: HandlerContext) {
  const version = ctx.header.apiVersion
  const errors = new Map<string, number>()
  const key = (topic: string, partition: number) => `${topic}\u0000${partition}`
  const offsets: CommittedOffset[] = []
  for (const t of req.topics) {
    const topic = ctx.broker.topics.get(t.name)
    for (const p of t.partitions) {
      if (!topic || p.partitionIndex < 0 || p.partitionIndex >= topic.partitionCount) {
        errors.set(key(t.name, p.partitionIndex), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
      } else if ((p.committedMetadata?.length ?? 0) > MAX_METADATA_LENGTH) {
        errors.set(key(t.name, p.partitionIndex), ErrorCode.OFFSET_METADATA_TOO_LARGE)
      } else {
        offsets.push({ group: req.groupId, topic: t.name, partition: p.partitionIndex, offset: p.committedOffset,
          leaderEpoch: version >= 2 ? p.committedLeaderEpoch : -1, metadata: p.committedMetadata, commitTimestampMs: 0 })
      }
    }
  }
  // KIP-447: v3+ clients that send their group generation are checked like OffsetCommit; older ones are not.
  const checked = version >= 3 && req.generationId >= 0
  const memberError = checked ? ctx.broker.groups.validateMember(req.groupId, req.memberId, req.generationId, req.groupInstanceId) : ErrorCode.NONE
  const results = ctx.broker.transactions.stageOffsets(req.transactionalId, req.groupId, req.producerId, req.producerEpoch, memberError, offsets)
  for (const r of results) errors.set(key(r.topic, r.partition), fencedForVersion(r.errorCode, version, 3))
  return req.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: errors.get(key(t.name, p.partitionIndex)) ?? ErrorCode.NONE })),
  }))
}
