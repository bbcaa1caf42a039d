/**
 * The consumer-group part of the console backend (issue 7): the lag sampler and history, the rebalance
 * timeline (embedded broker only), offset reset and delete. console-service creates one and merges its
 * handlers; close() stops the sampler and closes the console database.
 */
import { systemClock, type Clock } from '../../core/groups/clock'
import type { BrokerChange } from '../ipc/contract'
import type { GroupsInvoke } from '../ipc/groups-types'
import type { RunningBroker } from '../../core/index'
import { defaultDataDir } from '../../core/storage/data-dir'
import { defaultConsoleDbFile, openConsoleDb } from './console-db'
import type { ConsoleDeps } from './deps'
import { groupLag } from './group-lag'
import { LagHistoryStore } from './lag-history'
import { LagSampler, embeddedLagSource, remoteLagSource } from './lag-sampler'
import { resetOffsets } from './offset-reset'
import { RebalanceTimeline } from './rebalance-timeline'

export type GroupsHandlers = { [C in keyof GroupsInvoke]: (...args: GroupsInvoke[C]['args']) => Promise<Extract<GroupsInvoke[C]['result'], { ok: true }>['value']> }

export interface GroupsBackend {
  handlers: GroupsHandlers
  readonly history: LagHistoryStore
  readonly sampler: LagSampler
  close(): void
}

/** Coalesces group events into at most one 'groups-changed' per interval (a rebalance emits several). */
function watchGroupChanges(deps: ConsoleDeps, emit: (c: BrokerChange) => void): () => void {
  const groups = deps.embedded?.groups
  if (!groups) return () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const off = groups.events.on((e) => {
    // Commits change lag, which the group page polls anyway; only membership and state changes are pushed.
    if (e.type === 'offsets-committed' || timer) return
    timer = setTimeout(() => { timer = undefined; emit({ type: 'groups-changed' }) }, 250)
    timer.unref?.()
  })
  return () => { off(); clearTimeout(timer) }
}

export function createGroupsBackend(deps: ConsoleDeps, opts: { dbFile: string | null; emit: (c: BrokerChange) => void; clock?: Clock }): GroupsBackend {
  const clock = opts.clock ?? systemClock
  const db = openConsoleDb(opts.dbFile)
  const history = new LagHistoryStore(db)
  const sampler = new LagSampler(clock, deps.embedded ? embeddedLagSource(deps.embedded) : remoteLagSource(deps), history)
  const timeline = new RebalanceTimeline(db, () => clock.now())
  if (deps.embedded) timeline.attach(deps.embedded.groups)
  const stopWatch = watchGroupChanges(deps, opts.emit)
  sampler.start()

  const handlers: GroupsHandlers = {
    'groups:lag': (groupId) => groupLag(deps, groupId, clock.now()),
    'groups:lag-history': async (groupId, window) => history.history(groupId, window, clock.now()),
    'groups:reset-offsets': async (req) => {
      const plan = await resetOffsets(deps, req)
      if (plan.applied && deps.embedded) {
        const n = plan.rows.length
        const what = req.target.kind === 'timestamp' ? `timestamp ${new Date(Number(req.target.timestampMs)).toISOString()}` : req.target.kind
        timeline.add(req.groupId, { kind: 'offsets-reset', detail: `offsets of ${n} partition${n === 1 ? '' : 's'} reset to ${what} from the console` })
      }
      return plan
    },
    'groups:delete': async (groupId) => {
      const admin = await deps.admin()
      const { groups } = await admin.describeGroups([groupId])
      const g = groups[0]
      if (g && g.state !== 'Empty' && g.state !== 'Dead') {
        throw Object.assign(new Error(`The group is ${g.state} with ${g.members.length} active member(s); Kafka deletes only empty groups. Stop its consumers first.`), { code: 'GROUP_NOT_EMPTY' })
      }
      await admin.deleteGroups([groupId]).catch((err: { groups?: { error?: unknown }[] }) => {
        // kafkajs wraps per-group failures; surface the Kafka error itself (GROUP_ID_NOT_FOUND, ...).
        throw err.groups?.[0]?.error ?? err
      })
      history.forget(groupId)
      return null
    },
    'groups:timeline': async (groupId) => deps.embedded ? { available: true, events: timeline.events(groupId) } : { available: false, events: [] },
  }

  return {
    handlers, history, sampler,
    close() {
      sampler.stop()
      stopWatch()
      timeline.detach()
      db.close()
    },
  }
}

/** The console database of one console (see defaultConsoleDbFile). */
export function consoleDbFileFor(options: { broker?: RunningBroker | null; bootstrap?: string; templatesFile?: string | null }, bootstrap: string): string | null {
  const embedded = !!options.broker && !options.bootstrap
  const o = options.broker?.context.options
  const embeddedDataDir = embedded && o && !o.memory ? o.dataDir ?? defaultDataDir() : null
  return defaultConsoleDbFile({ embedded, embeddedDataDir, templatesFile: options.templatesFile ?? null, bootstrap })
}
