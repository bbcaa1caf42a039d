/**
 * Remote clusters: a ConsoleBackend that routes every channel to the console of the active cluster (the
 * embedded broker, or a remote Kafka-compatible cluster added by bootstrap servers) and answers the
 * clusters:* channels itself. The embedded broker's console stays alive while a remote one is active, so the
 * inspector keeps recording; a remote console is created on switch and closed when switching away.
 */
import type { ClusterInfo, ClusterList, InvokeResult } from '../../ipc/contract'
import { ok } from '../../ipc/contract'
import { validateArgs } from '../../ipc/validators'
import { createConsole, type ConsoleBackend, type ConsoleOptions, type EventListener } from '../console-service'
import { toIpcError } from '../errors'
import { ClusterStore } from './cluster-store'

export interface ClusterConsoleOptions extends ConsoleOptions {
  /** JSON file for the saved cluster list; null keeps it in memory. */
  clustersFile?: string | null
}

const BASE_ID = 'embedded'

export function createClusterConsole(options: ClusterConsoleOptions): ConsoleBackend {
  const base = createConsole(options)
  const baseInfo: ClusterInfo = {
    id: BASE_ID, name: options.broker && !options.bootstrap ? 'Embedded broker' : 'Default cluster',
    bootstrap: options.bootstrap ?? options.broker?.bootstrap ?? '', kind: options.broker && !options.bootstrap ? 'embedded' : 'remote',
  }
  const store = new ClusterStore(options.clustersFile ?? null)
  const listeners = new Set<EventListener>()
  let active: { id: string; backend: ConsoleBackend; off: () => void } = { id: BASE_ID, backend: base, off: () => {} }

  const forward: EventListener = (channel, ...payload) => {
    for (const l of listeners) l(channel, ...payload)
  }
  const list = (): ClusterList => ({ activeId: active.id, clusters: [baseInfo, ...store.remotes] })

  const activate = async (id: string): Promise<void> => {
    if (id === active.id) return
    const target = id === BASE_ID ? null : store.find(id)
    if (id !== BASE_ID && !target) throw Object.assign(new Error(`no cluster with id ${id}`), { code: 'NOT_FOUND' })
    const previous = active
    previous.off()
    // The console talks to a remote cluster through its first bootstrap server (WireCluster and kafkajs
    // rediscover the other brokers from Metadata).
    const backend = target ? createConsole({ ...options, broker: null, bootstrap: target.bootstrap.split(',')[0]! }) : base
    active = { id, backend, off: backend.onEvent(forward) }
    if (previous.backend !== base) await previous.backend.close()
    store.setActive(id === BASE_ID ? null : id)
    forward('clusters:changed', list())
    const status = await backend.invoke('broker:status', [])
    if (status.ok) forward('broker:changed', { type: 'status-changed', status: status.value })
  }

  active.off = base.onEvent(forward)
  const restore = store.activeId
  if (restore && store.find(restore)) void activate(restore).catch(() => store.setActive(null))

  const clusterChannel = async (channel: string, args: unknown[]): Promise<unknown> => {
    switch (channel) {
      case 'clusters:list': return list()
      case 'clusters:add': return store.add(args[0] as { name: string; bootstrap: string })
      case 'clusters:remove': {
        const id = args[0] as string
        if (id === BASE_ID) throw Object.assign(new Error('the embedded broker cannot be removed'), { code: 'VALIDATION' })
        if (active.id === id) await activate(BASE_ID)
        store.remove(id)
        forward('clusters:changed', list())
        return null
      }
      case 'clusters:switch':
        await activate(args[0] as string)
        return list()
    }
    throw new Error(`unknown cluster channel ${channel}`)
  }

  return {
    async invoke(channel, args) {
      if (!channel.startsWith('clusters:')) return active.backend.invoke(channel, args)
      const checked = validateArgs(channel, args)
      if (!checked.ok) return checked as InvokeResult<typeof channel>
      try {
        return ok(await clusterChannel(channel, checked.value as unknown[])) as InvokeResult<typeof channel>
      } catch (err) {
        return { ok: false, error: toIpcError(err) } as InvokeResult<typeof channel>
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    exportedFile: (jobId) => active.backend.exportedFile(jobId) ?? base.exportedFile(jobId),
    async close() {
      active.off()
      listeners.clear()
      await Promise.allSettled([active.backend !== base ? active.backend.close() : Promise.resolve(), base.close()])
    },
  }
}
