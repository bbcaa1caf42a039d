/**
 * Message filters on key, value and header text. Patterns are data, never code: 'contains' is a plain
 * substring test and 'regex' a RegExp run against at most MAX_SUBJECT chars of each field, which bounds the
 * cost of a pathological pattern (ReDoS) per message; the reader also caps messages scanned (maxScan).
 */
import type { MessageFilters, MessageRow, TextFilter } from '../ipc/contract'

const MAX_SUBJECT = 64 * 1024

type Test = (subject: string) => boolean

function compile(f: TextFilter): Test {
  if (f.mode === 'regex') {
    const re = new RegExp(f.pattern, f.caseSensitive ? '' : 'i')
    return (s) => re.test(s.length > MAX_SUBJECT ? s.slice(0, MAX_SUBJECT) : s)
  }
  if (f.caseSensitive) return (s) => s.includes(f.pattern)
  const needle = f.pattern.toLowerCase()
  return (s) => s.toLowerCase().includes(needle)
}

function text(b: { text: string | null; base64: string } | null): string {
  if (b === null) return ''
  return b.text ?? b.base64
}

/** null when no filter is set (the caller skips filtering entirely). */
export function compileFilters(filters: MessageFilters | undefined): ((row: MessageRow) => boolean) | null {
  if (!filters) return null
  const key = filters.key?.pattern ? compile(filters.key) : null
  const value = filters.value?.pattern ? compile(filters.value) : null
  const header = filters.header?.pattern ? compile(filters.header) : null
  if (!key && !value && !header) return null
  return (row) =>
    (!key || key(text(row.key))) &&
    (!value || value(text(row.value))) &&
    (!header || row.headers.some((h) => header(`${h.key}: ${text(h.value)}`)))
}
