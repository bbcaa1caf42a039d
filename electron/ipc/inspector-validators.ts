/** Runtime validation of the inspector / client-activity / cluster channels (merged into validators.ts). */
import type { InspectorInvoke } from './inspector-types'
import { SchemaError, bool, int, object, optional, str, tuple, type Check } from './schema'

const topicName = str({ min: 1, max: 249, pattern: /^[a-zA-Z0-9._-]+$/, what: 'a topic name (1-249 of a-z A-Z 0-9 . _ -)' })
const clusterId = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, what: 'a cluster id' })

/** A host name, IPv4 address or [IPv6] literal, then a port 1-65535. */
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/

/** Problem with a comma-separated bootstrap list, or null when every entry is host:port. */
export function bootstrapProblem(list: string): string | null {
  const entries = list.split(',').map((s) => s.trim())
  if (entries.length === 0 || entries.every((e) => e === '')) return 'enter at least one host:port'
  if (entries.length > 50) return 'at most 50 bootstrap servers'
  for (const e of entries) {
    const m = HOST_PORT.exec(e)
    if (!m) return `"${e}" is not host:port`
    const port = Number(m[1])
    if (port < 1 || port > 65535) return `"${e}": port must be 1-65535`
  }
  return null
}

const bootstrapList: Check<string> = (v, path) => {
  const s = str({ min: 1, max: 5000 })(v, path)
  const problem = bootstrapProblem(s)
  if (problem) throw new SchemaError(`${path}: ${problem}`)
  return s.split(',').map((e) => e.trim()).join(',')
}

export const inspectorValidators: { [C in keyof InspectorInvoke]: Check<unknown[]> } = {
  'inspector:snapshot': tuple(optional(int(1, 100_000))),
  'inspector:watch': tuple(bool),
  'inspector:decode': tuple(int(0, Number.MAX_SAFE_INTEGER)),
  'inspector:latency': tuple(),
  'inspector:clear': tuple(),
  'clients:activity': tuple(),
  'clients:topic': tuple(topicName),
  'clusters:list': tuple(),
  'clusters:add': tuple(object({ name: str({ min: 1, max: 100 }), bootstrap: bootstrapList })),
  'clusters:remove': tuple(clusterId),
  'clusters:switch': tuple(clusterId),
}
