import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const clientKeys = {
  all: ['clients'] as const,
  list: () => [...clientKeys.all, 'list'] as const,
  activity: () => [...clientKeys.all, 'activity'] as const,
  topic: (topic: string) => [...clientKeys.all, 'topic', topic] as const,
}

export const clientQueries = {
  list: () => queryOptions({ queryKey: clientKeys.list(), queryFn: () => api.invoke('clients:list').then(unwrap), refetchInterval: 5_000 }),
  /** Topics per connection and group memberships (embedded broker only; [] against a remote cluster). */
  activity: () => queryOptions({ queryKey: clientKeys.activity(), queryFn: () => api.invoke('clients:activity').then(unwrap), refetchInterval: 5_000 }),
  /** Who writes to / reads from one topic right now. */
  topic: (topic: string) => queryOptions({ queryKey: clientKeys.topic(topic), queryFn: () => api.invoke('clients:topic', topic).then(unwrap), refetchInterval: 5_000 }),
}
