import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { BrokerChange } from '../../../electron/ipc/contract'
import { brokerKeys } from '../features/broker/queries'
import { clientKeys } from '../features/clients/queries'
import { clusterKeys } from '../features/clusters/queries'
import { groupKeys } from '../features/groups/queries'
import { topicKeys } from '../features/topics/queries'
import { api } from './api'

/** Invalidations are coalesced: a busy broker emits many events per second, the UI refetches at most this often. */
const throttleMs = 750

function keysFor(change: BrokerChange): QueryKey[] {
  switch (change.type) {
    case 'topic-created':
    case 'topic-deleted':
      return [topicKeys.list(), topicKeys.detail(change.topic), brokerKeys.overview()]
    case 'partitions-added':
    case 'topic-configs-changed':
      return [topicKeys.list(), topicKeys.detail(change.topic), brokerKeys.overview()]
    case 'records-appended':
      return [topicKeys.list(), brokerKeys.overview(), ...change.topics.map((t) => topicKeys.detail(t))]
    case 'connections-changed':
      return [clientKeys.all]
    case 'groups-changed':
      return [groupKeys.all, brokerKeys.overview(), [...topicKeys.all, 'consumers']]
    case 'status-changed':
      return []
  }
}

/**
 * The one place where broker events reach the query cache. Returns a stop function.
 * Pushed values (status, stats) are written into their query; everything else marks queries stale.
 */
export function startLiveSync(client: QueryClient): () => void {
  const pending = new Map<string, QueryKey>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = () => {
    timer = null
    for (const key of pending.values()) void client.invalidateQueries({ queryKey: key })
    pending.clear()
  }
  const schedule = (keys: QueryKey[]) => {
    for (const key of keys) pending.set(JSON.stringify(key), key)
    if (keys.length > 0 && timer === null) timer = setTimeout(flush, throttleMs)
  }

  const offChanged = api.on('broker:changed', (change) => {
    if (change.type === 'status-changed') client.setQueryData(brokerKeys.status(), change.status)
    schedule(keysFor(change))
  })
  const offStats = api.on('stats:tick', (stats) => client.setQueryData(brokerKeys.stats(), stats))
  // Another cluster became active: every cached answer describes the old one.
  const offClusters = api.on('clusters:changed', (list) => {
    client.setQueryData(clusterKeys.list(), list)
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== clusterKeys.all[0] })
  })

  return () => {
    offChanged()
    offStats()
    offClusters()
    if (timer !== null) clearTimeout(timer)
  }
}
