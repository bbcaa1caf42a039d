import type { InspectorEntry } from '../../../../electron/ipc/contract'

/**
 * The inspector's filter language: whitespace-separated terms, all of which must match.
 *   fetch            free text: API name, client id, software, error name (case-insensitive substring)
 *   api:Metadata     API name       client:orders   client id       sw:librdkafka   software name
 *   conn:12          connection id  errors          only requests whose response carries an error
 *   slow:5           latency >= 5 ms
 * Compiled once per filter string into a predicate, so re-filtering 10,000 rows costs one pass.
 */
export type Predicate = (e: InspectorEntry) => boolean

const lower = (s: string | null) => (s ?? '').toLowerCase()

function term(raw: string): Predicate {
  const t = raw.toLowerCase()
  const colon = t.indexOf(':')
  const key = colon > 0 ? t.slice(0, colon) : ''
  const value = colon > 0 ? t.slice(colon + 1) : t
  switch (key) {
    case 'api': return (e) => lower(e.apiName).includes(value) || String(e.apiKey) === value
    case 'client': return (e) => lower(e.clientId).includes(value)
    case 'sw': return (e) => lower(e.softwareName).includes(value)
    case 'conn': return (e) => String(e.connectionId) === value
    case 'slow': { const ms = Number(value); return (e) => Number.isFinite(ms) && e.durationMs >= ms }
  }
  if (t === 'errors') return (e) => (e.errorCode ?? 0) !== 0
  return (e) => lower(e.apiName).includes(t) || lower(e.clientId).includes(t) || lower(e.softwareName).includes(t) || lower(e.errorName).includes(t)
}

export function compileFilter(text: string): Predicate | null {
  const terms = text.trim().split(/\s+/).filter(Boolean).map(term)
  if (terms.length === 0) return null
  return (e) => terms.every((p) => p(e))
}

/** Hides the console's own polling (it would otherwise dominate a quiet broker). */
export const isConsoleRequest = (e: InspectorEntry) => e.clientId === 'brooklet-console'
