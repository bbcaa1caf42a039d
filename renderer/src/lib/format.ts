const intFmt = new Intl.NumberFormat('en-US')
const compactFmt = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** Counts arrive as decimal strings over IPC (int64 safe); numbers are fine for display. */
export function formatCount(n: number | string | bigint | undefined | null): string {
  if (n === undefined || n === null || n === '') return '—'
  const v = typeof n === 'string' ? Number(n) : typeof n === 'bigint' ? Number(n) : n
  if (!Number.isFinite(v)) return String(n)
  return intFmt.format(v)
}

export function formatCompact(n: number | string | undefined | null): string {
  if (n === undefined || n === null || n === '') return '—'
  const v = Number(n)
  return Number.isFinite(v) ? compactFmt.format(v) : String(n)
}

export function formatBytes(n: number | string | undefined | null): string {
  if (n === undefined || n === null || n === '') return '—'
  let v = Number(n)
  if (!Number.isFinite(v)) return String(n)
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let i = 0
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${i === 0 ? Math.round(v) : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

export function formatRate(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '—'
  if (n === 0) return '0/s'
  if (n < 10) return `${n.toFixed(1)}/s`
  return `${formatCompact(Math.round(n))}/s`
}

export function formatTimestamp(ms: number | string | undefined | null): string {
  if (ms === undefined || ms === null || ms === '' || Number(ms) < 0) return '—'
  const d = new Date(Number(ms))
  if (Number.isNaN(d.getTime())) return String(ms)
  const pad = (x: number, w = 2) => String(x).padStart(w, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

export function formatDuration(ms: number | string | undefined | null): string {
  const v = Number(ms)
  if (ms === undefined || ms === null || !Number.isFinite(v)) return '—'
  // -1 and Long.MAX_VALUE both mean "no limit" in Kafka's time configs.
  if (v < 0 || v >= 9e18) return 'never'
  const units: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]]
  for (const [u, size] of units) if (v >= size && v % size === 0) return `${v / size} ${u}`
  for (const [u, size] of units) if (v >= size) return `${(v / size).toFixed(1)} ${u}`
  return `${v} ms`
}
