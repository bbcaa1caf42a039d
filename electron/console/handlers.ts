/** One handler per invoke channel; each returns the channel's value or throws (console-service wraps Results). */
import { version as nodeVersion } from 'node:process'
import type {
  BrokerStatus, ClientList, ClusterOverview, InvokeArgs, InvokeChannel, ResultValue,
} from '../ipc/contract'
import type { ConsoleOptions } from './console-service'
import type { ConsoleDeps } from './deps'
import type { ExportJobs } from './export'
import { describeGroup, listGroups, topicConsumers } from './groups'
import { readMessages } from './message-reader'
import { partitionForKey } from './partitioner'
import type { ProduceJobs } from './produce'
import type { TailSubscriptions } from './tail'
import type { TemplateStore } from './template-store'
import { renderTemplate } from './templates'
import { addPartitions, alterTopicConfigs, configDefs, createTopic, deleteTopic, getTopic, listTopics } from './topics'
import { EARLIEST, LATEST } from './wire-cluster'
import { buildInspectorHandlers } from './inspector/handlers'
import type { Inspector } from './inspector/inspector'
import type { GroupsHandlers } from './groups-backend'

export type Handlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<ResultValue<C>> }

export interface HandlerContext {
  deps: ConsoleDeps
  options: ConsoleOptions
  produce: ProduceJobs
  exports: ExportJobs
  tails: TailSubscriptions
  templates: TemplateStore
  startedAtMs: number
  /** Embedded broker only. */
  inspector?: Inspector | null
  /** Consumer-group channels (issue 7), built by groups-backend.ts. */
  groups: GroupsHandlers
}

const APP_VERSION = '0.1.0'

async function brokerStatus(h: HandlerContext): Promise<BrokerStatus> {
  const { deps } = h
  const base = {
    bootstrap: deps.bootstrap,
    mode: deps.embedded ? ('embedded' as const) : ('remote' as const),
    storage: deps.embedded?.storage.kind ?? null,
    dataDir: deps.embedded ? (deps.embedded.options.memory ? null : (deps.embedded.options.dataDir ?? null)) : null,
    startedAtMs: String(h.startedAtMs),
  }
  if (deps.embedded?.shutdown.aborted) return { ...base, state: 'stopped', clusterId: deps.embedded.clusterId, controllerId: null, error: null }
  try {
    const meta = await deps.wire.metadata([])
    return { ...base, state: 'running', clusterId: meta.clusterId, controllerId: meta.controllerId, error: null }
  } catch (err) {
    return { ...base, state: 'unreachable', clusterId: deps.embedded?.clusterId ?? null, controllerId: null, error: (err as Error).message }
  }
}

async function overview(h: HandlerContext): Promise<ClusterOverview> {
  const meta = await h.deps.wire.metadata()
  let messages = 0n
  let partitions = 0
  for (const t of meta.topics) {
    const ids = t.partitions.map((p) => p.partition)
    partitions += ids.length
    const [lo, hi] = await Promise.all([h.deps.wire.listOffsets(t, ids, EARLIEST), h.deps.wire.listOffsets(t, ids, LATEST)])
    for (const p of ids) messages += (hi.get(p) ?? 0n) - (lo.get(p) ?? 0n)
  }
  const storage = h.deps.embedded?.storage
  let bytes: bigint | null = null
  if (storage) {
    bytes = 0n
    for (const t of meta.topics) for (const p of t.partitions) bytes += BigInt(storage.offsets(t.name, p.partition).sizeBytes)
  }
  const groups = await (await h.deps.admin()).listGroups().then((g) => g.groups.length).catch(() => 0)
  return {
    clusterId: meta.clusterId,
    brokers: meta.brokers.map((b) => ({ ...b, isController: b.nodeId === meta.controllerId })),
    topicCount: meta.topics.length,
    partitionCount: partitions,
    totalMessages: messages.toString(),
    totalBytes: bytes === null ? null : bytes.toString(),
    groupCount: groups,
  }
}

function clients(h: HandlerContext): ClientList {
  const ctx = h.deps.embedded
  if (!ctx) return { available: false, connections: [] }
  return {
    available: true,
    connections: [...ctx.connections.values()].map((c) => ({
      connectionId: c.id, remoteAddress: c.remoteAddress, remotePort: c.remotePort, connectedAtMs: String(c.connectedAtMs),
      clientId: c.clientId, softwareName: c.clientSoftwareName, softwareVersion: c.clientSoftwareVersion,
      bytesIn: c.bytesIn, bytesOut: c.bytesOut, requestCount: c.requestCount,
    })),
  }
}

function notSupported(message: string): Error {
  return Object.assign(new Error(message), { code: 'NOT_SUPPORTED' })
}

export function buildHandlers(h: HandlerContext): Handlers {
  const { deps } = h
  return {
    ...buildInspectorHandlers(h.inspector ?? null),
    ...h.groups,
    'app:info': async () => ({ shell: h.options.shell, version: APP_VERSION, platform: `${process.platform} (node ${nodeVersion})` }),
    'broker:status': () => brokerStatus(h),
    'broker:stats': async () => deps.throughput.snapshot(),
    'cluster:overview': () => overview(h),
    'topics:list': () => listTopics(deps),
    'topics:get': (topic) => getTopic(deps, topic),
    'topics:create': (input) => createTopic(deps, input),
    'topics:delete': (topic) => deleteTopic(deps, topic),
    'topics:alter-configs': (topic, changes) => alterTopicConfigs(deps, topic, changes),
    'topics:add-partitions': (topic, count) => addPartitions(deps, topic, count),
    'topics:config-defs': async () => configDefs(),
    'topics:consumers': (topic) => topicConsumers(deps, topic),
    'messages:read': (query) => readMessages(deps.wire, query),
    'messages:tail-start': async (req) => ({ subscriptionId: await h.tails.start(req) }),
    'messages:tail-stop': async (id) => (h.tails.stop(id), null),
    'messages:export': (req) => h.exports.run(req),
    'export:cancel': async (id) => (h.exports.cancel(id), null),
    'produce:send': (req) => h.produce.send(req),
    'produce:records': (req) => h.produce.sendRecords(req),
    'produce:cancel': async (id) => (h.produce.cancel(id), null),
    'produce:partition-for-key': async (topic, key, encoding) => {
      const partitions = (await deps.wire.topic(topic)).partitions.length
      const bytes = encoding === 'base64' ? Buffer.from(key, 'base64') : Buffer.from(key, 'utf8')
      return { partition: partitionForKey(bytes, partitions), partitions }
    },
    'produce:render-template': async (template, seq) => renderTemplate(template, seq ?? 1),
    'templates:list': async (topic) => h.templates.list(topic),
    'templates:save': async (topic, template) => h.templates.save(topic, template),
    'templates:delete': async (topic, name) => (h.templates.delete(topic, name), null),
    'groups:list': () => listGroups(deps),
    'groups:describe': (groupId) => describeGroup(deps, groupId),
    'clients:list': async () => clients(h),
    'files:reveal': async (path) => {
      if (!h.options.revealFile) throw notSupported('revealing files is only available in the desktop app')
      h.options.revealFile(path)
      return null
    },
  }
}
