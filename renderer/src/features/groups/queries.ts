import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const groupKeys = {
  all: ['groups'] as const,
  list: () => [...groupKeys.all, 'list'] as const,
  detail: (groupId: string) => [...groupKeys.all, 'detail', groupId] as const,
}

export const groupQueries = {
  list: () => queryOptions({ queryKey: groupKeys.list(), queryFn: () => api.invoke('groups:list').then(unwrap), refetchInterval: 5_000 }),
  detail: (groupId: string) => queryOptions({ queryKey: groupKeys.detail(groupId), queryFn: () => api.invoke('groups:describe', groupId).then(unwrap) }),
}
