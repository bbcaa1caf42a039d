import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const brokerKeys = {
  all: ['broker'] as const,
  appInfo: () => [...brokerKeys.all, 'app-info'] as const,
  status: () => [...brokerKeys.all, 'status'] as const,
  stats: () => [...brokerKeys.all, 'stats'] as const,
  overview: () => [...brokerKeys.all, 'overview'] as const,
}

export const brokerQueries = {
  appInfo: () => queryOptions({ queryKey: brokerKeys.appInfo(), queryFn: () => api.invoke('app:info').then(unwrap), staleTime: Infinity }),
  status: () => queryOptions({ queryKey: brokerKeys.status(), queryFn: () => api.invoke('broker:status').then(unwrap), refetchInterval: 10_000 }),
  // stats:tick pushes fresh values every second (lib/live-sync.ts); the fetch only seeds the cache.
  stats: () => queryOptions({ queryKey: brokerKeys.stats(), queryFn: () => api.invoke('broker:stats').then(unwrap), staleTime: Infinity }),
  overview: () => queryOptions({ queryKey: brokerKeys.overview(), queryFn: () => api.invoke('cluster:overview').then(unwrap) }),
}
