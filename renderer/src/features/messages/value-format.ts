import type { Bytes, MessageRow } from '../../../../electron/ipc/contract'

export type ValueView = 'json' | 'text' | 'hex' | 'base64'

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

// Control characters other than tab/newline/CR suggest binary data even when the bytes are valid UTF-8.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Picks the most readable view: JSON objects/arrays, then printable UTF-8, then hex. */
export function detectView(b: Bytes | null): ValueView {
  if (!b || b.text === null) return b ? 'hex' : 'text'
  const t = b.text.trimStart()
  if ((t.startsWith('{') || t.startsWith('[')) && parseJson(b.text) !== undefined) return 'json'
  return controlChars.test(b.text) ? 'hex' : 'text'
}

export function parseJson(text: string): unknown {
  try { return JSON.parse(text) } catch { return undefined }
}

/** Classic hex dump: offset, 16 bytes, ASCII gutter. Capped so a huge value cannot freeze the panel. */
export function hexDump(b64: string, maxBytes = 64 * 1024): string {
  const bytes = base64ToBytes(b64).subarray(0, maxBytes)
  const lines: string[] = []
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.subarray(off, off + 16)
    const hex = [...chunk].map((x) => x.toString(16).padStart(2, '0')).join(' ').padEnd(47, ' ')
    const ascii = [...chunk].map((x) => (x >= 32 && x < 127 ? String.fromCharCode(x) : '.')).join('')
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex}  ${ascii}`)
  }
  return lines.join('\n')
}

/** One-line preview for the list: compact JSON, text, or hex of the first bytes. */
export function preview(b: Bytes | null, max = 240): string {
  if (!b) return ''
  if (b.text !== null && !controlChars.test(b.text)) return b.text.length > max ? b.text.slice(0, max) + '…' : b.text.replace(/\s*\n\s*/g, ' ')
  const bytes = base64ToBytes(b.base64).subarray(0, 32)
  return [...bytes].map((x) => x.toString(16).padStart(2, '0')).join(' ') + (b.size > 32 ? ' …' : '')
}

export function bytesForDisplay(b: Bytes | null, view: ValueView): string {
  if (!b) return ''
  switch (view) {
    case 'json': {
      const parsed = b.text === null ? undefined : parseJson(b.text)
      return parsed === undefined ? (b.text ?? '') : JSON.stringify(parsed, null, 2)
    }
    case 'text': return b.text ?? new TextDecoder('utf-8', { fatal: false }).decode(base64ToBytes(b.base64))
    case 'hex': return hexDump(b.base64)
    case 'base64': return b.base64
  }
}

export function rowId(r: { partition: number; offset: string }): string {
  return `${r.partition}:${r.offset}`
}

/** The "copy as JSON" shape: values as parsed JSON when they are JSON, else text, else base64. */
export function rowAsJson(r: MessageRow): Record<string, unknown> {
  const val = (b: Bytes | null) => (b === null ? null : b.text === null ? { base64: b.base64 } : parseJson(b.text) ?? b.text)
  return {
    partition: r.partition, offset: r.offset, timestamp: r.timestamp, timestampType: r.timestampType,
    key: val(r.key), value: val(r.value),
    headers: r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.text ?? { base64: h.value.base64 } })),
    sizeBytes: r.sizeBytes, compression: r.compression,
  }
}
