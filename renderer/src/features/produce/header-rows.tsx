import type { ProduceHeaderInput } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'

export function HeaderRows({ headers, onChange }: { headers: ProduceHeaderInput[]; onChange: (h: ProduceHeaderInput[]) => void }) {
  const update = (i: number, patch: Partial<ProduceHeaderInput>) => onChange(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)))
  return (
    <div className="field">
      <div className="row"><span className="label">Headers</span><span className="spacer" />
        <button type="button" className="btn sm" onClick={() => onChange([...headers, { key: '', value: '' }])}>{icons.plus} Add header</button></div>
      {headers.length === 0 && <span className="hint">No headers. Headers carry metadata such as a trace id or content type.</span>}
      {headers.map((h, i) => (
        <div className="kv-row" key={i}>
          <input className="input mono" placeholder="name" aria-label={`Header ${i + 1} name`} value={h.key} onChange={(e) => update(i, { key: e.target.value })} />
          <input className="input mono" placeholder="value" aria-label={`Header ${i + 1} value`} value={h.value ?? ''} onChange={(e) => update(i, { value: e.target.value })} />
          <button type="button" className="btn ghost sm" aria-label="Remove header" onClick={() => onChange(headers.filter((_, j) => j !== i))}>{icons.close}</button>
        </div>
      ))}
    </div>
  )
}
