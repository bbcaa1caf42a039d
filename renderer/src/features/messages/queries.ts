import { infiniteQueryOptions } from '@tanstack/react-query'
import type { MessageFilters, MessagePage, StartPosition } from '../../../../electron/ipc/contract'
import { api, unwrap } from '../../lib/api'

export const pageSize = 500
/** The first page is small so the first rows of a huge topic paint fast; later pages are larger. */
export const firstPageSize = 100

export interface BrowseParams {
  topic: string
  partitions: number[] | null
  start: StartPosition
  filters: MessageFilters
}

interface PageParam { start: StartPosition; limit: number }

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
      topic: p.topic, partitions: p.partitions, start: pageParam.start, limit: pageParam.limit, filters: p.filters,
    }).then(unwrap),
    // 'latest' means "the newest `limit` rows", so it gets a full page.
    initialPageParam: { start: p.start, limit: p.start.kind === 'latest' ? pageSize : firstPageSize } as PageParam,
    getNextPageParam: (last: MessagePage): PageParam | undefined =>
      last.reachedEnd ? undefined : { start: { kind: 'cursor', positions: last.next }, limit: pageSize },
    staleTime: Infinity,
    // Browsing is a snapshot; live data comes through the tail, not refetches of every loaded page.
    refetchOnWindowFocus: false,
  }),
}
