import type { DecodedValue, RecordBatchSummary } from '../../../../electron/ipc/contract'

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

/** One line per `records` field: "2 batches · 20 records · gzip · offsets 0–19 · 1.2 KB". */
export function describeBatches(s: RecordBatchSummary): string {
  if (s.batches.length === 0) return s.bytes === 0 ? 'no records' : `no complete batch (${bytes(s.bytes)})`
  const records = s.batches.reduce((n, b) => n + b.records, 0)
  const codecs = [...new Set(s.batches.map((b) => b.codec))].join('/')
  const first = s.batches[0]!.baseOffset
  const last = s.batches[s.batches.length - 1]!.lastOffset
  const flags = [s.batches.some((b) => b.transactional) && 'transactional', s.batches.some((b) => b.control) && 'control'].filter(Boolean)
  const partial = s.partialBytes > 0 ? ` · +${bytes(s.partialBytes)} partial` : ''
  return `${s.batches.length} batch${s.batches.length === 1 ? '' : 'es'} · ${records} record${records === 1 ? '' : 's'} · ${codecs} · offsets ${first}–${last} · ${bytes(s.bytes)}${flags.length ? ` · ${flags.join(', ')}` : ''}${partial}`
}

/** Replaces record-batch summaries and byte fields with readable one-liners, so the tree stays short. */
export function forDisplay(v: DecodedValue): DecodedValue {
  if (Array.isArray(v)) return v.map(forDisplay)
  if (v === null || typeof v !== 'object') return v
  if (v.kind === 'record-batches') return `⟨${describeBatches(v as unknown as RecordBatchSummary)}⟩`
  if (v.kind === 'bytes') return `⟨${v.size} bytes${v.hex ? `: ${v.hex}` : ''}⟩`
  const out: Record<string, DecodedValue> = {}
  for (const [k, x] of Object.entries(v)) out[k] = forDisplay(x)
  return out
}
