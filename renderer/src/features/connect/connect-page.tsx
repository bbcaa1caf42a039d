import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { icons } from '../../components/icons'
import { ErrorState, LoadingRows } from '../../components/states'
import { copyText } from '../../lib/toast'
import { brokerQueries } from '../broker/queries'
import { snippets, type Snippet } from './snippets'

/** Copy-paste code for the common clients, pointed at the bootstrap address of the cluster the console shows. */
export function ConnectPage() {
  const status = useQuery(brokerQueries.status())
  const [active, setActive] = useState<Snippet['id']>('kafkajs')
  const [topic, setTopic] = useState('orders')
  if (status.isPending) return <div className="page"><LoadingRows /></div>
  if (status.isError) return <div className="page"><ErrorState error={status.error} retry={() => void status.refetch()} /></div>
  const bootstrap = status.data.bootstrap
  const all = snippets(bootstrap, topic.trim() || 'orders')
  const s = all.find((x) => x.id === active) ?? all[0]!
  return (
    <div className="page">
      <div className="page-header">
        <h1>Connect a client</h1>
        <span className="subtitle">Starter code for {status.data.mode === 'embedded' ? 'the embedded broker' : 'the active remote cluster'} at</span>
        <button className="copy-chip mono connect-bootstrap" onClick={() => void copyText(bootstrap, 'Bootstrap address copied')} data-testid="connect-bootstrap">{bootstrap} {icons.copy}</button>
      </div>
      <div className="toolbar">
        <div className="segmented" role="tablist" aria-label="Client">
          {all.map((x) => <button key={x.id} role="tab" aria-selected={x.id === s.id} aria-pressed={x.id === s.id} onClick={() => setActive(x.id)}>{x.label}</button>)}
        </div>
        <span className="spacer" />
        <label className="row muted" style={{ fontSize: 'var(--fs-sm)' }}>Topic
          <input className="input mono" style={{ width: 180 }} value={topic} onChange={(e) => setTopic(e.target.value)} aria-label="Topic in snippets" />
        </label>
      </div>
      <div className="card">
        <div className="card-header"><h3>Install</h3><code className="mono muted">{s.install}</code></div>
        <div className="card-body snippet">
          <pre data-testid="snippet-code"><code>{s.code}</code></pre>
          <button className="btn sm copy" onClick={() => void copyText(s.code, `${s.label} snippet copied`)}>{icons.copy} Copy</button>
        </div>
      </div>
      <p className="muted" style={{ fontSize: 'var(--fs-sm)' }}>
        The embedded broker speaks PLAINTEXT on loopback with no authentication, so none of the snippets configure TLS or SASL.
      </p>
    </div>
  )
}
