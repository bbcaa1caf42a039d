import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const clusterKeys = {
  all: ['clusters'] as const,
  list: () => [...clusterKeys.all, 'list'] as const,
}

export const clusterQueries = {
  list: () => queryOptions({ queryKey: clusterKeys.list(), queryFn: () => api.invoke('clusters:list').then(unwrap) }),
}
