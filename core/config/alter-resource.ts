import { ErrorCode } from '../protocol/error-codes'
import type { BrokerContext } from '../broker/context'
import { RESOURCE_TYPE } from './resource-types'

/** Shared by AlterConfigs and IncrementalAlterConfigs: topic overrides change, broker configs are static. */
export function alterResource(
  broker: BrokerContext, resourceType: number, resourceName: string, changes: Record<string, string | null>,
  mode: 'replace' | 'patch', validateOnly: boolean,
): { errorCode: number; errorMessage: string | null } {
  if (resourceType === RESOURCE_TYPE.TOPIC) {
    const outcome = broker.topics.alterConfigs(resourceName, changes, mode, validateOnly)
    return { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }
  }
  if (resourceType === RESOURCE_TYPE.BROKER) {
    return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Broker configs are fixed at start-up; restart brooklet with other options.' }
  }
  return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Resource type ${resourceType} is not supported.` }
}
