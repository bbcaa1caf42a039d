/**
 * Dev-only stand-in for the backend, loaded by main.tsx only under `vite` dev with `?fake` in the URL.
 * It lets the views be developed and screenshotted without a broker; it is never part of a build.
 */
import type {
  ConsoleApi, Events, InvokeChannel, MessageRow, Result, TopicSummary,
} from '../../electron/ipc/contract'

type Handler = (...args: never[]) => unknown
const listeners = new Map<string, Set<(...a: unknown[]) => void>>()
const emit = <E extends keyof Events>(ch: E, ...payload: Events[E]) => listeners.get(ch)?.forEach((l) => l(...payload))
const enc = (s: string) => ({ base64: btoa(unescape(encodeURIComponent(s))), text: s, size: s.length, truncated: false })

const topics = new Map<string, { partitions: number; rows: MessageRow[]; configs: Record<string, string> }>()
const names = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Barbara Liskov', 'Ken Thompson']
function makeRow(_topic: string, partition: number, offset: number, ts: number): MessageRow {
  const value = JSON.stringify({ id: `ord-${offset}`, customer: names[offset % names.length], amount: (offset * 37) % 500, items: [{ sku: 'A-1', qty: 2 }], paid: offset % 3 !== 0 })
  return {
    partition, offset: String(offset), timestamp: String(ts), timestampType: 'create-time', key: enc(`customer-${offset % 20}`), value: enc(value),
    headers: [{ key: 'trace-id', value: enc(`t-${offset}`) }], sizeBytes: value.length + 40, compression: 'none', batchBaseOffset: String(offset), producerId: '-1', isTransactional: false,
  }
}
function seed(name: string, partitions: number, count: number) {
  const rows: MessageRow[] = []
  const now = Date.now()
  for (let i = 0; i < count; i++) rows.push(makeRow(name, i % partitions, Math.floor(i / partitions), now - (count - i) * 1000))
  topics.set(name, { partitions, rows, configs: name === 'orders' ? { 'retention.ms': '86400000' } : {} })
}
seed('orders', 3, 2400); seed('payments', 2, 350); seed('audit.log', 1, 0)

const history = Array.from({ length: 60 }, (_, i) => ({ atMs: String(Date.now() - (60 - i) * 1000), messagesInPerSec: 40 + 30 * Math.sin(i / 6) + (i % 7) * 4, bytesInPerSec: 9000, messagesOutPerSec: 30 + 20 * Math.cos(i / 8), bytesOutPerSec: 6000 }))
const summary = (name: string): TopicSummary => { const t = topics.get(name)!; return { name, partitions: t.partitions, messages: String(t.rows.length), sizeBytes: String(t.rows.length * 160), messagesPerSec: name === 'orders' ? 42 : 0, internal: false } }

const handlers: { [C in InvokeChannel]?: Handler } = {
  'app:info': () => ({ shell: 'browser', version: '0.1.0', platform: 'linux' }),
  'broker:status': () => ({ state: 'running', bootstrap: '127.0.0.1:9092', clusterId: 'brooklet-dev', mode: 'embedded', controllerId: 1, storage: 'sqlite', dataDir: '/home/dev/.brooklet', startedAtMs: String(Date.now()), error: null }),
  'broker:stats': () => ({ ...history.at(-1)!, totalMessagesIn: '0', totalBytesIn: '0', totalMessagesOut: '0', totalBytesOut: '0', history }),
  'cluster:overview': () => ({ clusterId: 'brooklet-dev', brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: null, isController: true }], topicCount: topics.size, partitionCount: [...topics.values()].reduce((n, t) => n + t.partitions, 0), totalMessages: String([...topics.values()].reduce((n, t) => n + t.rows.length, 0)), totalBytes: '1234567', groupCount: 1 }),
  'topics:list': () => [...topics.keys()].map(summary),
  'topics:get': (name: string) => {
    const t = topics.get(name)
    if (!t) throw Object.assign(new Error(`Topic "${name}" does not exist.`), { code: 'NOT_FOUND' })
    return { name, topicId: null, internal: false, messages: String(t.rows.length), sizeBytes: String(t.rows.length * 160),
      partitions: Array.from({ length: t.partitions }, (_, p) => { const n = t.rows.filter((r) => r.partition === p).length; return { partition: p, leader: 1, replicas: [1], isr: [1], logStartOffset: '0', logEndOffset: String(n), messages: String(n), sizeBytes: String(n * 160), messagesPerSec: p === 0 ? 12 : 0 } }),
      configs: ['cleanup.policy', 'retention.ms', 'retention.bytes', 'max.message.bytes', 'segment.bytes'].map((c) => ({ name: c, value: t.configs[c] ?? ({ 'cleanup.policy': 'delete', 'retention.ms': '604800000', 'retention.bytes': '-1', 'max.message.bytes': '1048588', 'segment.bytes': '1073741824' } as Record<string, string>)[c] ?? null, isDefault: !(c in t.configs), source: c in t.configs ? 'topic' : 'default', readOnly: false, sensitive: false, doc: null })) }
  },
  'topics:create': (input: { name: string; partitions: number; configs?: Record<string, string> }) => { topics.set(input.name, { partitions: input.partitions, rows: [], configs: input.configs ?? {} }); emit('broker:changed', { type: 'topic-created', topic: input.name }); return summary(input.name) },
  'topics:delete': (name: string) => { topics.delete(name); return null },
  'topics:alter-configs': () => [],
  'topics:config-defs': () => [{ name: 'cleanup.policy', type: 'list', defaultValue: 'delete', doc: '', choices: ['delete', 'compact', 'compact,delete'] }, { name: 'max.message.bytes', type: 'int', defaultValue: '1048588', doc: '', choices: null }],
  'topics:consumers': (name: string) => name === 'orders' ? [{ groupId: 'billing', state: 'Stable', members: 2, lag: '37', partitions: [0, 1, 2].map((p) => ({ partition: p, committedOffset: '780', logEndOffset: '800', lag: String(p * 6 + 1) })) }] : [],
  'messages:read': (q: { topic: string; start: { kind: string; positions?: Record<string, string> }; limit: number; partitions?: number[] | null }) => {
    const t = topics.get(q.topic)!
    const from = q.start.kind === 'cursor' ? Number(Object.values(q.start.positions ?? {})[0] ?? 0) : 0
    const all = t.rows.filter((r) => !q.partitions || q.partitions.includes(r.partition))
    const rows = all.slice(from, from + q.limit)
    return { topic: q.topic, rows, next: { 0: String(from + rows.length) }, scanned: rows.length, reachedEnd: from + rows.length >= all.length, bounds: { 0: { logStartOffset: '0', logEndOffset: String(all.length) } } }
  },
  'messages:tail-start': (req: { topic: string }) => {
    let off = 100000
    setInterval(() => emit('messages:tail', { subscriptionId: 'sub-1', rows: [makeRow(req.topic, off % 3, off++, Date.now())], dropped: 0 }), 150)
    return { subscriptionId: 'sub-1' }
  },
  'messages:tail-stop': () => null,
  'produce:send': (r: { count: number; jobId: string }) => ({ jobId: r.jobId, sent: r.count, failed: 0, cancelled: false, durationMs: 120, first: [{ partition: 1, offset: '42' }], lastError: null }),
  'produce:partition-for-key': () => ({ partition: 2, partitions: 3 }),
  'produce:render-template': (t: string) => t.replace(/\{\{uuid\}\}/g, '5f0c8a1e-8d2b-4c1e-9a7e-2b1d3c4e5f60').replace(/\{\{seq\}\}/g, '1').replace(/\{\{[^}]*\}\}/g, 'Ada'),
  'templates:list': () => [{ topic: 'orders', name: 'new order', key: null, value: '{}', headers: [], updatedAtMs: '0' }],
  'groups:list': () => [{ groupId: 'billing', state: 'Stable', protocolType: 'consumer', members: 2, topics: ['orders'], lag: '37' }, { groupId: 'audit-replayer', state: 'Empty', protocolType: 'consumer', members: 0, topics: ['payments'], lag: '0' }],
  'groups:describe': (id: string) => ({ groupId: id, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: [{ memberId: 'm1', clientId: 'billing-1', host: '/127.0.0.1', assignments: [{ topic: 'orders', partitions: [0, 1] }] }], offsets: [] }),
  'clients:list': () => ({ available: true, connections: [{ connectionId: 1, remoteAddress: '127.0.0.1', remotePort: 53412, connectedAtMs: String(Date.now() - 60_000), clientId: 'billing-1', softwareName: 'kafkajs', softwareVersion: '2.2.4', bytesIn: 20480, bytesOut: 1048576, requestCount: 312 }] }),
}

export function installFakeApi(): void {
  const api: ConsoleApi = {
    invoke: (async (channel: InvokeChannel, ...args: unknown[]) => {
      await new Promise((r) => setTimeout(r, 60))
      const h = handlers[channel] as ((...a: unknown[]) => unknown) | undefined
      if (!h) return { ok: false, error: { code: 'NOT_SUPPORTED', message: `The fake backend has no "${channel}".` } }
      try { return { ok: true, value: h(...args) } as Result<unknown> } catch (e) { return { ok: false, error: { code: (e as { code?: string }).code ?? 'INTERNAL', message: (e as Error).message } } }
    }) as ConsoleApi['invoke'],
    on: ((channel: string, listener: (...a: unknown[]) => void) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener); listeners.set(channel, set)
      return () => set.delete(listener)
    }) as ConsoleApi['on'],
  }
  window.api = api
  setInterval(() => { history.push({ ...history.shift()!, atMs: String(Date.now()) }); emit('stats:tick', handlers['broker:stats']!() as never) }, 1000)
}
