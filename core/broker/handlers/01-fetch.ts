// 01-fetch.ts: Fetch (key 1), versions 4-16 (v4 = message format v2). v13+ names topics by id (KIP-516):
// an id we do not know is answered with UNKNOWN_TOPIC_ID for each of its partitions (CLIENTS.md pitfall 12).
// Long polling: held until MinBytes are available or MaxWaitMs passes, woken by produce (pitfall 17).
// Whole batches from the one containing the fetch offset; at least one batch even past the byte
// limits (KIP-74, pitfall 19); every requested partition answered (pitfall 20); sessions declined
// with SessionId 0 so clients keep sending full requests (KIP-227). IsolationLevel 1 (read_committed,
// KIP-98) stops at the last stable offset and lists the aborted transactions in the returned range.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readFetchRequest, writeFetchResponse, type FetchRequest, type FetchResponse } from '../../protocol/generated'
import { partitionKey } from '../../log/append-notifier'
import type { ReadOutcome } from '../../log/log-service'
import { defineHandler, type HandlerContext } from '../handler'

const READ_COMMITTED = 1
/** Stands in for the name of a topic id we do not know; never a legal topic name. */
const UNKNOWN_ID = '\u0000unknown-topic-id'

const unknownTopicId: ReadOutcome = {
  errorCode: ErrorCode.UNKNOWN_TOPIC_ID, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n, batches: [], abortedTransactions: null,
}

type PartitionData = FetchResponse['responses'][number]['partitions'][number]

export default defineHandler({
  apiKey: ApiKey.Fetch,
  minVersion: 4,
  maxVersion: 16,
  read: readFetchRequest,
  write: writeFetchResponse,
  handle: (req, ctx) => fetch(req, ctx),
})

async function fetch(req: FetchRequest, ctx: HandlerContext): Promise<FetchResponse> {
  const deadline = Date.now() + Math.max(0, req.maxWaitMs)
  if (ctx.header.apiVersion >= 13) resolveTopicIds(req, ctx)
  const keys = req.topics.flatMap((t) => t.partitions.map((p) => partitionKey(t.topic, p.partition)))
  for (;;) {
    const { response, bytes, hasError } = readOnce(req, ctx)
    const remaining = deadline - Date.now()
    if (bytes >= req.minBytes || hasError || remaining <= 0 || ctx.broker.shutdown.aborted) return response
    await ctx.broker.log.notifier.wait(keys, remaining, ctx.broker.shutdown)
  }
}

function readOnce(req: FetchRequest, ctx: HandlerContext): { response: FetchResponse; bytes: number; hasError: boolean } {
  let budget = req.maxBytes
  let total = 0
  let hasError = false
  const responses = req.topics.map((topic) => ({
    topic: topic.topic,
    topicId: topic.topicId,
    partitions: topic.partitions.map((p): PartitionData => {
      // The first non-empty answer may exceed the budget so the consumer always progresses.
      const limit = Math.max(0, Math.min(p.partitionMaxBytes, budget))
      if (topic.topic === UNKNOWN_ID) {
        hasError = true
        return partitionData(p.partition, unknownTopicId, Buffer.alloc(0))
      }
      const outcome = ctx.broker.log.read(topic.topic, p.partition, p.fetchOffset, total === 0 ? Math.max(limit, 1) : limit,
        req.isolationLevel === READ_COMMITTED)
      if (outcome.errorCode !== ErrorCode.NONE) hasError = true
      const batches = total > 0 && limit === 0 ? [] : outcome.batches
      const records = batches.length === 1 ? batches[0]!.bytes : Buffer.concat(batches.map((b) => b.bytes))
      total += records.length
      budget -= records.length
      return partitionData(p.partition, outcome, records)
    }),
  }))
  const response: FetchResponse = { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses, nodeEndpoints: [] }
  return { response, bytes: total, hasError }
}

function partitionData(partitionIndex: number, outcome: ReadOutcome, records: Buffer): PartitionData {
  return {
    partitionIndex,
    errorCode: outcome.errorCode,
    highWatermark: outcome.highWatermark,
    lastStableOffset: outcome.lastStableOffset,
    logStartOffset: outcome.logStartOffset,
    divergingEpoch: { epoch: -1, endOffset: -1n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: outcome.abortedTransactions,
    preferredReadReplica: -1,
    records,
  }
}

/** v13+ requests carry topic ids only: look their names up once, before any reading. */
function resolveTopicIds(req: FetchRequest, ctx: HandlerContext): void {
  for (const topic of req.topics) topic.topic = ctx.broker.storage.getTopicById(topic.topicId)?.name ?? UNKNOWN_ID
}
