import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../lib/api'

export const produceKeys = {
  all: ['produce'] as const,
  templates: (topic: string) => [...produceKeys.all, 'templates', topic] as const,
  partitionForKey: (topic: string, key: string) => [...produceKeys.all, 'partition-for-key', topic, key] as const,
  preview: (template: string) => [...produceKeys.all, 'preview', template] as const,
}

export const produceQueries = {
  templates: (topic: string) => queryOptions({
    queryKey: produceKeys.templates(topic), queryFn: () => api.invoke('templates:list', topic).then(unwrap), enabled: topic !== '',
  }),
  partitionForKey: (topic: string, key: string) => queryOptions({
    queryKey: produceKeys.partitionForKey(topic, key),
    queryFn: () => api.invoke('produce:partition-for-key', topic, key).then(unwrap),
    enabled: topic !== '' && key !== '',
    staleTime: 30_000,
  }),
  preview: (template: string) => queryOptions({
    queryKey: produceKeys.preview(template),
    queryFn: () => api.invoke('produce:render-template', template, 1).then(unwrap),
    enabled: template.includes('{{'),
    staleTime: Infinity,
  }),
}
