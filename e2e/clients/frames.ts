// frames.ts: valid request frames built with the generated writers, as seeds for the fuzzer and raw checks.
import { ApiKey } from '../../core/protocol/api-keys'
import {
  defaultApiVersionsRequest, defaultCreateTopicsRequest, defaultCreateTopicsRequestCreatableTopic, defaultFetchRequest,
  defaultFetchRequestFetchPartition, defaultFindCoordinatorRequest, defaultListOffsetsRequest,
  defaultListOffsetsRequestListOffsetsPartition, defaultMetadataRequest, defaultProduceRequest, writeApiVersionsRequest,
  writeCreateTopicsRequest, writeFetchRequest, writeFindCoordinatorRequest, writeListOffsetsRequest,
  writeMetadataRequest, writeProduceRequest,
} from '../../core/protocol/generated'
import { requestFrame } from './raw-client'

export function apiVersionsFrame(version: number, correlationId: number): Buffer {
  const msg = { ...defaultApiVersionsRequest(), clientSoftwareName: 'brooklet-raw', clientSoftwareVersion: '1.0' }
  return requestFrame(ApiKey.ApiVersions, version, correlationId, (w) => writeApiVersionsRequest(w, version, msg))
}

export function metadataFrame(version: number, correlationId: number, topics: string[] | null): Buffer {
  const msg = { ...defaultMetadataRequest(), topics: topics?.map((name) => ({ topicId: '00000000000000000000000000000000', name })) ?? null }
  return requestFrame(ApiKey.Metadata, version, correlationId, (w) => writeMetadataRequest(w, version, msg))
}

export function produceFrame(version: number, correlationId: number, topic: string, partition: number, batch: Buffer, acks: number): Buffer {
  const msg = { ...defaultProduceRequest(), acks, timeoutMs: 5_000, topicData: [{ name: topic, partitionData: [{ index: partition, records: batch }] }] }
  return requestFrame(ApiKey.Produce, version, correlationId, (w) => writeProduceRequest(w, version, msg))
}

export function fetchFrame(version: number, correlationId: number, topic: string, partition: number, offset: bigint, maxWaitMs: number): Buffer {
  const msg = {
    ...defaultFetchRequest(), maxWaitMs, minBytes: 1, maxBytes: 1 << 20,
    topics: [{ topic, topicId: '00000000000000000000000000000000', partitions: [{ ...defaultFetchRequestFetchPartition(), partition, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
  }
  return requestFrame(ApiKey.Fetch, version, correlationId, (w) => writeFetchRequest(w, version, msg))
}

/** timestamp -1 = latest, -2 = earliest (ListOffsetsRequest.json). */
export function listOffsetsFrame(version: number, correlationId: number, topic: string, partitions: number[], timestamp: bigint): Buffer {
  const msg = {
    ...defaultListOffsetsRequest(), replicaId: -1,
    topics: [{ name: topic, partitions: partitions.map((p) => ({ ...defaultListOffsetsRequestListOffsetsPartition(), partitionIndex: p, timestamp })) }],
  }
  return requestFrame(ApiKey.ListOffsets, version, correlationId, (w) => writeListOffsetsRequest(w, version, msg))
}

export function createTopicsFrame(version: number, correlationId: number, name: string, numPartitions: number): Buffer {
  const msg = { ...defaultCreateTopicsRequest(), topics: [{ ...defaultCreateTopicsRequestCreatableTopic(), name, numPartitions, replicationFactor: 1 }] }
  return requestFrame(ApiKey.CreateTopics, version, correlationId, (w) => writeCreateTopicsRequest(w, version, msg))
}

export function findCoordinatorFrame(version: number, correlationId: number, group: string): Buffer {
  const msg = version >= 4 ? { ...defaultFindCoordinatorRequest(), coordinatorKeys: [group] } : { ...defaultFindCoordinatorRequest(), key: group }
  return requestFrame(ApiKey.FindCoordinator, version, correlationId, (w) => writeFindCoordinatorRequest(w, version, msg))
}
