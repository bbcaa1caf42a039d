import { useEffect, useMemo, useRef, useState } from 'react'
import type { LagHistory, LagPoint } from '../../../../electron/ipc/contract'
import { formatCompact, formatCount } from '../../lib/format'

const HEIGHT = 200
const PAD = { left: 48, right: 16, top: 12, bottom: 24 }

/** 1, 2, 5 x 10^n at or above v: readable axis maxima. */
function niceMax(v: number): number {
  if (v <= 4) return 4
  const exp = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= v) return m * exp
  return 10 * exp
}

function timeLabel(ms: number, spanMs: number): string {
  const d = new Date(ms)
  if (spanMs > 2 * 24 * 3600_000) return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ' ' + d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  if (spanMs > 3600_000) return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

/** Splits the series where samples are missing (the app was closed, the cluster unreachable): no line across gaps. */
function segments(points: LagPoint[], resolutionMs: number): LagPoint[][] {
  const out: LagPoint[][] = []
  let cur: LagPoint[] = []
  for (const p of points) {
    const prev = cur[cur.length - 1]
    if (prev && p.atMs - prev.atMs > Math.max(3 * resolutionMs, 3000)) { out.push(cur); cur = [] }
    cur.push(p)
  }
  if (cur.length) out.push(cur)
  return out
}

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(800)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const ro = new ResizeObserver(([e]) => { if (e) setWidth(Math.max(200, Math.floor(e.contentRect.width))) })
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  return [ref, width]
}

export function LagChart({ history }: { history: LagHistory | undefined }) {
  const [ref, width] = useWidth()
  const [hover, setHover] = useState<LagPoint | null>(null)
  const points = useMemo(() => history?.points ?? [], [history])
  // A young group would be a sliver at the right edge of a long window: start the axis shortly before its
  // first sample instead (the labels keep the time scale honest), never later than 60 s before now.
  const windowFrom = history?.fromMs ?? Date.now() - 300_000
  const firstAt = points[0]?.atMs
  const from = firstAt === undefined ? windowFrom : Math.max(windowFrom, Math.min(firstAt - 5 * (history?.resolutionMs ?? 1000), (history?.toMs ?? Date.now()) - 60_000))
  const to = history?.toMs ?? Date.now()
  const yMax = niceMax(Math.max(0, ...points.map((p) => p.lag)))
  const plotW = width - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const x = (ms: number) => PAD.left + ((ms - from) / Math.max(1, to - from)) * plotW
  const y = (v: number) => PAD.top + plotH - (v / yMax) * plotH
  const segs = segments(points, history?.resolutionMs ?? 1000)
  const last = points[points.length - 1]

  const onMove = (e: React.MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    const ms = from + ((e.clientX - rect.left - PAD.left) / plotW) * (to - from)
    let best: LagPoint | null = null
    for (const p of points) if (!best || Math.abs(p.atMs - ms) < Math.abs(best.atMs - ms)) best = p
    setHover(best)
  }

  return (
    <div ref={ref} className="lag-chart" data-testid="lag-chart" data-points={points.length} data-last-lag={last?.lag ?? ''} data-max-lag={Math.max(0, ...points.map((p) => p.lag))}>
      <svg width={width} height={HEIGHT} role="img" aria-label="Total lag of the group over time" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f} className="grid">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(yMax * f)} y2={y(yMax * f)} />
            <text x={PAD.left - 8} y={y(yMax * f) + 4} textAnchor="end">{formatCompact(yMax * f)}</text>
          </g>
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <text key={f} className="axis" x={PAD.left + f * plotW} y={HEIGHT - 6} textAnchor={f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}>{timeLabel(from + f * (to - from), to - from)}</text>
        ))}
        {segs.map((s, i) => {
          const line = s.map((p) => `${x(p.atMs).toFixed(1)},${y(p.lag).toFixed(1)}`).join(' ')
          return (
            <g key={i}>
              <polygon className="area" points={`${x(s[0]!.atMs).toFixed(1)},${y(0)} ${line} ${x(s[s.length - 1]!.atMs).toFixed(1)},${y(0)}`} />
              <polyline className="line" points={s.length === 1 ? `${line} ${line}` : line} />
            </g>
          )
        })}
        {last && <circle className="dot" cx={x(last.atMs)} cy={y(last.lag)} r={3.5} />}
        {hover && (
          <g className="hover">
            <line x1={x(hover.atMs)} x2={x(hover.atMs)} y1={PAD.top} y2={PAD.top + plotH} />
            <circle cx={x(hover.atMs)} cy={y(hover.lag)} r={4} />
          </g>
        )}
      </svg>
      {hover && (
        <div className="lag-tooltip" style={{ left: Math.min(width - 170, Math.max(0, x(hover.atMs) + 10)) }}>
          <strong>{formatCount(hover.lag)}</strong> behind<span>{new Date(hover.atMs).toLocaleString()}</span>
        </div>
      )}
      {points.length === 0 && <div className="lag-empty">No lag samples yet: lag is recorded once a second as soon as the group has committed offsets.</div>}
    </div>
  )
}
