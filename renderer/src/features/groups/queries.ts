import { queryOptions } from '@tanstack/react-query'
import type { LagWindow, OffsetResetRequest } from '../../../../electron/ipc/contract'
import { api, unwrap } from '../../lib/api'

export const groupKeys = {
  all: ['groups'] as const,
  list: () => [...groupKeys.all, 'list'] as const,
  detail: (groupId: string) => [...groupKeys.all, 'detail', groupId] as const,
  lag: (groupId: string) => [...groupKeys.all, 'lag', groupId] as const,
  history: (groupId: string, window: LagWindow) => [...groupKeys.all, 'history', groupId, window] as const,
  timeline: (groupId: string) => [...groupKeys.all, 'timeline', groupId] as const,
  resetPreview: (request: OffsetResetRequest) => [...groupKeys.all, 'reset-preview', request] as const,
}

export const groupQueries = {
  list: () => queryOptions({ queryKey: groupKeys.list(), queryFn: () => api.invoke('groups:list').then(unwrap), refetchInterval: 5_000 }),
  detail: (groupId: string) => queryOptions({ queryKey: groupKeys.detail(groupId), queryFn: () => api.invoke('groups:describe', groupId).then(unwrap), refetchInterval: 5_000 }),
  lag: (groupId: string) => queryOptions({ queryKey: groupKeys.lag(groupId), queryFn: () => api.invoke('groups:lag', groupId).then(unwrap), refetchInterval: 2_000 }),
  /** The sampler writes once a second; short windows follow it live, long ones need no such rate. */
  history: (groupId: string, window: LagWindow) => queryOptions({
    queryKey: groupKeys.history(groupId, window),
    queryFn: () => api.invoke('groups:lag-history', groupId, window).then(unwrap),
    refetchInterval: window === '5m' || window === '15m' ? 1_000 : window === '1h' ? 5_000 : 60_000,
    placeholderData: (previous) => previous,
  }),
  timeline: (groupId: string) => queryOptions({ queryKey: groupKeys.timeline(groupId), queryFn: () => api.invoke('groups:timeline', groupId).then(unwrap), refetchInterval: 5_000 }),
  /** Dry run of an offset reset: read-only, so a query keyed by the request (re-planned as the form changes). */
  resetPreview: (request: OffsetResetRequest) => queryOptions({
    queryKey: groupKeys.resetPreview(request),
    queryFn: () => api.invoke('groups:reset-offsets', request).then(unwrap),
    placeholderData: (previous) => previous,
  }),
}
