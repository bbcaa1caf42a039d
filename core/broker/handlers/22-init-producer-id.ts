// 22-init-producer-id.ts: InitProducerId (key 22), versions 0-4 (librdkafka's IdempotentProducer
// feature needs v0; KIP-360 epoch bumps use v3+). Allocates producer ids; sequence checks and
// transactional ids come with the producer-guarantees and transactions issues.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readInitProducerIdRequest, writeInitProducerIdResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 4,
  read: readInitProducerIdRequest,
  write: writeInitProducerIdResponse,
  handle: (req, ctx) => {
    if (req.transactionalId !== null) {
      // Transactions are not implemented yet: say so instead of pretending.
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 }
    }
    // A KIP-360 bump for a known id keeps the id and raises the epoch.
    if (req.producerId >= 0n && req.producerEpoch >= 0 && req.producerEpoch < 32766) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: req.producerId, producerEpoch: req.producerEpoch + 1 }
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: ctx.broker.producerIds.allocate(), producerEpoch: 0 }
  },
})
