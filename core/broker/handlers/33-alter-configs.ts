// 33-alter-configs.ts: AlterConfigs (key 33), versions 0-2. Replaces a topic's whole override set
// (Kafka's non-incremental semantics); broker configs are static here.
import { ApiKey } from '../../protocol/api-keys'
import { readAlterConfigsRequest, writeAlterConfigsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'
import { alterResource } from '../../config/alter-resource'

export default defineHandler({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  read: readAlterConfigsRequest,
  write: writeAlterConfigsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    responses: req.resources.map((r) => {
      const changes = Object.fromEntries(r.configs.map((c) => [c.name, c.value]))
      return { resourceType: r.resourceType, resourceName: r.resourceName, ...alterResource(ctx.broker, r.resourceType, r.resourceName, changes, 'replace', req.validateOnly) }
    }),
  }),
})
