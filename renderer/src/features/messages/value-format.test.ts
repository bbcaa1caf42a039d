import { describe, expect, it } from 'vitest'
import { bytesForDisplay, detectView, hexDump, preview } from './value-format'

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)))
const bytes = (text: string | null, base64: string) => ({ text, base64, size: atob(base64).length, truncated: false })
const utf8 = (s: string) => bytes(s, b64(s))

describe('value formats', () => {
  it('detects JSON, text and binary', () => {
    expect(detectView(utf8('{"a":1}'))).toBe('json')
    expect(detectView(utf8('[1,2]'))).toBe('json')
    expect(detectView(utf8('{not json'))).toBe('text')
    expect(detectView(utf8('hello'))).toBe('text')
    expect(detectView(bytes(null, 'AAEC/w=='))).toBe('hex')
    expect(detectView(utf8('a\u0001b'))).toBe('hex')
  })
  it('renders hex dumps and pretty JSON', () => {
    expect(hexDump(b64('AB'))).toBe('00000000  41 42' + ' '.repeat(42) + '  AB')
    expect(bytesForDisplay(utf8('{"a":1}'), 'json')).toBe('{\n  "a": 1\n}')
    expect(bytesForDisplay(utf8('hi'), 'base64')).toBe('aGk=')
  })
  it('previews binary as hex bytes', () => {
    expect(preview(bytes(null, 'AAEC'))).toBe('00 01 02')
  })
})
