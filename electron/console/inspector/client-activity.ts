/**
 * Which topics each open connection produces to and fetches from (learned from its Produce and Fetch requests
 * as the inspector decodes them), joined with group memberships from the coordinator's snapshot.
 */
import type { BrokerContext } from '../../../core/broker/context'
import type { ClientActivity, TopicClient, TopicClients } from '../../ipc/contract'
import { CONSOLE_CLIENT_ID } from '../kafka-wire'

interface Seen { produces: Set<string>; fetches: Set<string> }

/** Kafka clients send the host as seen by the broker, sometimes with a leading "/" (Java) or IPv4-mapped form. */
function normalizeHost(host: string): string {
  return host.replace(/^\//, '').replace(/^::ffff:/, '')
}

export class ClientActivityTracker {
  private readonly seen = new Map<number, Seen>()

  constructor(private readonly ctx: BrokerContext) {}

  record(connectionId: number, kind: 'produces' | 'fetches', topics: readonly string[]): void {
    if (topics.length === 0) return
    let s = this.seen.get(connectionId)
    if (!s) this.seen.set(connectionId, (s = { produces: new Set(), fetches: new Set() }))
    for (const t of topics) s[kind].add(t)
  }

  /** Drops connections that have closed (called before each read, so the map stays as small as the live set). */
  private prune(): void {
    for (const id of this.seen.keys()) if (!this.ctx.connections.has(id)) this.seen.delete(id)
  }

  /** Group memberships by "clientId\0host": a member's client id and host identify its connections. */
  private memberships(): Map<string, { groupId: string; memberId: string }[]> {
    const out = new Map<string, { groupId: string; memberId: string }[]>()
    for (const g of this.ctx.groups.snapshot()) {
      for (const m of g.members) {
        const key = `${m.clientId}\u0000${normalizeHost(m.clientHost)}`
        const list = out.get(key) ?? []
        list.push({ groupId: g.groupId, memberId: m.memberId })
        out.set(key, list)
      }
    }
    return out
  }

  activity(): ClientActivity[] {
    this.prune()
    const members = this.memberships()
    return [...this.ctx.connections.values()].map((c) => {
      const s = this.seen.get(c.id)
      return {
        connectionId: c.id,
        produces: s ? [...s.produces].sort() : [],
        fetches: s ? [...s.fetches].sort() : [],
        groups: members.get(`${c.clientId ?? ''}\u0000${normalizeHost(c.remoteAddress)}`) ?? [],
      }
    })
  }

  /** Who writes to and reads from a topic right now; the console's own connections are left out. */
  topicClients(topic: string): TopicClients {
    const producers: TopicClient[] = []
    const consumers: TopicClient[] = []
    const activity = new Map(this.activity().map((a) => [a.connectionId, a]))
    for (const c of this.ctx.connections.values()) {
      const a = activity.get(c.id)
      if (!a || c.clientId === CONSOLE_CLIENT_ID) continue
      const client: TopicClient = {
        connectionId: c.id, clientId: c.clientId, softwareName: c.clientSoftwareName, softwareVersion: c.clientSoftwareVersion,
        address: `${c.remoteAddress}:${c.remotePort}`, groups: [...new Set(a.groups.map((g) => g.groupId))],
      }
      if (a.produces.includes(topic)) producers.push(client)
      if (a.fetches.includes(topic)) consumers.push(client)
    }
    return { available: true, producers, consumers }
  }
}
