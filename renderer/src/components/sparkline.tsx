/** Inline SVG sparkline: one filled series (in) and an optional dashed series (out), scaled to a shared max. */
export function Sparkline({ data, data2, height = 64, label }: {
  data: number[]; data2?: number[]; height?: number; label: string
}) {
  const width = 600
  const max = Math.max(1, ...data, ...(data2 ?? []))
  const points = (series: number[]) => series.map((v, i) => {
    const x = series.length < 2 ? 0 : (i / (series.length - 1)) * width
    const y = height - 2 - (v / max) * (height - 6)
    return `${x.toFixed(1)},${y.toFixed(1)}`
  })
  const line = points(data)
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} style={{ height }}>
      {line.length > 1 && <polygon className="area-in" points={`0,${height} ${line.join(' ')} ${width},${height}`} />}
      {line.length > 1 && <polyline className="line-in" points={line.join(' ')} vectorEffect="non-scaling-stroke" />}
      {data2 && data2.length > 1 && <polyline className="line-out" points={points(data2).join(' ')} vectorEffect="non-scaling-stroke" />}
    </svg>
  )
}
