// apis.ts: the single list of APIs (and data schemas) we generate codecs for. Add an entry, run `npm run gen`.

export interface ApiEntry {
  key: number
  name: string // message name without Request/Response
}

export const APIS: readonly ApiEntry[] = [
  { key: 0, name: 'Produce' },
  { key: 1, name: 'Fetch' },
  { key: 2, name: 'ListOffsets' },
  { key: 3, name: 'Metadata' },
  { key: 8, name: 'OffsetCommit' },
  { key: 9, name: 'OffsetFetch' },
  { key: 10, name: 'FindCoordinator' },
  { key: 11, name: 'JoinGroup' },
  { key: 12, name: 'Heartbeat' },
  { key: 13, name: 'LeaveGroup' },
  { key: 14, name: 'SyncGroup' },
  { key: 15, name: 'DescribeGroups' },
  { key: 16, name: 'ListGroups' },
  { key: 18, name: 'ApiVersions' },
  { key: 19, name: 'CreateTopics' },
  { key: 20, name: 'DeleteTopics' },
  { key: 21, name: 'DeleteRecords' },
  { key: 22, name: 'InitProducerId' },
  { key: 24, name: 'AddPartitionsToTxn' },
  { key: 25, name: 'AddOffsetsToTxn' },
  { key: 26, name: 'EndTxn' },
  { key: 28, name: 'TxnOffsetCommit' },
  { key: 32, name: 'DescribeConfigs' },
  { key: 33, name: 'AlterConfigs' },
  { key: 37, name: 'CreatePartitions' },
  { key: 42, name: 'DeleteGroups' },
  { key: 44, name: 'IncrementalAlterConfigs' },
  { key: 47, name: 'OffsetDelete' },
  { key: 60, name: 'DescribeCluster' },
]

/** Non-RPC payload schemas: the consumer protocol's JoinGroup metadata and SyncGroup assignment bytes. */
export const DATA_SCHEMAS: readonly string[] = ['ConsumerProtocolSubscription', 'ConsumerProtocolAssignment']

export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

export function apiFileName(api: ApiEntry): string {
  return `${String(api.key).padStart(2, '0')}-${kebab(api.name)}.ts`
}

export function dataFileName(name: string): string {
  return `${kebab(name)}.ts`
}
