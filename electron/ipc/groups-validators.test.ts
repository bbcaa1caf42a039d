import { describe, expect, it } from 'vitest'
import { validateArgs } from './validators'

describe('consumer-group channel validation', () => {
  it('accepts a well-formed reset request and rejects bad targets', () => {
    const req = { groupId: 'g', topics: null, target: { kind: 'timestamp', timestampMs: '1700000000000' }, dryRun: true }
    expect(validateArgs('groups:reset-offsets', [req]).ok).toBe(true)
    const bad = validateArgs('groups:reset-offsets', [{ ...req, target: { kind: 'shift', by: 'ten' } }])
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/args\[0\]\.target\.by/)
    expect(validateArgs('groups:reset-offsets', [{ ...req, target: { kind: 'sideways' } }]).ok).toBe(false)
  })

  it('checks the chart window and the group id', () => {
    expect(validateArgs('groups:lag-history', ['g', '1h']).ok).toBe(true)
    expect(validateArgs('groups:lag-history', ['g', '2h']).ok).toBe(false)
    expect(validateArgs('groups:lag', ['']).ok).toBe(false)
  })
})
