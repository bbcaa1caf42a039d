// 00-produce.ts: Produce (key 0). Advertised 0-11 but v0-2 (message format v0/v1) are refused:
// librdkafka 2.0.2 only compresses when the advertised minimum is 0 (CLIENTS.md pitfall 7, KAFKA-18659),
// exactly as Kafka 4.x does. acks=0 gets no response (pitfall 5). Each partition carries exactly one
// RecordBatch v2, validated before it is stored (pitfall 14). Idempotence checks: producer-guarantees issue.
// Transactional batches must come from the transaction's current epoch into a partition it added
// (INVALID_PRODUCER_EPOCH / INVALID_TXN_STATE otherwise), checked in LogService through the coordinator.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readProduceRequest, writeProduceResponse, type ProduceRequest, type ProduceResponse } from '../../protocol/generated'
import type { AppendOutcome, ProducedBatch } from '../../log/log-service'
import { defineHandler, NO_RESPONSE, type HandlerContext } from '../handler'

export default defineHandler({
  apiKey: ApiKey.Produce,
  minVersion: 0,
  maxVersion: 11,
  rejectBelow: 3,
  read: readProduceRequest,
  write: writeProduceResponse,
  reject: (req, errorCode) => respond(req, () => failed(errorCode)),
  handle: (req, ctx) => produce(req, ctx),
})

function produce(req: ProduceRequest, ctx: HandlerContext): ProduceResponse | typeof NO_RESPONSE {
  if (req.acks !== 0 && req.acks !== 1 && req.acks !== -1) {
    return respond(req, () => failed(ErrorCode.INVALID_REQUIRED_ACKS))
  }
  const batches: ProducedBatch[] = []
  for (const topic of req.topicData) {
    for (const p of topic.partitionData) batches.push({ topic: topic.name, partition: p.index, records: p.records })
  }
  const outcomes = ctx.broker.log.appendProduced(batches, ctx.header.apiVersion)
  if (req.acks === 0) return NO_RESPONSE
  let i = 0
  return respond(req, () => outcomes[i++] ?? failed(ErrorCode.UNKNOWN_SERVER_ERROR))
}

/** Builds the response in request order, taking one outcome per partition. */
function respond(req: ProduceRequest, next: () => AppendOutcome): ProduceResponse {
  return {
    responses: req.topicData.map((topic) => ({
      name: topic.name,
      partitionResponses: topic.partitionData.map((p) => {
        const outcome = next()
        return {
          index: p.index,
          errorCode: outcome.errorCode,
          baseOffset: outcome.baseOffset,
          logAppendTimeMs: outcome.logAppendTimeMs,
          logStartOffset: outcome.logStartOffset,
          recordErrors: [],
          errorMessage: outcome.errorMessage,
          currentLeader: { leaderId: -1, leaderEpoch: -1 },
        }
      }),
    })),
    throttleTimeMs: 0,
    nodeEndpoints: [],
  }
}

function failed(errorCode: number): AppendOutcome {
  return { errorCode, errorMessage: null, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n }
}
