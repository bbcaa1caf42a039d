import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { GroupLag, LagWindow } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { EmptyState, ErrorState } from '../../components/states'
import { Segmented } from '../../components/tabs'
import { formatCount } from '../../lib/format'
import { brokerQueries } from '../broker/queries'
import { DeleteGroupDialog } from './delete-group-dialog'
import { formatAge } from './group-format'
import { MembersTable, PartitionsTable } from './group-tables'
import { LagChart } from './lag-chart'
import { groupQueries } from './queries'
import { RebalanceTimelineView } from './rebalance-timeline'
import { ResetOffsetsDialog } from './reset-offsets-dialog'

export const stateBadge = (s: string) => (s === 'Stable' ? 'ok' : s === 'Empty' || s === 'Dead' ? '' : 'warn')

const windows: { id: LagWindow; label: string }[] = [
  { id: '5m', label: '5 min' }, { id: '15m', label: '15 min' }, { id: '1h', label: '1 h' },
  { id: '6h', label: '6 h' }, { id: '24h', label: '24 h' }, { id: '7d', label: '7 d' },
]

function Stat({ label, value, hint, testId }: { label: string; value: React.ReactNode; hint?: string; testId?: string }) {
  return (
    <div className="card stat" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint && <div className="stat-hint">{hint}</div>}
    </div>
  )
}

/** Stat cards and the lag-history chart with its window picker. */
function LagOverview({ groupId, members, lag: l }: { groupId: string; members: number | undefined; lag: GroupLag | undefined }) {
  const [window, setWindow] = useState<LagWindow>('5m')
  const history = useQuery(groupQueries.history(groupId, window))
  return (
    <>
      <div className="stats group-stats">
        <Stat label="Members" value={members ?? '…'} testId="group-members" />
        <Stat label="Total lag" value={l ? formatCount(l.totalLag) : '…'} hint="messages behind" testId="group-total-lag" />
        <Stat label="Lag in time" value={l ? formatAge(l.maxLagSeconds) : '…'} hint="oldest unconsumed record" testId="group-lag-seconds" />
        <Stat label="Partitions" value={l ? l.partitions.length : '…'} hint={l ? `${new Set(l.partitions.map((p) => p.topic)).size} topic(s)` : undefined} />
      </div>
      <div className="card">
        <div className="card-header">
          <h3>Lag history</h3>
          <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>total messages behind, sampled every second</span>
          <span className="spacer" />
          <Segmented label="Chart window" options={windows} value={window} onChange={setWindow} />
        </div>
        <div className="card-body" style={{ paddingBottom: 'var(--s-2)' }}>
          {history.isError ? <ErrorState error={history.error} /> : <LagChart history={history.data} />}
        </div>
      </div>
    </>
  )
}

export function GroupPage({ groupId }: { groupId: string }) {
  const detail = useQuery(groupQueries.detail(groupId))
  const lag = useQuery(groupQueries.lag(groupId))
  const status = useQuery(brokerQueries.status())
  const [dialog, setDialog] = useState<'reset' | 'delete' | null>(null)
  const d = detail.data
  const l = lag.data
  const gone = d && d.state === 'Dead' && d.members.length === 0 && (l?.partitions.length ?? 0) === 0
  const empty = d ? d.state === 'Empty' || d.state === 'Dead' : false
  const notEmptyWhy = d && !empty ? `${d.state} with ${d.members.length} active member${d.members.length === 1 ? '' : 's'}: Kafka changes offsets and deletes groups only while they are empty. Stop the consumers first.` : undefined

  return (
    <div className="page">
      <div className="breadcrumb"><a href="#/groups">← All consumer groups</a></div>
      <div className="page-header" style={{ marginTop: -8 }}>
        <h1 className="mono" style={{ fontFamily: 'var(--mono)', fontSize: 'var(--fs-xl)' }} data-testid="group-title">{groupId}</h1>
        {d && <span className={`badge ${stateBadge(d.state)}`} data-testid="group-state">{d.state}</span>}
        {d && <span className="subtitle">{d.protocolType || 'committed offsets only'}{d.protocol ? ` · ${d.protocol}` : ''}</span>}
        <span className="spacer" />
        <button className="btn" disabled={!d} title={notEmptyWhy} onClick={() => setDialog('reset')}>{icons.replay} Reset offsets</button>
        <button className="btn danger" disabled={!d || !empty} title={notEmptyWhy ?? 'Delete the group and its committed offsets'} onClick={() => setDialog('delete')}>{icons.trash} Delete</button>
      </div>
      {detail.isError ? <ErrorState error={detail.error} retry={() => void detail.refetch()} /> : gone ? (
        <EmptyState title={`No group named ${groupId}`} icon={icons.groups} action={<a className="btn" href="#/groups">All consumer groups</a>}>
          It has no members and no committed offsets: it was deleted, or never existed on this cluster.
        </EmptyState>
      ) : (
        <>
          <LagOverview groupId={groupId} members={d?.members.length} lag={l} />
          <div className="group-grid">
            <section className="card">
              <div className="card-header"><h3>Members</h3>{d && <span className="badge">{d.members.length}</span>}</div>
              <MembersTable detail={d} />
            </section>
            <section className="card">
              <div className="card-header"><h3>Rebalance timeline</h3>
                {status.data?.mode === 'remote' && <span className="badge">embedded broker only</span>}</div>
              <RebalanceTimelineView groupId={groupId} />
            </section>
          </div>
          <section className="card">
            <div className="card-header"><h3>Partitions</h3><span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>committed offset, log end and lag per partition</span></div>
            {lag.isError ? <ErrorState error={lag.error} retry={() => void lag.refetch()} /> : <PartitionsTable lag={l} />}
          </section>
        </>
      )}
      {dialog === 'reset' && d && <ResetOffsetsDialog groupId={groupId} topics={[...new Set((l?.partitions ?? []).map((p) => p.topic))]} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteGroupDialog groupId={groupId} onClose={() => setDialog(null)} />}
    </div>
  )
}
