// The single handler list: dispatch and the ApiVersions response both derive from it, so we never
// advertise an API we cannot answer (CLIENTS.md pitfall 10).
import type { AnyHandler } from './handler'
import produce from './handlers/00-produce'
import fetch from './handlers/01-fetch'
import listOffsets from './handlers/02-list-offsets'
import metadata from './handlers/03-metadata'
import apiVersions from './handlers/18-api-versions'
import createTopics from './handlers/19-create-topics'
import deleteTopics from './handlers/20-delete-topics'
import deleteRecords from './handlers/21-delete-records'
import initProducerId from './handlers/22-init-producer-id'
import describeConfigs from './handlers/32-describe-configs'
import alterConfigs from './handlers/33-alter-configs'
import createPartitions from './handlers/37-create-partitions'
import incrementalAlterConfigs from './handlers/44-incremental-alter-configs'
import describeCluster from './handlers/60-describe-cluster'

export const handlers: readonly AnyHandler[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  apiVersions,
  createTopics,
  deleteTopics,
  deleteRecords,
  initProducerId,
  describeConfigs,
  alterConfigs,
  createPartitions,
  incrementalAlterConfigs,
  describeCluster,
]

const byKey = new Map(handlers.map((h) => [h.apiKey, h]))

export function handlerFor(apiKey: number): AnyHandler | undefined {
  return byKey.get(apiKey)
}
