import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ProduceTemplate, ProduceTemplateInput } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { api, describeError, unwrap } from '../../lib/api'
import { toast } from '../../lib/toast'
import { produceKeys, produceQueries } from './queries'

/** Templates are saved per topic on the backend (templates:*), so they survive restarts and both shells share them. */
export function TemplatesPanel({ topic, current, onLoad }: {
  topic: string; current: () => Omit<ProduceTemplateInput, 'name'>; onLoad: (t: ProduceTemplate) => void
}) {
  const client = useQueryClient()
  const templates = useQuery(produceQueries.templates(topic))
  const [name, setName] = useState('')
  const invalidate = () => void client.invalidateQueries({ queryKey: produceKeys.templates(topic) })
  const save = useMutation({
    mutationFn: () => api.invoke('templates:save', topic, { ...current(), name: name.trim() }).then(unwrap),
    onSuccess: (t) => { toast(`Saved template "${t.name}"`); setName(''); invalidate() },
  })
  const remove = useMutation({
    mutationFn: (n: string) => api.invoke('templates:delete', topic, n).then(unwrap),
    onSuccess: invalidate,
  })
  if (!topic) return null
  return (
    <div className="card">
      <div className="card-header"><h3>Templates</h3><span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>for {topic}</span></div>
      <div className="card-body col">
        {templates.data?.length === 0 && <span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>None saved yet. Save the current key, value and headers to reuse them.</span>}
        {templates.data?.map((t) => (
          <div key={t.name} className="row template-row">
            <button className="btn ghost sm grow" style={{ justifyContent: 'flex-start' }} onClick={() => onLoad(t)} title="Load into the form">{t.name}</button>
            <button className="btn ghost sm" aria-label={`Delete template ${t.name}`} onClick={() => remove.mutate(t.name)}>{icons.trash}</button>
          </div>
        ))}
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (name.trim()) save.mutate() }}>
          <input className="input grow" placeholder="Template name" value={name} onChange={(e) => setName(e.target.value)} aria-label="Template name" />
          <button className="btn sm" disabled={!name.trim() || save.isPending}>Save</button>
        </form>
        {(save.isError || remove.isError) && <span className="error" style={{ color: 'var(--danger)', fontSize: 'var(--fs-xs)' }}>{describeError(save.error ?? remove.error).hint}</span>}
      </div>
    </div>
  )
}
