import { icons } from '../../components/icons'

export interface ConfigRow { id: number; key: string; value: string }

let nextRowId = 1
export const newConfigRow = (key = '', value = ''): ConfigRow => ({ id: nextRowId++, key, value })

/** Free-form key/value rows; names autocomplete from the broker's known configs. */
export function ConfigRows({ rows, onChange, suggestions, label = 'Other configs' }: {
  rows: ConfigRow[]; onChange: (rows: ConfigRow[]) => void; suggestions: string[]; label?: string
}) {
  const update = (id: number, patch: Partial<ConfigRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)))
  return (
    <div className="field">
      <span className="label">{label}</span>
      <datalist id="config-names">{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
      {rows.map((r) => (
        <div className="kv-row" key={r.id}>
          <input className="input mono" list="config-names" placeholder="name, e.g. max.message.bytes" value={r.key} aria-label="Config name" onChange={(e) => update(r.id, { key: e.target.value })} />
          <input className="input mono" placeholder="value" value={r.value} aria-label="Config value" onChange={(e) => update(r.id, { value: e.target.value })} />
          <button type="button" className="btn ghost sm" aria-label="Remove row" onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>{icons.close}</button>
        </div>
      ))}
      <div><button type="button" className="btn sm" onClick={() => onChange([...rows, newConfigRow()])}>{icons.plus} Add row</button></div>
    </div>
  )
}

export function rowsToRecord(rows: ConfigRow[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const r of rows) if (r.key.trim()) out[r.key.trim()] = r.value
  return out
}
