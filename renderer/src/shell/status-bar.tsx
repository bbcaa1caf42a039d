import { useQuery } from '@tanstack/react-query'
import type { BrokerState } from '../../../electron/ipc/contract'
import { brokerQueries } from '../features/broker/queries'
import { formatBytes, formatRate } from '../lib/format'
import { copyText } from '../lib/toast'

const stateDot: Record<BrokerState, string> = { running: 'ok', starting: 'warn', stopped: '', unreachable: 'danger', error: 'danger' }
const stateText: Record<BrokerState, string> = {
  running: 'Running', starting: 'Starting…', stopped: 'Stopped', unreachable: 'Unreachable', error: 'Error',
}

export function StatusBar() {
  const status = useQuery(brokerQueries.status())
  const stats = useQuery(brokerQueries.stats())
  const info = useQuery(brokerQueries.appInfo())
  const s = status.data
  const state: BrokerState = s?.state ?? (status.isError ? 'unreachable' : 'starting')
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="item" data-testid="broker-state" title={s?.error ?? undefined}>
        <span className={`dot ${stateDot[state]}`} />
        Broker {stateText[state]}{s?.mode === 'remote' ? ' (remote)' : ''}
      </span>
      {s && (
        <span className="item">
          Bootstrap
          <button className="copy-chip" title="Copy bootstrap address" data-testid="bootstrap" onClick={() => void copyText(s.bootstrap, 'Bootstrap address copied')}>
            {s.bootstrap}
          </button>
        </span>
      )}
      {s?.storage && <span className="item faint">{s.storage}</span>}
      <span className="spacer" />
      {stats.data && (
        <>
          <span className="item" title="Messages produced per second" data-testid="rate-in">↓ in {formatRate(stats.data.messagesInPerSec)} · {formatBytes(stats.data.bytesInPerSec)}/s</span>
          <span className="item" title="Messages fetched by consumers per second" data-testid="rate-out">↑ out {formatRate(stats.data.messagesOutPerSec)} · {formatBytes(stats.data.bytesOutPerSec)}/s</span>
        </>
      )}
      {info.data && <span className="item faint">{info.data.shell === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.data.version}</span>}
    </footer>
  )
}
