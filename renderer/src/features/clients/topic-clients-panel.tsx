import { useQuery } from '@tanstack/react-query'
import type { TopicClient } from '../../../../electron/ipc/contract'
import { clientQueries } from './queries'

function ClientLine({ c }: { c: TopicClient }) {
  return (
    <div className="flow-client" data-testid="flow-client">
      <b className="mono">{c.clientId ?? '—'}</b>
      <span className="muted">{c.softwareName ? `${c.softwareName} ${c.softwareVersion ?? ''}` : 'software unknown'}</span>
      <span className="faint mono">{c.address}</span>
      {c.groups.map((g) => <span key={g} className="chip group">{g}</span>)}
    </div>
  )
}

/** "Who writes to this topic, who reads it?" — from the embedded broker's live connections. */
export function TopicClientsPanel({ topic }: { topic: string }) {
  const q = useQuery(clientQueries.topic(topic))
  if (!q.data?.available) return null
  const { producers, consumers } = q.data
  return (
    <div className="flow-panel" data-testid="topic-clients">
      <div className="card">
        <div className="card-header"><h3>Writing now</h3><span className="badge accent">{producers.length}</span></div>
        <div className="card-body">
          {producers.length === 0 ? <span className="faint">No connected client has produced to this topic.</span> : producers.map((c) => <ClientLine key={c.connectionId} c={c} />)}
        </div>
      </div>
      <div className="card">
        <div className="card-header"><h3>Reading now</h3><span className="badge ok">{consumers.length}</span></div>
        <div className="card-body">
          {consumers.length === 0 ? <span className="faint">No connected client has fetched from this topic.</span> : consumers.map((c) => <ClientLine key={c.connectionId} c={c} />)}
        </div>
      </div>
    </div>
  )
}
