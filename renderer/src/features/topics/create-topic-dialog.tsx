import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Dialog } from '../../components/dialog'
import { api, describeError, unwrap } from '../../lib/api'
import { navigate } from '../../lib/router'
import { toast } from '../../lib/toast'
import { brokerKeys } from '../broker/queries'
import { ConfigRows, rowsToRecord, type ConfigRow } from './config-rows'
import { topicKeys, topicQueries } from './queries'
import { topicNameError, topicNameWarning } from './topic-name'

const retentionChoices: { label: string; ms: string }[] = [
  { label: 'Broker default', ms: '' }, { label: '1 hour', ms: '3600000' }, { label: '1 day', ms: '86400000' },
  { label: '7 days', ms: '604800000' }, { label: '30 days', ms: '2592000000' }, { label: 'Forever', ms: '-1' },
]

export function CreateTopicDialog({ existing, onClose }: { existing: string[]; onClose: () => void }) {
  const client = useQueryClient()
  const defs = useQuery(topicQueries.configDefs())
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const [partitions, setPartitions] = useState('1')
  const [retention, setRetention] = useState('')
  const [cleanup, setCleanup] = useState('delete')
  const [rows, setRows] = useState<ConfigRow[]>([])
  const nameError = topicNameError(name) ?? (existing.includes(name) ? `A topic named "${name}" already exists.` : null)
  const partitionCount = Number(partitions)
  const partitionsError = Number.isInteger(partitionCount) && partitionCount >= 1 && partitionCount <= 10_000 ? null : 'Use a whole number from 1 to 10,000.'

  const create = useMutation({
    mutationFn: () => {
      const configs: Record<string, string> = { ...rowsToRecord(rows) }
      if (retention) configs['retention.ms'] = retention
      if (cleanup !== 'delete') configs['cleanup.policy'] = cleanup
      return api.invoke('topics:create', { name, partitions: partitionCount, configs }).then(unwrap)
    },
    onSuccess: (topic) => {
      void client.invalidateQueries({ queryKey: topicKeys.list() })
      void client.invalidateQueries({ queryKey: brokerKeys.overview() })
      toast(`Created topic ${topic.name}`)
      onClose()
      navigate({ name: 'topic', topic: topic.name, tab: 'messages' })
    },
  })
  const submit = (e: FormEvent) => { e.preventDefault(); setTouched(true); if (!nameError && !partitionsError) create.mutate() }
  const cleanupChoices = defs.data?.find((d) => d.name === 'cleanup.policy')?.choices ?? ['delete', 'compact', 'compact,delete']

  return (
    <Dialog title="New topic" description="Topics hold messages in ordered, append-only partitions." onClose={onClose}
      footer={<><button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn primary" type="submit" form="create-topic" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create topic'}</button></>}>
      <form id="create-topic" className="col" style={{ gap: 'var(--s-3)' }} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="topic-name">Name</label>
          <input id="topic-name" className={`input mono ${touched && nameError ? 'invalid' : ''}`} value={name} autoComplete="off" placeholder="orders.v1"
            onChange={(e) => { setName(e.target.value); setTouched(true) }} aria-invalid={touched && !!nameError} />
          {touched && nameError ? <span className="error" role="alert">{nameError}</span>
            : <span className="hint">{topicNameWarning(name, existing) ?? 'Letters, digits, ".", "_" and "-"; up to 249 characters.'}</span>}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="topic-partitions">Partitions</label>
            <input id="topic-partitions" className={`input ${partitionsError ? 'invalid' : ''}`} type="number" min={1} value={partitions} onChange={(e) => setPartitions(e.target.value)} />
            {partitionsError ? <span className="error">{partitionsError}</span> : <span className="hint">More partitions allow more parallel consumers.</span>}
          </div>
          <div className="field">
            <label htmlFor="topic-retention">Retention</label>
            <select id="topic-retention" className="select" value={retention} onChange={(e) => setRetention(e.target.value)}>
              {retentionChoices.map((c) => <option key={c.label} value={c.ms}>{c.label}</option>)}
            </select>
            <span className="hint">How long messages are kept.</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor="topic-cleanup">Cleanup policy</label>
          <select id="topic-cleanup" className="select" value={cleanup} onChange={(e) => setCleanup(e.target.value)}>
            {cleanupChoices.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <span className="hint">"compact" keeps the latest value per key; "delete" drops old segments after retention.</span>
        </div>
        <ConfigRows rows={rows} onChange={setRows} suggestions={(defs.data ?? []).map((d) => d.name)} />
        {create.isError && <div className="error-banner" role="alert">{describeError(create.error).hint}</div>}
      </form>
    </Dialog>
  )
}
