/**
 * Live feeds for the console: throughput from broker events (embedded) or offset deltas (remote), and
 * BrokerChange events coalesced so a busy topic causes one 'records-appended' per second, not one per batch.
 */
import type { BrokerContext } from '../../core/broker/context'
import type { BrokerChange } from '../ipc/contract'
import { CONSOLE_CLIENT_ID } from './kafka-wire'
import type { Throughput } from './throughput'
import { LATEST, type WireCluster } from './wire-cluster'

const FETCH_API_KEY = 1
const COALESCE_MS = 1000

/** Returns the stop function. */
export function watchEmbedded(ctx: BrokerContext, throughput: Throughput, emit: (c: BrokerChange) => void): () => void {
  const appended = new Set<string>()
  let connections = false
  const offEvents = ctx.events.on((e) => {
    switch (e.type) {
      case 'records-appended':
        throughput.recordIn(e.topic, e.partition, e.recordCount, e.bytes)
        appended.add(e.topic)
        break
      case 'connection-opened':
      case 'connection-closed':
        connections = true
        break
      case 'topic-deleted':
        throughput.forgetTopic(e.topic)
        emit({ type: e.type, topic: e.topic })
        break
      default:
        emit({ type: e.type, topic: e.topic })
    }
  })
  // Bytes out = Fetch response sizes to real consumers (the console's own reads are not traffic).
  // Messages out would need a per-fetch record count the core does not report yet, so it stays 0.
  const offRequests = ctx.events.onRequest((r) => {
    if (r.apiKey === FETCH_API_KEY && r.clientId !== CONSOLE_CLIENT_ID) throughput.recordOut(0, r.responseBytes)
  })
  const timer = setInterval(() => {
    if (appended.size > 0) emit({ type: 'records-appended', topics: [...appended].sort() })
    appended.clear()
    if (connections) emit({ type: 'connections-changed' })
    connections = false
  }, COALESCE_MS)
  return () => {
    clearInterval(timer)
    offEvents()
    offRequests()
  }
}

/** Against a remote cluster: poll log end offsets every 2 s and count the growth as messages in. */
export function watchRemote(wire: WireCluster, throughput: Throughput, emit: (c: BrokerChange) => void): () => void {
  const last = new Map<string, bigint>()
  let known = new Set<string>()
  let stopped = false
  const poll = async () => {
    const meta = await wire.metadata()
    const names = new Set(meta.topics.map((t) => t.name))
    for (const n of names) if (!known.has(n) && known.size > 0) emit({ type: 'topic-created', topic: n })
    for (const n of known) if (!names.has(n)) emit({ type: 'topic-deleted', topic: n })
    known = names
    const grew = new Set<string>()
    for (const t of meta.topics) {
      const ends = await wire.listOffsets(t, t.partitions.map((p) => p.partition), LATEST)
      for (const [p, end] of ends) {
        const key = `${t.name}\u0000${p}`
        const prev = last.get(key)
        if (prev !== undefined && end > prev) {
          throughput.recordIn(t.name, p, Number(end - prev), 0)
          grew.add(t.name)
        }
        last.set(key, end)
      }
    }
    if (grew.size > 0) emit({ type: 'records-appended', topics: [...grew].sort() })
  }
  const timer = setInterval(() => {
    if (!stopped) poll().catch(() => undefined)
  }, 2000)
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
