import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const clientKeys = {
  all: ['clients'] as const,
  list: () => [...clientKeys.all, 'list'] as const,
}

export const clientQueries = {
  list: () => queryOptions({ queryKey: clientKeys.list(), queryFn: () => api.invoke('clients:list').then(unwrap), refetchInterval: 5_000 }),
}
