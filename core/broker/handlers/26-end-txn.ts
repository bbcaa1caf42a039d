// 26-end-txn.ts: EndTxn (key 26), versions 0-3 (kafkajs 0-1, librdkafka 0-1 — its abort path needs 0-1,
// CLIENTS.md pitfall 27; v2 adds PRODUCER_FENCED, v3 is flexible). Commit or abort writes the markers to
// every partition of the transaction and settles its staged offsets before answering. Differences from
// Kafka: the markers are written synchronously, so the answer never needs CONCURRENT_TRANSACTIONS retries.
import { ApiKey } from '../../protocol/api-keys'
import { readEndTxnRequest, writeEndTxnResponse } from '../../protocol/generated'
import { fencedForVersion } from '../../txn/errors'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 3,
  read: readEndTxnRequest,
  write: writeEndTxnResponse,
  handle: (req, ctx) => {
    const errorCode = ctx.broker.transactions.endTxn(req.transactionalId, req.producerId, req.producerEpoch, req.committed)
    return { throttleTimeMs: 0, errorCode: fencedForVersion(errorCode, ctx.header.apiVersion, 2), producerId: -1n, producerEpoch: -1 }
  },
})
