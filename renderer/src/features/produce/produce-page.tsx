import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState, type FormEvent } from 'react'
import type { ProduceHeaderInput, ProduceTemplate } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'
import { EmptyState } from '../../components/states'
import { Segmented } from '../../components/tabs'
import { href } from '../../lib/router'
import { topicQueries } from '../topics/queries'
import { HeaderRows } from './header-rows'
import { checkJson, hasPlaceholders } from './json-check'
import { JsonEditor } from './json-editor'
import { defaultOptions, ProduceOptions, type Options } from './produce-options'
import { produceQueries } from './queries'
import { takeReplayDraft } from './replay'
import { SendStatus } from './send-status'
import { ProduceSide } from './produce-side'
import { useProduceJob } from './use-produce-job'

const sampleValue = '{\n  "id": "{{uuid}}",\n  "seq": {{seq}},\n  "customer": "{{name}}",\n  "email": "{{email}}",\n  "amount": {{int 1 500}},\n  "createdAt": "{{now}}"\n}'

export function ProducePage({ initialTopic }: { initialTopic?: string }) {
  const topics = useQuery(topicQueries.list())
  const [replay] = useState(() => takeReplayDraft(initialTopic))
  const [topic, setTopic] = useState(initialTopic ?? '')
  const [key, setKey] = useState(replay?.key?.text ?? '')
  const [value, setValue] = useState(replay ? replay.value?.text ?? '' : sampleValue)
  const [mode, setMode] = useState<'json' | 'text'>(replay && replay.value && checkJson(replay.value.text, false) ? 'text' : 'json')
  const [encoding] = useState<'text' | 'base64'>(replay?.value?.encoding ?? 'text')
  const [headers, setHeaders] = useState<ProduceHeaderInput[]>(replay?.headers ?? [])
  const [options, setOptions] = useState<Options>(replay ? { ...defaultOptions, partitionMode: 'explicit', partition: String(replay.partition) } : defaultOptions)
  const job = useProduceJob()
  const detail = useQuery({ ...topicQueries.detail(topic), enabled: topic !== '' })
  const template = hasPlaceholders(key) || hasPlaceholders(value) || headers.some((h) => hasPlaceholders(h.value ?? ''))
  const deferredValue = useDeferredValue(value)
  const preview = useQuery(produceQueries.preview(deferredValue))
  const jsonProblem = mode === 'json' && encoding === 'text' ? checkJson(value, template) : null
  const count = Number(options.count)
  const valid = topic !== '' && !jsonProblem && Number.isInteger(count) && count >= 1 && count <= 1_000_000

  const send = (e: FormEvent) => {
    e.preventDefault()
    if (!valid || job.isPending) return
    job.mutate({ kind: 'send', request: {
      topic, key: key === '' ? null : key, value, headers: headers.filter((h) => h.key !== ''), encoding,
      partition: options.partitionMode === 'explicit' ? Number(options.partition) : null, compression: options.compression,
      count, ratePerSec: options.rate ? Number(options.rate) : null, template,
    } })
  }
  const loadTemplate = (t: ProduceTemplate) => { setKey(t.key ?? ''); setValue(t.value ?? ''); setHeaders(t.headers) }
  const userTopics = (topics.data ?? []).filter((t) => !t.internal)

  if (topics.data && userTopics.length === 0) {
    return <div className="page"><div className="page-header"><h1>Produce</h1></div>
      <EmptyState title="Create a topic first" action={<a className="btn primary" href={href({ name: 'topics' })}>Go to Topics</a>}>Messages are written to a topic. There are none yet.</EmptyState></div>
  }
  return (
    <div className="page">
      <div className="page-header">
        <h1>Produce</h1><span className="subtitle">Send test messages, one or a million</span>
        <span className="spacer" />
        {topic && <a className="btn" href={href({ name: 'topic', topic, tab: 'messages' })}>Browse {topic} {icons.chevron}</a>}
      </div>
      {replay && <div className="info-banner">Replaying a message from partition {replay.partition}. Edit anything before sending.</div>}
      <div className="produce-grid">
        <form className="card" onSubmit={send}>
          <div className="card-body col" style={{ gap: 'var(--s-4)' }}>
            <div className="grid-2">
              <div className="field">
                <label htmlFor="p-topic">Topic</label>
                <select id="p-topic" className="select" value={topic} onChange={(e) => setTopic(e.target.value)}>
                  <option value="" disabled>Choose a topic…</option>
                  {userTopics.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="p-key">Key</label>
                <input id="p-key" className="input mono" placeholder="optional, e.g. customer-{{int 1 20}}" value={key} onChange={(e) => setKey(e.target.value)} />
              </div>
            </div>
            <div className="col" style={{ gap: 'var(--s-1)' }}>
              <div className="row">
                <Segmented label="Value format" value={mode} onChange={setMode} options={[{ id: 'json', label: 'JSON' }, { id: 'text', label: 'Text' }]} />
                {encoding === 'base64' && <span className="badge warn">binary value (base64)</span>}
                {template && <span className="badge accent">template</span>}
              </div>
              <JsonEditor id="p-value" label="Value" value={value} onChange={setValue} json={mode === 'json' && encoding === 'text'} template={template} />
              {template && preview.data && <pre className="value-box" style={{ maxHeight: 140 }} aria-label="Template preview"><span className="faint">Preview (message 1): </span>{preview.data}</pre>}
            </div>
            <HeaderRows headers={headers} onChange={setHeaders} />
            <ProduceOptions topic={topic} keyText={key} partitions={detail.data?.partitions.length ?? 1} value={options} onChange={setOptions} />
            <SendStatus pending={job.isPending} progress={job.progress} summary={job.data} error={job.error} total={count} />
            <div className="row">
              <span className="spacer" />
              {job.isPending && <button type="button" className="btn" onClick={job.cancel}>Cancel</button>}
              <button type="submit" className="btn primary" disabled={!valid || job.isPending} data-testid="send">
                {icons.produce} {job.isPending ? 'Sending…' : count > 1 ? `Send ${count.toLocaleString('en-US')} messages` : 'Send message'}
              </button>
            </div>
          </div>
        </form>
        <ProduceSide topic={topic} busy={job.isPending} onInsert={(t) => setValue((v) => v + t)} onLoad={loadTemplate}
          current={() => ({ key: key || null, value, headers })}
          runRecords={(records) => job.mutateAsync({ kind: 'records', request: { topic, compression: options.compression, records } })} />
      </div>
    </div>
  )
}
