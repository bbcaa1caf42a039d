// Cross-check against an independent implementation: request bodies encoded by kafkajs 2.2.4 must decode
// with our codecs and re-encode to the same bytes; responses we encode must decode in kafkajs.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import * as generated from '../generated'
import { Reader } from '../wire/reader'
import { Writer } from '../wire/writer'

const require = createRequire(import.meta.url)
const kreq = (path: string) => require(`kafkajs/src/protocol/requests/${path}`)
const codecs = generated as unknown as Record<string, (...args: unknown[]) => unknown>

interface KafkajsRequest { apiVersion: number; encode: () => Promise<{ buffer: Buffer }> }

async function crossCheck(name: string, request: KafkajsRequest): Promise<Record<string, unknown>> {
  const bytes = (await request.encode()).buffer
  const r = new Reader(bytes)
  const msg = codecs[`read${name}`]!(r, request.apiVersion) as Record<string, unknown>
  expect(r.ok).toBe(true)
  expect(r.remaining).toBe(0)
  const w = new Writer()
  codecs[`write${name}`]!(w, request.apiVersion, msg)
  expect(w.finish().toString('hex')).toBe(bytes.toString('hex'))
  return msg
}

describe('kafkajs-encoded requests', () => {
  it('Metadata v1 and v4', async () => {
    const m1 = await crossCheck('MetadataRequest', kreq('metadata/v1/request')({ topics: ['a', 'b'] }))
    expect(m1.topics).toEqual([{ topicId: '0'.repeat(32), name: 'a' }, { topicId: '0'.repeat(32), name: 'b' }])
    const m4 = await crossCheck('MetadataRequest', kreq('metadata/v4/request')({ topics: [], allowAutoTopicCreation: false }))
    expect(m4.allowAutoTopicCreation).toBe(false)
  })

  it('Produce v3 (records stay an opaque view)', async () => {
    const req = kreq('produce/v3/request')({
      acks: -1, timeout: 30000, transactionalId: null,
      topicData: [{ topic: 't', partitions: [{ partition: 2, messages: [{ key: 'k', value: 'v', timestamp: 1 }] }] }],
    })
    const msg = (await crossCheck('ProduceRequest', req)) as unknown as generated.ProduceRequest
    expect(msg.acks).toBe(-1)
    expect(msg.topicData[0]!.partitionData[0]!.index).toBe(2)
    expect(msg.topicData[0]!.partitionData[0]!.records!.readInt8(16)).toBe(2) // RecordBatch magic
  })

  it('Fetch v4, ListOffsets v1, group APIs', async () => {
    await crossCheck('FetchRequest', kreq('fetch/v4/request')({
      replicaId: -1, maxWaitTime: 5000, minBytes: 1, maxBytes: 1048576, isolationLevel: 1,
      topics: [{ topic: 't', partitions: [{ partition: 0, fetchOffset: '12', maxBytes: 1048576 }] }],
    }))
    await crossCheck('ListOffsetsRequest', kreq('listOffsets/v1/request')({
      replicaId: -1, topics: [{ topic: 't', partitions: [{ partition: 0, timestamp: -2 }] }],
    }))
    await crossCheck('JoinGroupRequest', kreq('joinGroup/v2/request')({
      groupId: 'g', sessionTimeout: 30000, rebalanceTimeout: 60000, memberId: '', protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.from([0, 1, 0, 0]) }],
    }))
    await crossCheck('SyncGroupRequest', kreq('syncGroup/v1/request')({
      groupId: 'g', generationId: 1, memberId: 'm', groupAssignment: [{ memberId: 'm', memberAssignment: Buffer.from([1]) }],
    }))
    await crossCheck('HeartbeatRequest', kreq('heartbeat/v1/request')({ groupId: 'g', groupGenerationId: 1, memberId: 'm' }))
    await crossCheck('OffsetCommitRequest', kreq('offsetCommit/v2/request')({
      groupId: 'g', groupGenerationId: 1, memberId: 'm', retentionTime: -1,
      topics: [{ topic: 't', partitions: [{ partition: 0, offset: '5' }] }],
    }))
    await crossCheck('OffsetFetchRequest', kreq('offsetFetch/v3/request')({ groupId: 'g', topics: [{ topic: 't', partitions: [{ partition: 0 }] }] }))
    await crossCheck('FindCoordinatorRequest', kreq('findCoordinator/v2/request')({ coordinatorKey: 'g', coordinatorType: 0 }))
    await crossCheck('CreateTopicsRequest', kreq('createTopics/v3/request')({
      topics: [{ topic: 't', numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
      timeout: 5000, validateOnly: false,
    }))
    await crossCheck('ApiVersionsRequest', kreq('apiVersions/v2/request')())
  })
})

describe('responses decoded by kafkajs', () => {
  it('Metadata v1', async () => {
    const res: generated.MetadataResponse = {
      ...generated.defaultMetadataResponse(),
      brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }],
      controllerId: 1,
      topics: [{
        ...generated.defaultMetadataResponseMetadataResponseTopic(), name: 't',
        partitions: [{ ...generated.defaultMetadataResponseMetadataResponsePartition(), partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1] }],
      }],
    }
    const w = new Writer()
    generated.writeMetadataResponse(w, 1, res)
    const { decode } = require('kafkajs/src/protocol/requests/metadata/v1/response')
    const out = await decode(Buffer.from(w.finish()))
    expect(out.brokers).toEqual([{ nodeId: 1, host: 'localhost', port: 9092, rack: null }])
    expect(out.topicMetadata[0].partitionMetadata[0]).toMatchObject({ partitionId: 0, leader: 1, replicas: [1], isr: [1] })
  })
})
