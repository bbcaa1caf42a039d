import { useSyncExternalStore } from 'react'

/**
 * Hash routing without a dependency: the hash works identically under file:// (Electron) and
 * the browser-mode HTTP server, and needs no server-side fallback route.
 */
export type Route =
  | { name: 'overview' }
  | { name: 'topics' }
  | { name: 'topic'; topic: string; tab: TopicTab }
  | { name: 'groups' }
  | { name: 'group'; groupId: string }
  | { name: 'produce'; topic?: string }
  | { name: 'clients' }
  | { name: 'inspector' }
  | { name: 'connect' }
  | { name: 'not-found'; path: string }

export type TopicTab = 'messages' | 'partitions' | 'configs' | 'consumers' | 'lanes'
const topicTabs: readonly TopicTab[] = ['messages', 'partitions', 'configs', 'consumers', 'lanes']

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  const [pathname = '/', query = ''] = path.split('?')
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const params = new URLSearchParams(query)
  const [head, second, third] = parts
  if (!head) return { name: 'overview' }
  if (head === 'topics' && !second) return { name: 'topics' }
  if (head === 'topics' && second) {
    const tab = topicTabs.find((t) => t === third) ?? 'messages'
    return { name: 'topic', topic: second, tab }
  }
  if (head === 'groups' && second) return { name: 'group', groupId: second }
  if (head === 'groups') return { name: 'groups' }
  if (head === 'clients') return { name: 'clients' }
  if (head === 'inspector') return { name: 'inspector' }
  if (head === 'connect') return { name: 'connect' }
  if (head === 'produce') {
    const topic = params.get('topic') ?? undefined
    return topic ? { name: 'produce', topic } : { name: 'produce' }
  }
  return { name: 'not-found', path: pathname }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'overview': return '#/'
    case 'topics': return '#/topics'
    case 'topic': return `#/topics/${encodeURIComponent(route.topic)}/${route.tab}`
    case 'groups': return '#/groups'
    case 'group': return `#/groups/${encodeURIComponent(route.groupId)}`
    case 'clients': return '#/clients'
    case 'inspector': return '#/inspector'
    case 'connect': return '#/connect'
    case 'produce': return route.topic ? `#/produce?topic=${encodeURIComponent(route.topic)}` : '#/produce'
    case 'not-found': return '#/'
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route)
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseHash(hash)
}
