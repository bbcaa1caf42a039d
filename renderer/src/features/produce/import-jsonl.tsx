import { useState } from 'react'
import type { ProduceRecordInput, ProduceSummary } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { describeError } from '../../lib/api'
import { formatCount } from '../../lib/format'
import { parseJsonLines } from './jsonl'

const chunk = 10_000 // produce:records accepts at most 100,000 per call; smaller chunks give visible progress.

export function ImportJsonl({ topic, run, busy }: { topic: string; run: (records: ProduceRecordInput[]) => Promise<ProduceSummary>; busy: boolean }) {
  const [status, setStatus] = useState<{ sent: number; total: number; note: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const onFile = async (file: File) => {
    setError(null)
    const { records, errors } = parseJsonLines(await file.text())
    if (records.length === 0) { setError(errors[0] ?? 'The file has no lines to send.'); return }
    let sent = 0
    setStatus({ sent, total: records.length, note: errors.length ? `${errors.length}+ lines skipped (${errors[0]})` : '' })
    try {
      for (let i = 0; i < records.length; i += chunk) {
        const summary = await run(records.slice(i, i + chunk))
        sent += summary.sent
        setStatus((s) => s && { ...s, sent })
        if (summary.cancelled) break
      }
    } catch (e) { setError(describeError(e).hint) }
  }

  return (
    <div className="card">
      <div className="card-header"><h3>Import JSON Lines</h3></div>
      <div className="card-body col">
        <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>One message per line: either the value itself, or an object with key, value, headers and partition (what Export writes).</span>
        <label className={`btn sm ${!topic || busy ? 'disabled' : ''}`} style={{ alignSelf: 'flex-start' }}>
          {icons.upload} Choose file…
          <input type="file" accept=".jsonl,.ndjson,.json,.txt" hidden disabled={!topic || busy} data-testid="import-file"
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void onFile(f) }} />
        </label>
        {status && (
          <div className="col" style={{ gap: 4 }}>
            <div className="progress"><div style={{ width: `${(status.sent / status.total) * 100}%` }} /></div>
            <span className="muted" style={{ fontSize: 'var(--fs-xs)' }}>{formatCount(status.sent)} of {formatCount(status.total)} sent{status.note ? ` · ${status.note}` : ''}</span>
          </div>
        )}
        {error && <div className="error-banner">{error}</div>}
      </div>
    </div>
  )
}
