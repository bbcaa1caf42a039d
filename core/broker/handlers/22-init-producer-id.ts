// 22-init-producer-id.ts: InitProducerId (key 22), versions 0-4 (librdkafka's IdempotentProducer
// feature needs v0; v3+ carries the current id and epoch for KIP-360 epoch bumps). Differences from Kafka:
// Kafka gives every non-transactional request a fresh id; we bump the epoch of the current (id, epoch) and
// refuse an older epoch with INVALID_PRODUCER_EPOCH. Transactional ids are refused until transactions exist.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readInitProducerIdRequest, writeInitProducerIdResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'
import { initProducerId } from '../producer-ids'

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
    const { producerIds, log } = ctx.broker
    return { throttleTimeMs: 0, ...initProducerId(req.producerId, req.producerEpoch, log.producers, () => producerIds.allocate()) }
  },
})
