import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, unwrap } from '../../lib/api'
import { toast } from '../../lib/toast'
import { ClustersDialog } from './clusters-dialog'
import { clusterQueries } from './queries'

/** Sidebar: which cluster the console shows (the embedded broker or a saved remote one), and a way to manage the list. */
export function ClusterSwitcher() {
  const list = useQuery(clusterQueries.list())
  const [managing, setManaging] = useState(false)
  const switchTo = useMutation({
    mutationFn: (id: string) => api.invoke('clusters:switch', id).then(unwrap),
    onError: (e) => toast(`Could not switch: ${(e as Error).message}`, 'error'),
  })
  const data = list.data
  const active = data?.clusters.find((c) => c.id === data.activeId)
  return (
    <div className="cluster-switch">
      <span className="kind">{active?.kind === 'remote' ? 'Remote cluster' : 'Cluster'}</span>
      <div className="row" style={{ gap: 4 }}>
        <select className="select" aria-label="Cluster" data-testid="cluster-select" value={data?.activeId ?? ''} disabled={!data || switchTo.isPending}
          onChange={(e) => switchTo.mutate(e.target.value)}>
          {data?.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <button className="btn sm" onClick={() => setManaging(true)} aria-label="Manage clusters" title="Add or remove clusters">…</button>
      </div>
      {active && <span className="mono faint truncate" style={{ fontSize: 'var(--fs-xs)' }} title={active.bootstrap}>{active.bootstrap}</span>}
      {managing && data && <ClustersDialog list={data} onClose={() => setManaging(false)} />}
    </div>
  )
}
