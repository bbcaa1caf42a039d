import type { ProduceProgress, ProduceSummary } from '../../../../electron/ipc/contract'
import { describeError } from '../../lib/api'
import { formatCount, formatRate } from '../../lib/format'

export function SendStatus({ pending, progress, summary, error, total }: {
  pending: boolean; progress: ProduceProgress | null; summary: ProduceSummary | undefined; error: unknown; total: number
}) {
  if (!pending && !summary && !error) return null
  const sent = progress?.sent ?? summary?.sent ?? 0
  const of = progress?.total ?? total
  return (
    <div className="col" data-testid="send-status" style={{ gap: 6 }}>
      {(pending || (summary && of > 1)) && <div className="progress"><div style={{ width: `${of ? (sent / of) * 100 : 0}%` }} /></div>}
      {pending && <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>Sending… {formatCount(sent)} of {formatCount(of)}{progress ? ` · ${formatRate(progress.ratePerSec)}` : ''}</span>}
      {!pending && summary && (
        <div className={summary.failed > 0 ? 'error-banner' : 'info-banner'} data-testid="send-result">
          {summary.cancelled ? 'Cancelled after ' : 'Sent '}<b>{formatCount(summary.sent)}</b> message{summary.sent === 1 ? '' : 's'} in {summary.durationMs < 1000 ? `${summary.durationMs} ms` : `${(summary.durationMs / 1000).toFixed(1)} s`}
          {summary.failed > 0 && <> · {formatCount(summary.failed)} failed: {summary.lastError}</>}
          {summary.first.length > 0 && <span className="muted"> · first at {summary.first.slice(0, 3).map((o) => `p${o.partition}@${o.offset}`).join(', ')}</span>}
        </div>
      )}
      {!pending && !!error && <div className="error-banner" role="alert">{describeError(error).hint}</div>}
    </div>
  )
}
