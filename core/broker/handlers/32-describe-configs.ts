// 32-describe-configs.ts: DescribeConfigs (key 32), versions 0-4. Topic resources (type 2) show every
// topic config with its source and, when asked, synonyms (KIP-226); broker resources (type 4) show the
// broker settings a client may look for. v3+ adds the config type (KIP-569).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readDescribeConfigsRequest, writeDescribeConfigsResponse, type DescribeConfigsRequest, type DescribeConfigsResponse } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'
import { describeTopicConfigs, type DescribedConfig } from '../../config/describe-configs'
import { describeBrokerConfigs } from '../../config/broker-configs'
import { RESOURCE_TYPE } from '../../config/resource-types'

type Result = DescribeConfigsResponse['results'][number]

export default defineHandler({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  read: readDescribeConfigsRequest,
  write: writeDescribeConfigsResponse,
  handle: (req, ctx) => ({ throttleTimeMs: 0, results: req.resources.map((r) => describeOne(r, req.includeSynonyms, ctx)) }),
})

function describeOne(resource: DescribeConfigsRequest['resources'][number], includeSynonyms: boolean, ctx: HandlerContext): Result {
  const { resourceType, resourceName, configurationKeys } = resource
  const base = { errorCode: ErrorCode.NONE, errorMessage: null, resourceType, resourceName }
  if (resourceType === RESOURCE_TYPE.TOPIC) {
    const topic = ctx.broker.topics.get(resourceName)
    if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${resourceName}' does not exist.`, configs: [] }
    return { ...base, configs: describeTopicConfigs(topic.configs, configurationKeys, includeSynonyms).map(toWire) }
  }
  if (resourceType === RESOURCE_TYPE.BROKER) {
    if (resourceName !== '' && resourceName !== String(ctx.broker.options.nodeId)) {
      return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown broker ${resourceName}.`, configs: [] }
    }
    return { ...base, configs: describeBrokerConfigs(ctx.broker.options, configurationKeys).map(toWire) }
  }
  return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Resource type ${resourceType} is not supported.`, configs: [] }
}

function toWire(c: DescribedConfig): Result['configs'][number] {
  return {
    name: c.name, value: c.value, readOnly: c.readOnly, isDefault: c.isDefault, configSource: c.source, isSensitive: c.isSensitive,
    synonyms: c.synonyms, configType: c.configType, documentation: null,
  }
}
