/**
 * The one IPC contract between the console's renderer and its backend (Electron main, or the browser-mode
 * server, which carries the same channels over a WebSocket). The renderer imports this file with
 * `import type` only; runtime validation of every payload lives in ./validators.ts.
 *
 * Data objects are plain JSON: int64 values (offsets, timestamps, totals) are decimal strings, bytes are
 * { base64, text } pairs. Every invoke resolves to a Result and never rejects across the bridge.
 *
 * Invoke channels:
 *   app:info                   which shell (electron | browser), version
 *   broker:status              state, bootstrap, cluster id, embedded or remote
 *   broker:stats               live throughput (also pushed every second as `stats:tick`)
 *   cluster:overview           brokers, topics, partitions, total messages and bytes
 *   topics:list | topics:get | topics:create | topics:delete | topics:alter-configs | topics:add-partitions
 *   topics:config-defs         known topic configs with defaults, for the create form
 *   topics:consumers           groups that committed offsets on a topic, with lag
 *   messages:read              a page of messages from a start position, with filters
 *   messages:tail-start | messages:tail-stop   live tail; rows arrive on `messages:tail`
 *   messages:export            JSON Lines / CSV export; progress on `export:progress`; export:cancel
 *   produce:send               one message or a bulk run (count, rate, templates); progress on `produce:progress`
 *   produce:records            explicit records (replay from the browser, JSON Lines import)
 *   produce:cancel             cancels a running produce job
 *   produce:partition-for-key  the partition a key maps to (same hash the producer uses)
 *   produce:render-template    expands placeholders once, for a preview
 *   templates:list | templates:save | templates:delete   produce templates saved per topic
 *   groups:list | groups:describe
 *   groups:lag | groups:lag-history | groups:reset-offsets | groups:delete | groups:timeline   (groups-types.ts)
 *   clients:list               open connections (embedded broker only)
 *   files:reveal               shows an exported file in the OS file manager (Electron only)
 *   inspector:* | clients:activity | clients:topic | clusters:*   (inspector-types.ts)
 * Event channels: inspector:batch, clusters:changed (inspector-types.ts), broker:changed, stats:tick, messages:tail, produce:progress, export:progress
 */

export type * from './types'
export type * from './message-types'
export type * from './groups-types'
export type * from './inspector-types'
import type {
  AppInfo, BrokerChange, BrokerStatus, ClientList, ClusterOverview, ConfigChange, ConfigDef, CreateTopicInput, GroupDetail, GroupSummary, IpcError, LiveStats, Result, TopicConfigEntry, TopicConsumer, TopicDetail, TopicSummary,
} from './types'
import type {
  ExportProgress, ExportRequest, ExportResult, MessagePage, MessageQuery, PartitionForKey, ProduceProgress, ProduceRecordsRequest, ProduceRequest, ProduceSummary, ProduceTemplate, ProduceTemplateInput, TailBatch, TailRequest, TailSubscription,
} from './message-types'
// Consumer-group channels (issue 7) live in their own file and are merged into the maps below.
import { GROUPS_INVOKE_CHANNELS, type GroupsInvoke } from './groups-types'
// Protocol inspector, client activity and cluster channels (issue 7), likewise.
import { INSPECTOR_EVENT_CHANNELS, INSPECTOR_INVOKE_CHANNELS, type InspectorEvents, type InspectorInvoke } from './inspector-types'

// ---------------------------------------------------------------- the channel maps

export interface Invoke extends GroupsInvoke, InspectorInvoke {
  'app:info': { args: []; result: Result<AppInfo> }
  'broker:status': { args: []; result: Result<BrokerStatus> }
  'broker:stats': { args: []; result: Result<LiveStats> }
  'cluster:overview': { args: []; result: Result<ClusterOverview> }
  'topics:list': { args: []; result: Result<TopicSummary[]> }
  'topics:get': { args: [topic: string]; result: Result<TopicDetail> }
  'topics:create': { args: [input: CreateTopicInput]; result: Result<TopicSummary> }
  'topics:delete': { args: [topic: string]; result: Result<null> }
  'topics:alter-configs': { args: [topic: string, changes: ConfigChange[]]; result: Result<TopicConfigEntry[]> }
  'topics:add-partitions': { args: [topic: string, totalCount: number]; result: Result<null> }
  'topics:config-defs': { args: []; result: Result<ConfigDef[]> }
  'topics:consumers': { args: [topic: string]; result: Result<TopicConsumer[]> }
  'messages:read': { args: [query: MessageQuery]; result: Result<MessagePage> }
  'messages:tail-start': { args: [request: TailRequest]; result: Result<TailSubscription> }
  'messages:tail-stop': { args: [subscriptionId: string]; result: Result<null> }
  'messages:export': { args: [request: ExportRequest]; result: Result<ExportResult> }
  'export:cancel': { args: [jobId: string]; result: Result<null> }
  'produce:send': { args: [request: ProduceRequest]; result: Result<ProduceSummary> }
  'produce:records': { args: [request: ProduceRecordsRequest]; result: Result<ProduceSummary> }
  'produce:cancel': { args: [jobId: string]; result: Result<null> }
  'produce:partition-for-key': { args: [topic: string, key: string, encoding?: 'text' | 'base64']; result: Result<PartitionForKey> }
  'produce:render-template': { args: [template: string, seq?: number]; result: Result<string> }
  'templates:list': { args: [topic: string]; result: Result<ProduceTemplate[]> }
  'templates:save': { args: [topic: string, template: ProduceTemplateInput]; result: Result<ProduceTemplate> }
  'templates:delete': { args: [topic: string, name: string]; result: Result<null> }
  'groups:list': { args: []; result: Result<GroupSummary[]> }
  'groups:describe': { args: [groupId: string]; result: Result<GroupDetail> }
  'clients:list': { args: []; result: Result<ClientList> }
  'files:reveal': { args: [path: string]; result: Result<null> }
}

export interface Events extends InspectorEvents {
  'broker:changed': [change: BrokerChange]
  'stats:tick': [stats: LiveStats]
  'messages:tail': [batch: TailBatch]
  'produce:progress': [progress: ProduceProgress]
  'export:progress': [progress: ExportProgress]
}

export type InvokeChannel = keyof Invoke
export type EventChannel = keyof Events
export type InvokeArgs<C extends InvokeChannel> = Invoke[C]['args']
export type InvokeResult<C extends InvokeChannel> = Invoke[C]['result']
export type ResultValue<C extends InvokeChannel> = Extract<InvokeResult<C>, { ok: true }>['value']

/** What the preload exposes as `window.api` (and browser mode's WebSocket client mirrors). */
export interface ConsoleApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (...payload: Events[E]) => void): () => void
}

/** Runtime lists (the preload and the browser-mode server forward only these). Checked against the maps below. */
export const INVOKE_CHANNELS = [
  'app:info', 'broker:status', 'broker:stats', 'cluster:overview',
  'topics:list', 'topics:get', 'topics:create', 'topics:delete', 'topics:alter-configs', 'topics:add-partitions',
  'topics:config-defs', 'topics:consumers',
  'messages:read', 'messages:tail-start', 'messages:tail-stop', 'messages:export', 'export:cancel',
  'produce:send', 'produce:records', 'produce:cancel', 'produce:partition-for-key', 'produce:render-template',
  'templates:list', 'templates:save', 'templates:delete',
  'groups:list', 'groups:describe', 'clients:list', 'files:reveal',
  ...GROUPS_INVOKE_CHANNELS,
  ...INSPECTOR_INVOKE_CHANNELS,
] as const satisfies readonly InvokeChannel[]

export const EVENT_CHANNELS = [
  'broker:changed', 'stats:tick', 'messages:tail', 'produce:progress', 'export:progress',
  ...INSPECTOR_EVENT_CHANNELS,
] as const satisfies readonly EventChannel[]

// Compile-time proof that the runtime lists name every channel (adding one to a map without the list fails here).
type Missing<All, Listed> = Exclude<All, Listed>
const _allInvoke: Missing<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> extends never ? true : never = true
const _allEvents: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : never = true
export const CONTRACT_CHECKS = [_allInvoke, _allEvents] as const

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: string, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } }
}
