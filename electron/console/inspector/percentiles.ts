/** Latency percentiles per API over the requests in the inspector's buffer. */
import type { ApiLatency } from '../../ipc/contract'

/** Nearest-rank percentile of an ascending array (p in 0..100); 0 for an empty array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

const round = (ms: number) => Math.round(ms * 100) / 100

/** Groups samples by API and reports p50/p95/p99/max, busiest API first. */
export function latencyByApi(samples: Iterable<{ apiKey: number; apiName: string; durationMs: number }>): ApiLatency[] {
  const byKey = new Map<number, { name: string; values: number[] }>()
  for (const s of samples) {
    let slot = byKey.get(s.apiKey)
    if (!slot) byKey.set(s.apiKey, (slot = { name: s.apiName, values: [] }))
    slot.values.push(s.durationMs)
  }
  const out: ApiLatency[] = []
  for (const [apiKey, { name, values }] of byKey) {
    values.sort((a, b) => a - b)
    out.push({
      apiKey, apiName: name, count: values.length,
      p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), p99Ms: round(percentile(values, 99)),
      maxMs: round(values[values.length - 1]!),
    })
  }
  return out.sort((a, b) => b.count - a.count || a.apiKey - b.apiKey)
}
