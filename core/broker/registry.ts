// The single handler list: dispatch and the ApiVersions response both derive from it, so we never
// advertise an API we cannot answer (CLIENTS.md pitfall 10).
import type { AnyHandler } from './handler'
import produce from './handlers/00-produce'
import fetch from './handlers/01-fetch'
import listOffsets from './handlers/02-list-offsets'
import metadata from './handlers/03-metadata'
import offsetCommit from './handlers/08-offset-commit'
import offsetFetch from './handlers/09-offset-fetch'
import findCoordinator from './handlers/10-find-coordinator'
import joinGroup from './handlers/11-join-group'
import heartbeat from './handlers/12-heartbeat'
import leaveGroup from './handlers/13-leave-group'
import syncGroup from './handlers/14-sync-group'
import describeGroups from './handlers/15-describe-groups'
import listGroups from './handlers/16-list-groups'
import apiVersions from './handlers/18-api-versions'
import createTopics from './handlers/19-create-topics'
import deleteTopics from './handlers/20-delete-topics'
import deleteRecords from './handlers/21-delete-records'
import initProducerId from './handlers/22-init-producer-id'
import addPartitionsToTxn from './handlers/24-add-partitions-to-txn'
import addOffsetsToTxn from './handlers/25-add-offsets-to-txn'
import endTxn from './handlers/26-end-txn'
import txnOffsetCommit from './handlers/28-txn-offset-commit'
import describeConfigs from './handlers/32-describe-configs'
import alterConfigs from './handlers/33-alter-configs'
import createPartitions from './handlers/37-create-partitions'
import deleteGroups from './handlers/42-delete-groups'
import incrementalAlterConfigs from './handlers/44-incremental-alter-configs'
import offsetDelete from './handlers/47-offset-delete'
import describeCluster from './handlers/60-describe-cluster'

export const handlers: readonly AnyHandler[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  offsetCommit,
  offsetFetch,
  findCoordinator,
  joinGroup,
  heartbeat,
  leaveGroup,
  syncGroup,
  describeGroups,
  listGroups,
  apiVersions,
  createTopics,
  deleteTopics,
  deleteRecords,
  initProducerId,
  addPartitionsToTxn,
  addOffsetsToTxn,
  endTxn,
  txnOffsetCommit,
  describeConfigs,
  alterConfigs,
  createPartitions,
  deleteGroups,
  incrementalAlterConfigs,
  offsetDelete,
  describeCluster,
]

const byKey = new Map(handlers.map((h) => [h.apiKey, h]))

export function handlerFor(apiKey: number): AnyHandler | undefined {
  return byKey.get(apiKey)
}
