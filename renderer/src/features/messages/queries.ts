import { infiniteQueryOptions } from '@tanstack/react-query'
import type { MessageFilters, MessagePage, StartPosition } from '../../../../electron/ipc/contract'
import { api, unwrap } from '../../lib/api'

export const pageSize = 500

export interface BrowseParams {
  topic: string
  partitions: number[] | null
  start: StartPosition
  filters: MessageFilters
}

export const messageKeys = {
  all: ['messages'] as const,
  topic: (topic: string) => [...messageKeys.all, topic] as const,
  browse: (p: BrowseParams) => [...messageKeys.topic(p.topic), 'browse', p] as const,
}

/**
 * Pages through the backend with its cursor (MessagePage.next), so a 1M-message topic is never loaded
 * whole: the list asks for the next page only when the user scrolls near the end of what it has.
 */
export const messageQueries = {
  browse: (p: BrowseParams) => infiniteQueryOptions({
    queryKey: messageKeys.browse(p),
    queryFn: ({ pageParam }) => api.invoke('messages:read', {
      topic: p.topic, partitions: p.partitions, start: pageParam, limit: pageSize, filters: p.filters,
    }).then(unwrap),
    initialPageParam: p.start,
    getNextPageParam: (last: MessagePage): StartPosition | undefined =>
      last.reachedEnd ? undefined : { kind: 'cursor', positions: last.next },
    staleTime: Infinity,
    // Browsing is a snapshot; live data comes through the tail, not refetches of every loaded page.
    refetchOnWindowFocus: false,
  }),
}
