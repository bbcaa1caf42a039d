import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { ClusterList } from '../../../../electron/ipc/contract'
import { Dialog } from '../../components/dialog'
import { icons } from '../../components/icons'
import { api, unwrap } from '../../lib/api'
import { toast } from '../../lib/toast'
import { bootstrapProblem } from './bootstrap'

/** Add a Kafka-compatible cluster by its bootstrap servers, switch to one, or remove it. The list is saved. */
export function ClustersDialog({ list, onClose }: { list: ClusterList; onClose: () => void }) {
  const [name, setName] = useState('')
  const [bootstrap, setBootstrap] = useState('')
  const [touched, setTouched] = useState(false)
  const problem = bootstrapProblem(bootstrap)
  const add = useMutation({
    mutationFn: async () => {
      const added = unwrap(await api.invoke('clusters:add', { name: name.trim() || bootstrap.split(',')[0]!.trim(), bootstrap }))
      unwrap(await api.invoke('clusters:switch', added.id))
      return added
    },
    onSuccess: (c) => { toast(`Switched to ${c.name}`); onClose() },
  })
  const remove = useMutation({ mutationFn: (id: string) => api.invoke('clusters:remove', id).then(unwrap) })
  const switchTo = useMutation({ mutationFn: (id: string) => api.invoke('clusters:switch', id).then(unwrap), onSuccess: onClose })

  return (
    <Dialog title="Clusters" width={560} onClose={onClose}
      description="The console works against the embedded broker or any Kafka-compatible cluster you add here. Views that need broker internals (inspector, client activity) only work with the embedded broker."
      footer={<>
        <button className="btn" onClick={onClose}>Close</button>
        <button className="btn primary" data-testid="add-cluster" disabled={!!problem || add.isPending} onClick={() => add.mutate()}>
          {icons.plus} Add and switch
        </button>
      </>}>
      <div className="col" style={{ gap: 0 }} data-testid="cluster-list">
        {list.clusters.map((c) => (
          <div className="cluster-row" key={c.id}>
            {icons.server}
            <div className="col" style={{ gap: 0, flex: 1, minWidth: 0 }}>
              <b>{c.name}</b><span className="mono muted truncate" style={{ fontSize: 'var(--fs-sm)' }}>{c.bootstrap}</span>
            </div>
            <span className={`badge${c.kind === 'embedded' ? ' accent' : ''}`}>{c.kind}</span>
            {c.id === list.activeId ? <span className="badge ok">active</span> :
              <button className="btn sm" onClick={() => switchTo.mutate(c.id)}>Switch</button>}
            {c.kind === 'remote' && c.id !== 'embedded' && (
              <button className="btn ghost sm danger" aria-label={`Remove ${c.name}`} onClick={() => remove.mutate(c.id)}>{icons.trash}</button>
            )}
          </div>
        ))}
      </div>
      <h3 style={{ marginTop: 'var(--s-4)', fontSize: 'var(--fs-md)' }}>Add a cluster</h3>
      <div className="field">
        <label htmlFor="cluster-bootstrap">Bootstrap servers</label>
        <input id="cluster-bootstrap" className={`input mono ${touched && problem ? 'invalid' : ''}`} placeholder="kafka-1.internal:9092,kafka-2.internal:9092"
          value={bootstrap} onChange={(e) => { setBootstrap(e.target.value); setTouched(true) }} autoComplete="off" spellCheck={false} />
        {touched && problem ? <span className="error" role="alert">{problem}</span> : <span className="hint">Comma-separated host:port pairs. PLAINTEXT listeners only for now.</span>}
      </div>
      <div className="field">
        <label htmlFor="cluster-name">Name</label>
        <input id="cluster-name" className="input" placeholder="staging" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </div>
      {add.isError && <div className="error-banner" role="alert">{(add.error as Error).message}</div>}
    </Dialog>
  )
}
