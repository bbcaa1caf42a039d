// 24-add-partitions-to-txn.ts: AddPartitionsToTxn (key 24), versions 0-3 (kafkajs 0-1, librdkafka 0; v2 adds
// PRODUCER_FENCED, v3 is flexible). v4+ is the broker-to-broker batched form (KIP-890), not advertised.
// Differences from Kafka: none known for v0-3.
import { ApiKey } from '../../protocol/api-keys'
import { readAddPartitionsToTxnRequest, writeAddPartitionsToTxnResponse } from '../../protocol/generated'
import { fencedForVersion } from '../../txn/errors'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 3,
  read: readAddPartitionsToTxnRequest,
  write: writeAddPartitionsToTxnResponse,
  handle: (req, ctx) => {
    const partitions = req.v3AndBelowTopics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })))
    const results = ctx.broker.transactions.addPartitions(req.v3AndBelowTransactionalId, req.v3AndBelowProducerId,
      req.v3AndBelowProducerEpoch, partitions)
    const version = ctx.header.apiVersion
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      resultsByTransaction: [],
      resultsByTopicV3AndBelow: req.v3AndBelowTopics.map((t) => ({
        name: t.name,
        resultsByPartition: t.partitions.map((partitionIndex) => {
          const r = results.find((x) => x.topic === t.name && x.partition === partitionIndex)
          return { partitionIndex, partitionErrorCode: fencedForVersion(r?.errorCode ?? 0, version, 2) }
        }),
      })),
    }
  },
})
