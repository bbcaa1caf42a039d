import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { OffsetResetPlan, OffsetResetRequest, OffsetResetTarget } from '../../../../electron/ipc/contract'
import { Dialog } from '../../components/dialog'
import { Segmented } from '../../components/tabs'
import { api, describeError, unwrap } from '../../lib/api'
import { formatCount } from '../../lib/format'
import { toast } from '../../lib/toast'
import { groupKeys, groupQueries } from './queries'

type Kind = OffsetResetTarget['kind']
const kinds: { id: Kind; label: string }[] = [
  { id: 'earliest', label: 'Earliest' }, { id: 'latest', label: 'Latest' }, { id: 'timestamp', label: 'Timestamp' },
  { id: 'offset', label: 'Exact offset' }, { id: 'shift', label: 'Shift by' },
]

/** datetime-local wants local time without a zone: YYYY-MM-DDTHH:mm:ss. */
function toLocalInput(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

function buildTarget(kind: Kind, when: string, offset: string, shift: string): OffsetResetTarget | null {
  switch (kind) {
    case 'earliest':
    case 'latest':
      return { kind }
    case 'timestamp': {
      const ms = new Date(when).getTime()
      return Number.isFinite(ms) ? { kind, timestampMs: String(ms) } : null
    }
    case 'offset': return /^\d{1,19}$/.test(offset) ? { kind, offset } : null
    case 'shift': return /^-?\d{1,19}$/.test(shift) ? { kind, by: shift } : null
  }
}

function TargetFields({ kind, when, setWhen, offset, setOffset, shift, setShift }: {
  kind: Kind; when: string; setWhen: (v: string) => void; offset: string; setOffset: (v: string) => void; shift: string; setShift: (v: string) => void
}) {
  return (
    <>
      {kind === 'timestamp' && (
        <div className="field">
          <label htmlFor="reset-time">First record at or after (local time)</label>
          <div className="row" style={{ gap: 'var(--s-2)' }}>
            <input id="reset-time" className="input mono" type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} />
            {[['5 min ago', 5 * 60_000], ['1 h ago', 3600_000], ['24 h ago', 86_400_000]].map(([label, ms]) => (
              <button key={label} type="button" className="btn sm" onClick={() => setWhen(toLocalInput(Date.now() - (ms as number)))}>{label}</button>
            ))}
          </div>
        </div>
      )}
      {kind === 'offset' && <div className="field"><label htmlFor="reset-offset">Offset (every partition; clamped to the log)</label>
        <input id="reset-offset" className="input mono" value={offset} onChange={(e) => setOffset(e.target.value.trim())} /></div>}
      {kind === 'shift' && <div className="field"><label htmlFor="reset-shift">Shift each committed offset by (negative re-reads)</label>
        <input id="reset-shift" className="input mono" value={shift} onChange={(e) => setShift(e.target.value.trim())} /></div>}
    </>
  )
}

/** The dry run: every partition's current and new offset, and the lag the group will have after the reset. */
function PlanTable({ plan }: { plan: OffsetResetPlan }) {
  return (
    <div className="table-wrap" style={{ maxHeight: 260 }}>
      <table className="table" data-testid="reset-preview">
        <thead><tr><th>Topic</th><th className="num">Partition</th><th className="num">Current</th><th className="num">New</th><th className="num">Lag after</th><th>Note</th></tr></thead>
        <tbody>
          {plan.rows.map((r) => {
            const changed = r.currentOffset !== r.newOffset
            return (
              <tr key={`${r.topic}-${r.partition}`}>
                <td>{r.topic}</td><td className="num mono">{r.partition}</td>
                <td className="num mono">{r.currentOffset === null ? <span className="muted">none</span> : formatCount(r.currentOffset)}</td>
                <td className="num mono" style={changed ? { color: 'var(--accent)', fontWeight: 600 } : undefined} data-testid="reset-new-offset">{formatCount(r.newOffset)}</td>
                <td className="num mono">{formatCount(r.lagAfter)}</td>
                <td className="muted" style={{ fontSize: 'var(--fs-sm)' }}>{r.note ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

export function ResetOffsetsDialog({ groupId, topics, onClose }: { groupId: string; topics: string[]; onClose: () => void }) {
  const client = useQueryClient()
  const [kind, setKind] = useState<Kind>('earliest')
  const [topic, setTopic] = useState<string>('')
  const [when, setWhen] = useState(() => toLocalInput(Date.now() - 15 * 60_000))
  const [offset, setOffset] = useState('0')
  const [shift, setShift] = useState('-100')
  const target = buildTarget(kind, when, offset, shift)
  // Query keys are hashed structurally, so a fresh object per render is the same preview.
  const request: OffsetResetRequest | null = target && { groupId, topics: topic ? [topic] : null, target, dryRun: true }
  const preview = useQuery({ ...groupQueries.resetPreview(request ?? { groupId, topics: null, target: { kind: 'earliest' }, dryRun: true }), enabled: request !== null })
  const plan = preview.data
  const apply = useMutation({
    mutationFn: () => api.invoke('groups:reset-offsets', { ...request!, dryRun: false }).then(unwrap),
    onSuccess: (done) => {
      void client.invalidateQueries({ queryKey: groupKeys.all })
      toast(`Reset ${done.rows.length} partition${done.rows.length === 1 ? '' : 's'} of ${groupId}`)
      onClose()
    },
  })
  const blocked = plan?.blockedReason ?? null

  return (
    <Dialog title={`Reset offsets of ${groupId}`} width={760} onClose={onClose}
      description="The group's consumers continue from the new committed offsets the next time they start."
      footer={<>
        <span className="muted" style={{ marginRight: 'auto', fontSize: 'var(--fs-sm)' }}>{plan ? `Preview: ${plan.rows.length} partition${plan.rows.length === 1 ? '' : 's'} (dry run)` : ''}</span>
        <button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn primary" data-testid="apply-reset" disabled={!plan || !!blocked || !request || apply.isPending || preview.isFetching} onClick={() => apply.mutate()}>
          {apply.isPending ? 'Resetting…' : 'Reset offsets'}</button>
      </>}>
      <div className="reset-form">
        <div className="field"><label>Reset to</label><Segmented label="Reset target" options={kinds} value={kind} onChange={setKind} /></div>
        <div className="field">
          <label htmlFor="reset-topic">Topics</label>
          <select id="reset-topic" className="select" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">All topics of the group ({topics.length})</option>
            {topics.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      </div>
      <TargetFields kind={kind} when={when} setWhen={setWhen} offset={offset} setOffset={setOffset} shift={shift} setShift={setShift} />
      {!request && <div className="error-banner">Enter a valid {kind === 'timestamp' ? 'date and time' : 'whole number'}.</div>}
      {blocked && <div className="error-banner" role="alert" data-testid="reset-blocked"><strong>Cannot reset now.</strong> {blocked}</div>}
      {preview.isError && <div className="error-banner" role="alert">{describeError(preview.error).hint}</div>}
      {apply.isError && <div className="error-banner" role="alert">{describeError(apply.error).hint}</div>}
      {plan && <PlanTable plan={plan} />}
    </Dialog>
  )
}
