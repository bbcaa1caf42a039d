/**
 * The console backend: one handler per invoke channel of the contract, plus the event stream. Runs in
 * Electron's main process and in browser mode's Node process alike; transports call `invoke`, which
 * validates the args, runs the handler and always resolves to a Result (it never throws).
 */
import { Kafka, Partitioners, logLevel, type Admin, type Producer } from './kafkajs'
import type { RunningBroker } from '../../core/index'
import type { EventChannel, Events, InvokeChannel, InvokeResult, ResultValue } from '../ipc/contract'
import { fail, ok } from '../ipc/contract'
import { validateArgs } from '../ipc/validators'
import type { ConsoleDeps } from './deps'
import { toIpcError } from './errors'
import { ExportJobs, type ExportTarget } from './export'
import { CONSOLE_CLIENT_ID } from './kafka-wire'
import { watchEmbedded, watchRemote } from './live'
import { ProduceJobs } from './produce'
import { TailSubscriptions } from './tail'
import { TemplateStore } from './template-store'
import { Throughput } from './throughput'
import { WireCluster } from './wire-cluster'
import { buildHandlers, type Handlers } from './handlers'
import { consoleDbFileFor, createGroupsBackend } from './groups-backend'
import { Inspector } from './inspector/inspector'

export interface ConsoleOptions {
  /** The embedded broker; its bootstrap is used unless `bootstrap` names another cluster. */
  broker?: RunningBroker | null
  bootstrap?: string
  shell: 'electron' | 'browser'
  /** JSON file for produce templates; null keeps them in memory. */
  templatesFile?: string | null
  exportTarget: ExportTarget
  /** Electron: shell.showItemInFolder. */
  revealFile?: (path: string) => void
}

export type EventListener = <E extends EventChannel>(channel: E, ...payload: Events[E]) => void

export interface ConsoleBackend {
  invoke<C extends InvokeChannel>(channel: C, args: unknown): Promise<InvokeResult<C>>
  /** Every event, for a transport to forward; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void
  /** jobId -> exported file (browser mode serves downloads from here). */
  exportedFile(jobId: string): { path: string; fileName: string } | undefined
  close(): Promise<void>
}

export function createConsole(options: ConsoleOptions): ConsoleBackend {
  const bootstrap = options.bootstrap ?? options.broker?.bootstrap
  if (!bootstrap) throw new Error('createConsole needs a broker or a bootstrap address')
  const listeners = new Set<EventListener>()
  const emit: EventListener = (channel, ...payload) => {
    for (const l of listeners) l(channel, ...payload)
  }
  const kafka = new Kafka({ clientId: CONSOLE_CLIENT_ID, brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } })
  let admin: Promise<Admin> | undefined
  let producer: Promise<Producer> | undefined
  const connect = <T extends Admin | Producer>(client: T): Promise<T> => client.connect().then(() => client)
  const deps: ConsoleDeps = {
    bootstrap,
    kafka,
    admin: () => (admin ??= connect(kafka.admin()).catch((err) => ((admin = undefined), Promise.reject(err)))),
    producer: () =>
      (producer ??= connect(kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false }))
        .catch((err) => ((producer = undefined), Promise.reject(err)))),
    wire: new WireCluster(bootstrap),
    embedded: options.broker && !options.bootstrap ? options.broker.context : null,
    throughput: new Throughput(),
  }
  const produce = new ProduceJobs(deps, (p) => emit('produce:progress', p))
  const exports = new ExportJobs(bootstrap, options.exportTarget, (p) => emit('export:progress', p))
  const tails = new TailSubscriptions(bootstrap, (b) => emit('messages:tail', b))
  const templates = new TemplateStore(options.templatesFile ?? null)
  const startedAtMs = Date.now()
  const stopWatch = deps.embedded
    ? watchEmbedded(deps.embedded, deps.throughput, (c) => emit('broker:changed', c))
    : watchRemote(deps.wire, deps.throughput, (c) => emit('broker:changed', c))
  const ticker = setInterval(() => emit('stats:tick', deps.throughput.snapshot()), 1000)
  // The protocol inspector records only inside the embedded broker (remote clusters do not expose requests).
  const inspector = deps.embedded ? new Inspector(deps.embedded, (b) => emit('inspector:batch', b)) : null
  // Consumer groups (issue 7): lag sampler + history and the rebalance timeline, in the console's own SQLite file.
  const groups = createGroupsBackend(deps, { dbFile: consoleDbFileFor(options, bootstrap), emit: (c) => emit('broker:changed', c) })
  const handlers: Handlers = buildHandlers({ deps, options, produce, exports, tails, templates, startedAtMs, inspector, groups: groups.handlers })

  return {
    async invoke(channel, args) {
      const checked = validateArgs(channel, args)
      if (!checked.ok) return checked as InvokeResult<typeof channel>
      const handler = handlers[channel] as ((...a: unknown[]) => Promise<ResultValue<typeof channel>>) | undefined
      if (!handler) return fail('NOT_SUPPORTED', `channel ${channel} has no handler`) as InvokeResult<typeof channel>
      try {
        return ok(await handler(...checked.value)) as InvokeResult<typeof channel>
      } catch (err) {
        return { ok: false, error: toIpcError(err) } as InvokeResult<typeof channel>
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    exportedFile: (jobId) => exports.files.get(jobId),
    async close() {
      clearInterval(ticker)
      groups.close()
      inspector?.close()
      stopWatch()
      tails.stopAll()
      listeners.clear()
      deps.wire.close()
      await Promise.allSettled([admin?.then((a) => a.disconnect()), producer?.then((p) => p.disconnect())])
    },
  }
}
