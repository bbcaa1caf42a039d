import type { ReactNode } from 'react'
import { describeError } from '../lib/api'
import { icons } from './icons'

export function EmptyState({ title, children, action, icon = icons.inbox }: {
  title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode
}) {
  return (
    <div className="empty" role="status">
      {icon}
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action && <div className="row" style={{ marginTop: 8 }}>{action}</div>}
    </div>
  )
}

/** Shows what went wrong in plain words plus the next step; the raw code is kept small for bug reports. */
export function ErrorState({ error, retry, title }: { error: unknown; retry?: () => void; title?: string }) {
  const d = describeError(error)
  return (
    <div className="error-state" role="alert">
      {icons.alert}
      <h3>{title ?? d.title}</h3>
      <p>{d.hint}</p>
      {d.detail && <p className="detail">{d.detail}</p>}
      {retry && <button className="btn" onClick={retry} style={{ marginTop: 8 }}>{icons.refresh} Try again</button>}
    </div>
  )
}

export function LoadingRows({ rows = 6, cols = 4 }: { rows?: number; cols?: number }) {
  return (
    <div className="table-wrap" aria-busy="true" aria-label="Loading">
      <table className="table">
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>{Array.from({ length: cols }, (_, c) => <td key={c}><div className="skeleton" style={{ width: `${40 + ((r * 7 + c * 13) % 50)}%` }} /></td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
