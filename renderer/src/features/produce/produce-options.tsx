import { useQuery } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import type { Compression } from '../../../../electron/ipc/contract'
import { hasPlaceholders } from './json-check'
import { produceQueries } from './queries'

export interface Options {
  partitionMode: 'hash' | 'explicit'
  partition: string
  compression: Compression
  count: string
  rate: string
}

export const defaultOptions: Options = { partitionMode: 'hash', partition: '0', compression: 'none', count: '1', rate: '' }
const compressions: Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd']

function KeyPartition({ topic, keyText }: { topic: string; keyText: string }) {
  const key = useDeferredValue(keyText)
  const q = useQuery({ ...produceQueries.partitionForKey(topic, key), enabled: !!topic && key !== '' && !hasPlaceholders(key) })
  if (!topic) return null
  if (keyText === '') return <span className="hint">No key: messages are spread across partitions.</span>
  if (hasPlaceholders(keyText)) return <span className="hint">The key changes per message, so the partition does too.</span>
  if (q.data) return <span className="hint" data-testid="key-partition">This key goes to <b>partition {q.data.partition}</b> of {q.data.partitions} (murmur2, like Kafka's Java client).</span>
  return <span className="hint">{q.isError ? 'Could not compute the partition for this key.' : 'Computing partition…'}</span>
}

export function ProduceOptions({ topic, keyText, partitions, value, onChange }: {
  topic: string; keyText: string; partitions: number; value: Options; onChange: (o: Options) => void
}) {
  const set = (patch: Partial<Options>) => onChange({ ...value, ...patch })
  const count = Number(value.count)
  return (
    <div className="col" style={{ gap: 'var(--s-3)' }}>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="p-partition">Partition</label>
          <div className="row">
            <select id="p-partition" className="select grow" value={value.partitionMode} onChange={(e) => set({ partitionMode: e.target.value as Options['partitionMode'] })}>
              <option value="hash">By key hash</option><option value="explicit">Explicit</option>
            </select>
            {value.partitionMode === 'explicit' && (
              <select className="select" aria-label="Partition number" value={value.partition} onChange={(e) => set({ partition: e.target.value })}>
                {Array.from({ length: Math.max(1, partitions) }, (_, i) => <option key={i} value={i}>{i}</option>)}
              </select>
            )}
          </div>
          {value.partitionMode === 'hash' && <KeyPartition topic={topic} keyText={keyText} />}
        </div>
        <div className="field">
          <label htmlFor="p-compression">Compression</label>
          <select id="p-compression" className="select" value={value.compression} onChange={(e) => set({ compression: e.target.value as Compression })}>
            {compressions.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="p-count">Count</label>
          <input id="p-count" className={`input ${Number.isInteger(count) && count >= 1 && count <= 1_000_000 ? '' : 'invalid'}`} inputMode="numeric" value={value.count}
            onChange={(e) => set({ count: e.target.value.replace(/\D/g, '') })} />
          <span className="hint">1 to 1,000,000 messages. Use {'{{seq}}'} to number them.</span>
        </div>
        <div className="field">
          <label htmlFor="p-rate">Rate (messages/s)</label>
          <input id="p-rate" className="input" inputMode="numeric" placeholder="as fast as possible" value={value.rate} onChange={(e) => set({ rate: e.target.value.replace(/\D/g, '') })} />
        </div>
      </div>
    </div>
  )
}
