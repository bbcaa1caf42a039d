import { describe, expect, it } from 'vitest'
import { checkJson, hasPlaceholders } from './json-check'
import { parseJsonLines } from './jsonl'

describe('checkJson', () => {
  it('accepts valid JSON and empty input', () => {
    expect(checkJson('{"a": 1}', false)).toBeNull()
    expect(checkJson('  ', false)).toBeNull()
  })
  it('reports line and column of the error', () => {
    const p = checkJson('{\n  "a": 1,\n  "b": }', false)
    expect(p).not.toBeNull()
    expect(p!.line).toBe(3)
    expect(p!.column).toBeGreaterThan(1)
  })
  it('treats placeholders as values when validating a template', () => {
    expect(checkJson('{"n": {{int 1 100}}, "id": "{{uuid}}"}', true)).toBeNull()
    expect(checkJson('{"n": {{int 1 100}}}', false)).not.toBeNull()
    expect(hasPlaceholders('x-{{seq}}')).toBe(true)
    expect(hasPlaceholders('{"a": {}}')).toBe(false)
  })
})

describe('parseJsonLines', () => {
  it('reads export-shaped objects and bare values, skipping bad lines', () => {
    const text = ['{"key":"k1","value":{"a":1},"headers":[{"key":"h","value":"v"}],"partition":2}', '"plain"', '{oops', '', '{"value":{"base64":"AAE="}}'].join('\n')
    const { records, errors } = parseJsonLines(text)
    expect(records).toHaveLength(3)
    expect(records[0]).toMatchObject({ key: 'k1', value: '{"a":1}', partition: 2, headers: [{ key: 'h', value: 'v' }] })
    expect(records[1]).toMatchObject({ key: null, value: 'plain' })
    expect(records[2]).toMatchObject({ value: 'AAE=', encoding: 'base64' })
    expect(errors[0]).toMatch(/^Line 3/)
  })
})
