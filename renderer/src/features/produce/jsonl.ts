import type { ProduceHeaderInput, ProduceRecordInput } from '../../../../electron/ipc/contract'

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v))

function headersOf(h: unknown): ProduceHeaderInput[] {
  if (Array.isArray(h)) return h.filter((x): x is { key: string; value: unknown } => typeof x?.key === 'string').map((x) => ({ key: x.key, value: asText(x.value) }))
  if (h && typeof h === 'object') return Object.entries(h).map(([key, value]) => ({ key, value: asText(value) }))
  return []
}

/**
 * One record per line. A line that is an object with a "value" field is read as {key, value, headers,
 * partition, timestamp} (the shape the message export writes); any other line is the value itself.
 */
export function parseJsonLines(text: string): { records: ProduceRecordInput[]; errors: string[] } {
  const records: ProduceRecordInput[] = []
  const errors: string[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    let parsed: unknown
    try { parsed = JSON.parse(line) } catch (e) {
      if (errors.length < 5) errors.push(`Line ${i + 1}: ${(e as Error).message}`)
      return
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'value' in parsed) {
      const o = parsed as Record<string, unknown>
      const v = o.value
      const b64 = v && typeof v === 'object' && 'base64' in v ? String((v as { base64: unknown }).base64) : null
      records.push({
        key: asText(o.key), value: b64 ?? asText(v), headers: headersOf(o.headers), encoding: b64 !== null ? 'base64' : 'text',
        partition: typeof o.partition === 'number' ? o.partition : null,
        timestampMs: typeof o.timestamp === 'string' || typeof o.timestamp === 'number' ? String(o.timestamp) : null,
      })
    } else {
      records.push({ key: null, value: asText(parsed), headers: [] })
    }
  })
  return { records, errors }
}
