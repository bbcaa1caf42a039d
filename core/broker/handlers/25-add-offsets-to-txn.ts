// 25-add-offsets-to-txn.ts: AddOffsetsToTxn (key 25), versions 0-3 (kafkajs 0-1, librdkafka 0; v2 adds
// PRODUCER_FENCED, v3 is flexible). Adds the consumer group to the transaction so TxnOffsetCommit may stage
// offsets for it. Differences from Kafka: no __consumer_offsets partition is involved (offsets are tables).
import { ApiKey } from '../../protocol/api-keys'
import { readAddOffsetsToTxnRequest, writeAddOffsetsToTxnResponse } from '../../protocol/generated'
import { fencedForVersion } from '../../txn/errors'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 3,
  read: readAddOffsetsToTxnRequest,
  write: writeAddOffsetsToTxnResponse,
  handle: (req, ctx) => {
    const errorCode = ctx.broker.transactions.addOffsets(req.transactionalId, req.producerId, req.producerEpoch, req.groupId)
    return { throttleTimeMs: 0, errorCode: fencedForVersion(errorCode, ctx.header.apiVersion, 2) }
  },
})
