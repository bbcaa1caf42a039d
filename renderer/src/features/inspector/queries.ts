import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const inspectorKeys = {
  all: ['inspector'] as const,
  latency: () => [...inspectorKeys.all, 'latency'] as const,
  decode: (id: number) => [...inspectorKeys.all, 'decode', id] as const,
}

export const inspectorQueries = {
  latency: () => queryOptions({ queryKey: inspectorKeys.latency(), queryFn: () => api.invoke('inspector:latency').then(unwrap), refetchInterval: 2_000 }),
  /** A decoded request never changes: fetched once per row, kept while the row is open. */
  decode: (id: number) => queryOptions({ queryKey: inspectorKeys.decode(id), queryFn: () => api.invoke('inspector:decode', id).then(unwrap), staleTime: Infinity, gcTime: 30_000 }),
}
