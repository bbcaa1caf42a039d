import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { ExportProgress, ExportSource, MessageQuery } from '../../../../electron/ipc/contract'
import { Dialog } from '../../components/dialog'
import { icons } from '../../components/icons'
import { Segmented } from '../../components/tabs'
import { api, describeError, unwrap } from '../../lib/api'
import { formatBytes, formatCount } from '../../lib/format'

function newJobId(): string {
  return `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

export function ExportDialog({ topic, query, selection, onClose }: {
  topic: string; query: Omit<MessageQuery, 'limit'>; selection: { partition: number; offset: string }[]; onClose: () => void
}) {
  const [format, setFormat] = useState<'jsonl' | 'csv'>('jsonl')
  const [scope, setScope] = useState<'selection' | 'range'>(selection.length > 0 ? 'selection' : 'range')
  const [max, setMax] = useState('100000')
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const jobId = useRef(newJobId())

  useEffect(() => api.on('export:progress', (p) => { if (p.jobId === jobId.current) setProgress(p) }), [])

  const run = useMutation({
    mutationFn: () => {
      jobId.current = newJobId()
      setProgress(null)
      const source: ExportSource = scope === 'selection'
        ? { kind: 'selection', topic, refs: selection }
        : { kind: 'range', query, end: { kind: 'latest' }, maxMessages: Math.max(1, Number(max) || 100_000) }
      return api.invoke('messages:export', { jobId: jobId.current, format, source }).then(unwrap)
    },
  })
  const result = run.data
  const pct = progress?.total ? Math.min(100, (progress.rows / progress.total) * 100) : run.isPending ? 35 : result ? 100 : 0

  return (
    <Dialog title="Export messages" description={`From ${topic}, with the current start position, partition and filter.`} onClose={onClose}
      footer={<>
        {run.isPending ? <button className="btn" onClick={() => void api.invoke('export:cancel', jobId.current)}>Cancel export</button> : <button className="btn" onClick={onClose}>Close</button>}
        <button className="btn primary" disabled={run.isPending || (scope === 'selection' && selection.length === 0)} onClick={() => run.mutate()}>{icons.download} {result ? 'Export again' : 'Export'}</button>
      </>}>
      <div className="grid-2">
        <div className="field"><span className="label">Format</span>
          <Segmented label="Format" value={format} onChange={setFormat} options={[{ id: 'jsonl', label: 'JSON Lines' }, { id: 'csv', label: 'CSV' }]} /></div>
        <div className="field"><span className="label">Messages</span>
          <Segmented label="Scope" value={scope} onChange={setScope} options={[{ id: 'selection', label: `Selected (${selection.length})` }, { id: 'range', label: 'Range to latest' }]} /></div>
      </div>
      {scope === 'range' && (
        <div className="field"><label htmlFor="export-max">At most</label>
          <input id="export-max" className="input" inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value.replace(/\D/g, ''))} style={{ width: 160 }} />
          <span className="hint">Reads from the start position to the current end of the log.</span></div>
      )}
      {scope === 'selection' && selection.length === 0 && <div className="info-banner">Tick rows in the list to export just those, or pick "Range to latest".</div>}
      {(run.isPending || progress || result) && (
        <div className="col" data-testid="export-progress">
          <div className="progress"><div style={{ width: `${pct}%` }} /></div>
          <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>
            {formatCount(progress?.rows ?? result?.rows ?? 0)}{progress?.total ? ` of ${formatCount(progress.total)}` : ''} rows · {formatBytes(progress?.bytes ?? result?.bytes ?? 0)}
          </span>
        </div>
      )}
      {result && (
        <div className="info-banner" data-testid="export-result">
          {result.cancelled ? 'Export cancelled. ' : 'Done. '}{formatCount(result.rows)} rows written to <code>{result.path ?? result.fileName}</code>.{' '}
          {result.downloadUrl && <a href={result.downloadUrl} download={result.fileName}>Download {result.fileName}</a>}
          {result.path && <button className="btn sm" style={{ marginLeft: 8 }} onClick={() => void api.invoke('files:reveal', result.path!)}>Show in folder</button>}
        </div>
      )}
      {run.isError && <div className="error-banner" role="alert">{describeError(run.error).hint}</div>}
    </Dialog>
  )
}
