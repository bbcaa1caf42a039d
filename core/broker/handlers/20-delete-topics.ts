// 20-delete-topics.ts: DeleteTopics (key 20), versions 0-6. v6 names topics by name or by id (KIP-516).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readDeleteTopicsRequest, writeDeleteTopicsResponse, type DeleteTopicsRequest, type DeleteTopicsResponse } from '../../protocol/generated'
import { ZERO_UUID } from '../../protocol/uuid'
import { defineHandler, type HandlerContext } from '../handler'

type Result = DeleteTopicsResponse['responses'][number]

export default defineHandler({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  read: readDeleteTopicsRequest,
  write: writeDeleteTopicsResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, responses: targets(req, ctx.header.apiVersion).map((t) => deleteOne(t, ctx)) }),
})

function targets(req: DeleteTopicsRequest, version: number): { name: string | null; topicId: string }[] {
  return version >= 6 ? req.topics : req.topicNames.map((name) => ({ name, topicId: ZERO_UUID }))
}

function deleteOne(target: { name: string | null; topicId: string }, ctx: HandlerContext): Result {
  const { broker } = ctx
  const topic = target.name !== null ? broker.topics.get(target.name) : broker.storage.getTopicById(target.topicId)
  if (!topic) {
    const errorCode = target.name !== null ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.UNKNOWN_TOPIC_ID
    return { name: target.name, topicId: target.topicId, errorCode, errorMessage: 'This server does not host this topic.' }
  }
  const outcome = broker.topics.delete(topic.name)
  return { name: topic.name, topicId: topic.topicId, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }
}
