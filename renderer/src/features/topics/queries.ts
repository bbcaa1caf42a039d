import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const topicKeys = {
  all: ['topics'] as const,
  list: () => [...topicKeys.all, 'list'] as const,
  detail: (name: string) => [...topicKeys.all, 'detail', name] as const,
  consumers: (name: string) => [...topicKeys.all, 'consumers', name] as const,
  configDefs: () => [...topicKeys.all, 'config-defs'] as const,
}

export const topicQueries = {
  // Rates decay to zero when traffic stops and no event says so, hence the slow poll.
  list: () => queryOptions({ queryKey: topicKeys.list(), queryFn: () => api.invoke('topics:list').then(unwrap), refetchInterval: 5_000 }),
  detail: (name: string) => queryOptions({ queryKey: topicKeys.detail(name), queryFn: () => api.invoke('topics:get', name).then(unwrap), refetchInterval: 5_000 }),
  consumers: (name: string) => queryOptions({ queryKey: topicKeys.consumers(name), queryFn: () => api.invoke('topics:consumers', name).then(unwrap), refetchInterval: 5_000 }),
  configDefs: () => queryOptions({ queryKey: topicKeys.configDefs(), queryFn: () => api.invoke('topics:config-defs').then(unwrap), staleTime: Infinity }),
}
