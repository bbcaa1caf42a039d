// 44-incremental-alter-configs.ts: IncrementalAlterConfigs (key 44), versions 0-1 (KIP-339).
// Operations: 0 SET, 1 DELETE (back to default), 2 APPEND and 3 SUBTRACT (list configs only).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readIncrementalAlterConfigsRequest, writeIncrementalAlterConfigsResponse, type IncrementalAlterConfigsRequest } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'
import { alterResource } from '../../config/alter-resource'
import { effectiveTopicConfig, topicConfigDef } from '../../config/topic-configs'
import { RESOURCE_TYPE } from '../../config/resource-types'

const SET = 0, DELETE = 1, APPEND = 2, SUBTRACT = 3

type Resource = IncrementalAlterConfigsRequest['resources'][number]

export default defineHandler({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  read: readIncrementalAlterConfigsRequest,
  write: writeIncrementalAlterConfigsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    responses: req.resources.map((r) => ({ resourceType: r.resourceType, resourceName: r.resourceName, ...alterOne(r, req.validateOnly, ctx) })),
  }),
})

function alterOne(r: Resource, validateOnly: boolean, ctx: HandlerContext): { errorCode: number; errorMessage: string | null } {
  const changes: Record<string, string | null> = {}
  const overrides = r.resourceType === RESOURCE_TYPE.TOPIC ? ctx.broker.topics.get(r.resourceName)?.configs ?? {} : {}
  for (const c of r.configs) {
    if (c.configOperation === SET) changes[c.name] = c.value
    else if (c.configOperation === DELETE) changes[c.name] = null
    else if (c.configOperation === APPEND || c.configOperation === SUBTRACT) {
      if (topicConfigDef(c.name)?.type !== 'list') {
        return { errorCode: ErrorCode.INVALID_CONFIG, errorMessage: `Config ${c.name} is not a list: APPEND/SUBTRACT do not apply.` }
      }
      const current = effectiveTopicConfig(overrides, c.name).split(',').filter(Boolean)
      const items = (c.value ?? '').split(',').filter(Boolean)
      const next = c.configOperation === APPEND ? [...new Set([...current, ...items])] : current.filter((x) => !items.includes(x))
      changes[c.name] = next.join(',')
    } else {
      return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown config operation ${c.configOperation}.` }
    }
  }
  return alterResource(ctx.broker, r.resourceType, r.resourceName, changes, 'patch', validateOnly)
}
