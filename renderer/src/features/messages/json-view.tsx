import { useState } from 'react'

/** Pretty, collapsible JSON. Nodes deeper than `openDepth` start collapsed so big documents stay readable. */
export function JsonView({ value, openDepth = 2 }: { value: unknown; openDepth?: number }) {
  return <div className="json"><JsonNode value={value} depth={0} openDepth={openDepth} /></div>
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="j-str">{JSON.stringify(value)}</span>
  if (typeof value === 'number') return <span className="j-num">{String(value)}</span>
  return <span className="j-lit">{String(value)}</span>
}

function JsonNode({ value, depth, openDepth, name, last = true }: {
  value: unknown; depth: number; openDepth: number; name?: string; last?: boolean
}) {
  const [open, setOpen] = useState(depth < openDepth)
  const label = name !== undefined && <><span className="j-key">{JSON.stringify(name)}</span>: </>
  const comma = last ? '' : ','
  if (value === null || typeof value !== 'object') {
    return <div className="j-line">{label}<Scalar value={value} />{comma}</div>
  }
  const isArray = Array.isArray(value)
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  const [o, c] = isArray ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return <div className="j-line">{label}{o}{c}{comma}</div>
  return (
    <div>
      <div className="j-line">
        <button className="j-toggle" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={open ? 'Collapse' : 'Expand'}>{open ? '▾' : '▸'}</button>
        {label}{o}{!open && <><span className="j-more" onClick={() => setOpen(true)}>{entries.length} {isArray ? 'items' : 'keys'}</span>{c}{comma}</>}
      </div>
      {open && (
        <>
          <div className="j-children">
            {entries.map(([k, v], i) => <JsonNode key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} openDepth={openDepth} last={i === entries.length - 1} />)}
          </div>
          <div className="j-line">{c}{comma}</div>
        </>
      )}
    </div>
  )
}
