import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ConfigChange, TopicConfigEntry } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { LoadingRows } from '../../components/states'
import { api, describeError, unwrap } from '../../lib/api'
import { formatDuration } from '../../lib/format'
import { toast } from '../../lib/toast'
import { topicKeys } from './queries'

/** Local edits (form state) keyed by config name; null means "reset to default". */
type Draft = Record<string, string | null>

function humanHint(c: TopicConfigEntry): string | null {
  if (c.value !== null && /\.ms$/.test(c.name) && /^-?\d+$/.test(c.value)) return formatDuration(c.value)
  return null
}

export function ConfigsTab({ topic, configs }: { topic: string; configs: TopicConfigEntry[] | undefined }) {
  const client = useQueryClient()
  const [draft, setDraft] = useState<Draft>({})
  const [filter, setFilter] = useState('')
  const [onlyOverrides, setOnlyOverrides] = useState(false)
  const changes: ConfigChange[] = Object.entries(draft).map(([name, value]) => ({ name, value }))
  const save = useMutation({
    mutationFn: () => api.invoke('topics:alter-configs', topic, changes).then(unwrap),
    onSuccess: () => {
      setDraft({})
      toast(`Saved ${changes.length} config change${changes.length === 1 ? '' : 's'}`)
      void client.invalidateQueries({ queryKey: topicKeys.detail(topic) })
    },
  })
  const rows = useMemo(() => (configs ?? [])
    .filter((c) => c.name.includes(filter.trim()) && (!onlyOverrides || c.source === 'topic'))
    .sort((a, b) => Number(b.source === 'topic') - Number(a.source === 'topic') || a.name.localeCompare(b.name)), [configs, filter, onlyOverrides])
  if (!configs) return <LoadingRows cols={3} />

  return (
    <div className="col" style={{ gap: 'var(--s-3)' }}>
      <div className="toolbar">
        <input className="input" data-search placeholder="Filter configs  /" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 240 }} />
        <label className="switch"><input type="checkbox" checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} />only overrides</label>
        <span className="spacer" />
        {changes.length > 0 && <span className="muted">{changes.length} unsaved</span>}
        <button className="btn" disabled={changes.length === 0} onClick={() => setDraft({})}>Discard</button>
        <button className="btn primary" disabled={changes.length === 0 || save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Saving…' : 'Save changes'}</button>
      </div>
      {save.isError && <div className="error-banner" role="alert">{describeError(save.error).hint}</div>}
      <div className="table-wrap">
        <table className="table" data-testid="configs-table">
          <thead><tr><th style={{ width: '32%' }}>Name</th><th>Value</th><th style={{ width: 110 }}>Source</th><th style={{ width: 44 }} /></tr></thead>
          <tbody>
            {rows.map((c) => {
              const edited = c.name in draft
              const value = edited ? draft[c.name] : c.value
              const override = c.source === 'topic'
              return (
                <tr key={c.name} className={override || edited ? 'override' : undefined} title={c.doc ?? undefined}>
                  <td className="mono">{c.name}</td>
                  <td>
                    {c.readOnly || c.sensitive ? <span className="mono muted">{c.sensitive ? '••••••' : c.value}</span> : (
                      <div className="row">
                        <input className="input mono cell-input" style={{ flex: 1 }} aria-label={c.name} value={value ?? ''}
                          placeholder={value === null ? 'default' : undefined}
                          onChange={(e) => setDraft({ ...draft, [c.name]: e.target.value })} />
                        {humanHint(c) && <span className="faint" style={{ fontSize: 'var(--fs-xs)', minWidth: 60 }}>{humanHint(c)}</span>}
                      </div>
                    )}
                  </td>
                  <td>{edited ? <span className="badge warn">edited</span> : override ? <span className="badge accent">override</span> : <span className="badge">{c.isDefault ? 'default' : c.source}</span>}</td>
                  <td>{override && !edited && !c.readOnly && (
                    <button className="btn ghost sm" title="Reset to default" aria-label={`Reset ${c.name}`} onClick={() => setDraft({ ...draft, [c.name]: null })}>{icons.replay}</button>
                  )}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
