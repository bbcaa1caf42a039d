/** Handlers of the inspector and client-activity channels for one console backend (one cluster). */
import type { InspectorInvoke, InvokeArgs, ResultValue } from '../../ipc/contract'
import type { Inspector } from './inspector'

type InspectorHandlers = { [C in keyof InspectorInvoke]: (...args: InvokeArgs<C>) => Promise<ResultValue<C>> }

function error(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

const REMOTE = 'The protocol inspector sees requests inside the embedded broker; a remote cluster does not expose them.'

/** `inspector` is null against a remote cluster: the views then say why they are empty. */
export function buildInspectorHandlers(inspector: Inspector | null): InspectorHandlers {
  const need = (): Inspector => {
    if (!inspector) throw error('NOT_SUPPORTED', REMOTE)
    return inspector
  }
  const clusterLevel = async (): Promise<never> => {
    throw error('NOT_SUPPORTED', 'cluster channels are answered by the cluster switcher')
  }
  return {
    'inspector:snapshot': async (limit) =>
      inspector ? inspector.snapshot(limit) : { available: false, capacity: 0, total: 0, entries: [] },
    'inspector:watch': async (on) => (inspector?.watch(on), null),
    'inspector:decode': async (id) => {
      const decoded = need().decode(id)
      if (!decoded) throw error('NOT_FOUND', `request #${id} is no longer in the inspector's buffer`)
      return decoded
    },
    'inspector:latency': async () => (inspector ? inspector.latency() : []),
    'inspector:clear': async () => (inspector?.clear(), null),
    'clients:activity': async () => (inspector ? inspector.clients.activity() : []),
    'clients:topic': async (topic) => (inspector ? inspector.clients.topicClients(topic) : { available: false, producers: [], consumers: [] }),
    'clusters:list': clusterLevel,
    'clusters:add': clusterLevel,
    'clusters:remove': clusterLevel,
    'clusters:switch': clusterLevel,
  }
}
