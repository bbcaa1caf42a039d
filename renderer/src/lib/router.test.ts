import { describe, expect, it } from 'vitest'
import { href, parseHash } from './router'

describe('hash routes', () => {
  it('parses every view and round-trips through href', () => {
    expect(parseHash('')).toEqual({ name: 'overview' })
    expect(parseHash('#/topics')).toEqual({ name: 'topics' })
    expect(parseHash('#/topics/a.b/configs')).toEqual({ name: 'topic', topic: 'a.b', tab: 'configs' })
    expect(parseHash('#/topics/x/bogus')).toEqual({ name: 'topic', topic: 'x', tab: 'messages' })
    expect(parseHash('#/produce?topic=t1')).toEqual({ name: 'produce', topic: 't1' })
    expect(parseHash('#/nope')).toEqual({ name: 'not-found', path: '/nope' })
    const r = { name: 'topic', topic: 'weird name', tab: 'partitions' } as const
    expect(parseHash(href(r))).toEqual(r)
  })
})
