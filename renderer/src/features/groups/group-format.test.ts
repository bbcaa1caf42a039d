import { describe, expect, it } from 'vitest'
import { parseHash, href } from '../../lib/router'
import { formatAge, shortMember } from './group-format'

describe('group display helpers', () => {
  it('formats lag in time', () => {
    expect(formatAge(null)).toBe('—')
    expect(formatAge(0)).toBe('0 s')
    expect(formatAge(4.25)).toBe('4.3 s')
    expect(formatAge(42)).toBe('42 s')
    expect(formatAge(192)).toBe('3 min 12 s')
    expect(formatAge(7500)).toBe('2 h 5 min')
    expect(formatAge(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h')
  })

  it('shortens generated member ids but keeps the client id', () => {
    expect(shortMember('e2e-groups-1b2c3d4e-aaaa-bbbb-cccc-123456789abc')).toBe('e2e-groups…1b2c')
    expect(shortMember('custom')).toBe('custom')
    expect(shortMember(null)).toBe('unassigned')
  })

  it('routes #/groups/<id> to the group page', () => {
    expect(parseHash('#/groups/my%20group')).toEqual({ name: 'group', groupId: 'my group' })
    expect(href({ name: 'group', groupId: 'a/b' })).toBe('#/groups/a%2Fb')
    expect(parseHash('#/groups')).toEqual({ name: 'groups' })
  })
})
