import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from './contract'
import { validateArgs, validators } from './validators'

describe('validators', () => {
  it('has one validator per invoke channel', () => {
    expect(Object.keys(validators).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('accepts a well-formed query and drops omitted optional args', () => {
    const q = { topic: 'orders', start: { kind: 'offset', offset: '42' }, limit: 100, filters: { value: { pattern: 'a.+b', mode: 'regex' } } }
    expect(validateArgs('messages:read', [q])).toEqual({ ok: true, value: [q] })
    expect(validateArgs('produce:render-template', ['{{uuid}}'])).toEqual({ ok: true, value: ['{{uuid}}'] })
  })

  it('names the channel and field in readable errors', () => {
    const bad = (channel: Parameters<typeof validateArgs>[0], args: unknown) => {
      const r = validateArgs(channel, args)
      return r.ok ? '' : r.error.message
    }
    expect(bad('messages:read', [{ topic: 'orders', start: { kind: 'offset', offset: 42 }, limit: 10 }])).toBe(
      'messages:read: args[0].start.offset: expected an int64 as a decimal string, got 42',
    )
    expect(bad('messages:read', [{ topic: 'o', start: { kind: 'soon' }, limit: 10 }])).toMatch(/start\.kind: expected one of earliest, latest/)
    expect(bad('messages:read', [{ topic: 'o', start: { kind: 'earliest' }, limit: 10, filters: { key: { pattern: '(', mode: 'regex' } } }])).toMatch(/invalid regular expression/)
    expect(bad('topics:create', [{ name: 'ok', partitions: 1, partitons: 2 }])).toMatch(/unknown field "partitons"/)
    expect(bad('topics:delete', [])).toMatch(/args\[0\]: expected a string/)
    expect(bad('topics:list', 'nope')).toMatch(/expected an argument list/)
    expect(bad('nope:nope' as never, [])).toMatch(/unknown channel/)
  })
})
