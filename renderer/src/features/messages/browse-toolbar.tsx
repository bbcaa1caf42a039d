import { useEffect, useState } from 'react'
import type { MessageFilters, StartPosition } from '../../../../electron/ipc/contract'
import { icons } from '../../components/icons'

export type FilterField = 'value' | 'key' | 'header'
export interface BrowseControls {
  start: StartPosition
  partition: number | null
  filterField: FilterField
  filterText: string
  regex: boolean
}

export const defaultControls: BrowseControls = { start: { kind: 'earliest' }, partition: null, filterField: 'value', filterText: '', regex: false }

/** Validated in the renderer with the RegExp constructor only (never eval) so a typo shows here, not as a backend error. */
export function regexError(c: BrowseControls): string | null {
  if (!c.regex || !c.filterText) return null
  try { new RegExp(c.filterText); return null } catch (e) { return (e as Error).message.replace(/^Invalid regular expression: /, '') }
}

export function toFilters(c: BrowseControls): MessageFilters {
  if (!c.filterText || regexError(c)) return {}
  return { [c.filterField]: { pattern: c.filterText, mode: c.regex ? 'regex' : 'contains' } }
}

function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date().getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}

export function BrowseToolbar({ controls, onChange, partitionCount, live, onLive, children }: {
  controls: BrowseControls; onChange: (c: BrowseControls) => void; partitionCount: number
  live: boolean; onLive: (on: boolean) => void; children?: React.ReactNode
}) {
  const [text, setText] = useState(controls.filterText)
  // Debounced so typing a filter does not start a backend scan per keystroke.
  useEffect(() => {
    if (text === controls.filterText) return
    const t = setTimeout(() => onChange({ ...controls, filterText: text }), 350)
    return () => clearTimeout(t)
  }, [text, controls, onChange])
  const s = controls.start
  const setStart = (start: StartPosition) => onChange({ ...controls, start })
  const err = regexError({ ...controls, filterText: text })

  return (
    <div className="toolbar browse-toolbar">
      <select className="select" aria-label="Start position" value={s.kind} disabled={live}
        onChange={(e) => {
          const k = e.target.value
          setStart(k === 'offset' ? { kind: 'offset', offset: '0' } : k === 'timestamp' ? { kind: 'timestamp', timestampMs: String(Date.now() - 3_600_000) } : { kind: k === 'latest' ? 'latest' : 'earliest' })
        }}>
        <option value="earliest">From earliest</option><option value="latest">Latest</option>
        <option value="offset">From offset</option><option value="timestamp">From time</option>
      </select>
      {s.kind === 'offset' && <input className="input mono" style={{ width: 110 }} aria-label="Start offset" inputMode="numeric" value={s.offset} disabled={live}
        onChange={(e) => { if (/^\d*$/.test(e.target.value)) setStart({ kind: 'offset', offset: e.target.value || '0' }) }} />}
      {s.kind === 'timestamp' && <input className="input" type="datetime-local" aria-label="Start time" disabled={live} value={toLocalInput(Number(s.timestampMs))}
        onChange={(e) => { const ms = new Date(e.target.value).getTime(); if (Number.isFinite(ms)) setStart({ kind: 'timestamp', timestampMs: String(ms) }) }} />}
      <select className="select" aria-label="Partition" value={controls.partition ?? ''} onChange={(e) => onChange({ ...controls, partition: e.target.value === '' ? null : Number(e.target.value) })}>
        <option value="">All partitions</option>
        {Array.from({ length: partitionCount }, (_, i) => <option key={i} value={i}>Partition {i}</option>)}
      </select>
      <div className="filter-box">
        <select className="select" aria-label="Filter on" value={controls.filterField} onChange={(e) => onChange({ ...controls, filterField: e.target.value as FilterField })}>
          <option value="value">Value</option><option value="key">Key</option><option value="header">Header</option>
        </select>
        <label className="search">{icons.search}
          <input className={`input mono ${err ? 'invalid' : ''}`} data-search aria-label="Filter text" placeholder={controls.regex ? 'regular expression' : 'contains…  /'}
            value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') onChange({ ...controls, filterText: text }) }} title={err ?? undefined} />
        </label>
        <button className="btn sm ghost" aria-pressed={controls.regex} title="Regular expression" onClick={() => onChange({ ...controls, regex: !controls.regex })}
          style={controls.regex ? { color: 'var(--accent)', background: 'var(--accent-soft)' } : undefined}>.*</button>
      </div>
      {err && <span className="error" style={{ color: 'var(--danger)', fontSize: 'var(--fs-xs)' }}>{err}</span>}
      <span className="spacer" />
      <label className="switch live-switch" data-on={live}>
        <input type="checkbox" checked={live} onChange={(e) => onLive(e.target.checked)} aria-label="Live tail" />
        <span className={`dot ${live ? 'ok' : ''}`} />Live tail
      </label>
      {children}
    </div>
  )
}
