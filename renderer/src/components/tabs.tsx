import type { ReactNode } from 'react'

export function Tabs<T extends string>({ tabs, value, hrefFor, onChange }: {
  tabs: { id: T; label: ReactNode }[]; value: T; hrefFor?: (id: T) => string; onChange?: (id: T) => void
}) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map((t) => hrefFor
        ? <a key={t.id} className="tab" role="tab" aria-selected={t.id === value} href={hrefFor(t.id)} style={{ textDecoration: 'none' }}>{t.label}</a>
        : <button key={t.id} className="tab" role="tab" aria-selected={t.id === value} onClick={() => onChange?.(t.id)}>{t.label}</button>)}
    </div>
  )
}

export function Segmented<T extends string>({ options, value, onChange, label }: {
  options: { id: T; label: ReactNode }[]; value: T; onChange: (id: T) => void; label: string
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => <button key={o.id} type="button" aria-pressed={o.id === value} onClick={() => onChange(o.id)}>{o.label}</button>)}
    </div>
  )
}
