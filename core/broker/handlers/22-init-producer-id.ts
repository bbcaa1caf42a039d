// 22-init-producer-id.ts: InitProducerId (key 22), versions 0-4 (librdkafka's IdempotentProducer
// feature needs v0; v3+ carries the current id and epoch for KIP-360 epoch bumps). Differences from Kafka:
// Kafka gives every non-transactional request a fresh id; we bump the epoch of the current (id, epoch) and
// refuse an older epoch with INVALID_PRODUCER_EPOCH. With a transactional.id the transaction coordinator
// answers: the id's producer id with a new epoch, fencing the previous producer (PRODUCER_FENCED from v4).
import { ApiKey } from '../../protocol/api-keys'
import { fencedForVersion } from '../../txn/errors'
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
    if (req.transactionalId !== null && req.transactionalId !== '') {
      const r = ctx.broker.transactions.initProducerId(req.transactionalId, req.transactionTimeoutMs, req.producerId, req.producerEpoch)
      return { throttleTimeMs: 0, ...r, errorCode: fencedForVersion(r.errorCode, ctx.header.apiVersion, 4) }
    }
    const { producerIds, log } = ctx.broker
    return { throttleTimeMs: 0, ...initProducerId(req.producerId, req.producerEpoch, log.producers, () => producerIds.allocate()) }
  },
})
