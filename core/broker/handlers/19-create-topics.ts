// 19-create-topics.ts: CreateTopics (key 19), versions 0-7 (kafkajs uses 0-3 and ignores our minimum,
// CLIENTS.md pitfall 8). NumPartitions -1 = broker default (KIP-464, v4+). ReplicationFactor must be
// -1 or 1 on a single broker. v5+ returns the resulting configs (KIP-525).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readCreateTopicsRequest, writeCreateTopicsResponse, type CreateTopicsRequest, type CreateTopicsResponse } from '../../protocol/generated'
import { ZERO_UUID } from '../../protocol/uuid'
import { defineHandler, type HandlerContext } from '../handler'
import { describeTopicConfigs } from '../../config/describe-configs'

type TopicResult = CreateTopicsResponse['topics'][number]

export default defineHandler({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  read: readCreateTopicsRequest,
  write: writeCreateTopicsResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, topics: req.topics.map((t) => createOne(t, req, ctx)) }),
})

function createOne(t: CreateTopicsRequest['topics'][number], req: CreateTopicsRequest, ctx: HandlerContext): TopicResult {
  const base: TopicResult = {
    name: t.name, topicId: ZERO_UUID, errorCode: ErrorCode.NONE, errorMessage: null, topicConfigErrorCode: ErrorCode.NONE,
    numPartitions: -1, replicationFactor: -1, configs: null,
  }
  if (req.topics.filter((other) => other.name === t.name).length > 1) {
    return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Topic '${t.name}' is listed more than once.` }
  }
  if (t.replicationFactor !== -1 && t.replicationFactor !== 1) {
    return { ...base, errorCode: ErrorCode.INVALID_REPLICATION_FACTOR, errorMessage: `Replication factor must be 1 (or -1): this is a single broker, asked for ${t.replicationFactor}.` }
  }
  if (t.assignments.length > 0) {
    return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Manual replica assignments are not supported by a single broker.' }
  }
  const configs = Object.fromEntries(t.configs.map((c) => [c.name, c.value]))
  const outcome = ctx.broker.topics.create(t.name, t.numPartitions, configs, req.validateOnly)
  if (outcome.errorCode !== ErrorCode.NONE) return { ...base, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }
  const overrides = outcome.topic?.configs ?? Object.fromEntries(Object.entries(configs).filter((e): e is [string, string] => e[1] !== null))
  return {
    ...base,
    topicId: outcome.topic?.topicId ?? ZERO_UUID,
    numPartitions: outcome.topic?.partitionCount ?? (t.numPartitions === -1 ? ctx.broker.options.numPartitions : t.numPartitions),
    replicationFactor: 1,
    configs: describeTopicConfigs(overrides, null, false).map((c) => ({
      name: c.name, value: c.value, readOnly: c.readOnly, configSource: c.source, isSensitive: c.isSensitive,
    })),
  }
}
