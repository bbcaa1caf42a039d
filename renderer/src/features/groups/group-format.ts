/** Display helpers of the consumer-group views (pure, unit-tested). */

/** Lag in time: "0 s", "4.2 s", "3 min 12 s", "2 h 5 min", "3 d 4 h". */
export function formatAge(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—'
  if (sec < 10) return `${sec < 0.05 ? 0 : sec.toFixed(1)} s`
  if (sec < 60) return `${Math.round(sec)} s`
  const parts: [number, string][] = [[86_400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']]
  const out: string[] = []
  let rest = Math.round(sec)
  for (const [size, unit] of parts) {
    if (rest >= size && out.length < 2) { out.push(`${Math.floor(rest / size)} ${unit}`); rest %= size } else if (out.length) break
  }
  return out.join(' ')
}

/** Kafka clients put the client id in front of a generated suffix; show the readable part and a short tail. */
export function shortMember(id: string | null): string {
  if (id === null) return 'unassigned'
  const m = /^(.*)-([0-9a-f]{8})[0-9a-f-]{20,}$/i.exec(id)
  return m ? `${m[1]}…${m[2]!.slice(0, 4)}` : id.length > 28 ? `${id.slice(0, 24)}…` : id
}
