// 03-metadata.ts: Metadata (key 3), versions 0-12. One broker that leads every partition.
// Topic list semantics (MetadataRequest.json): v0 empty = all topics; v1+ null = all, empty = none.
// Auto-creation when enabled and allowed by the request (v4+ AllowAutoTopicCreation), created
// synchronously so the client gets the topic at once (CLIENTS.md pitfall 22).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readMetadataRequest, writeMetadataResponse, type MetadataRequest, type MetadataResponse } from '../../protocol/generated'
import type { TopicRecord } from '../../storage/storage'
import { ZERO_UUID } from '../../protocol/uuid'
import { defineHandler, type HandlerContext } from '../handler'
import { topicNameProblem } from '../topic-names'

const NO_AUTHORIZED_OPERATIONS = -2147483648

export default defineHandler({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  read: readMetadataRequest,
  write: writeMetadataResponse,
  handle: (req, ctx) => metadata(req, ctx),
})

function metadata(req: MetadataRequest, ctx: HandlerContext): MetadataResponse {
  const { broker, header } = ctx
  const nodeId = broker.options.nodeId
  const wantsAll = req.topics === null || (header.apiVersion === 0 && req.topics.length === 0)
  const topics = wantsAll
    ? broker.topics.list().map((t) => describeTopic(t, nodeId))
    : (req.topics ?? []).map((t) => lookupTopic(t.name, t.topicId, req.allowAutoTopicCreation, ctx))
  return {
    throttleTimeMs: 0,
    brokers: [{ nodeId, host: broker.options.advertisedHost, port: broker.advertisedPort, rack: null }],
    clusterId: broker.clusterId,
    controllerId: nodeId,
    topics,
    clusterAuthorizedOperations: NO_AUTHORIZED_OPERATIONS,
  }
}

type TopicEntry = MetadataResponse['topics'][number]

function lookupTopic(name: string | null, topicId: string, allowAutoCreate: boolean, ctx: HandlerContext): TopicEntry {
  const { broker } = ctx
  if (name === null) {
    const byId = broker.storage.getTopicById(topicId)
    return byId ? describeTopic(byId, broker.options.nodeId) : topicError('', ErrorCode.UNKNOWN_TOPIC_ID, topicId)
  }
  const existing = broker.topics.get(name)
  if (existing) return describeTopic(existing, broker.options.nodeId)
  if (topicNameProblem(name)) return topicError(name, ErrorCode.INVALID_TOPIC_EXCEPTION)
  if (broker.options.autoCreateTopics && allowAutoCreate) {
    const created = broker.topics.autoCreate(name)
    if (created.topic) return describeTopic(created.topic, broker.options.nodeId)
    return topicError(name, created.errorCode)
  }
  return topicError(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
}

function describeTopic(topic: TopicRecord, nodeId: number): TopicEntry {
  return {
    errorCode: ErrorCode.NONE,
    name: topic.name,
    topicId: topic.topicId,
    isInternal: false,
    partitions: Array.from({ length: topic.partitionCount }, (_, partitionIndex) => ({
      errorCode: ErrorCode.NONE,
      partitionIndex,
      leaderId: nodeId,
      leaderEpoch: 0,
      replicaNodes: [nodeId],
      isrNodes: [nodeId],
      offlineReplicas: [],
    })),
    topicAuthorizedOperations: NO_AUTHORIZED_OPERATIONS,
  }
}

function topicError(name: string, errorCode: number, topicId = ZERO_UUID): TopicEntry {
  return { errorCode, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: NO_AUTHORIZED_OPERATIONS }
}

