import { describe, expect, it } from 'vitest'
import { blockedReason, planReset, type PartitionPosition } from './offset-reset'

const p = (partition: number, committed: bigint | null, extra: Partial<PartitionPosition> = {}): PartitionPosition =>
  ({ topic: 't', partition, committed, logStart: 10n, logEnd: 100n, ...extra })

describe('offset reset planning', () => {
  it('earliest and latest go to the log bounds', () => {
    expect(planReset([p(0, 50n)], { kind: 'earliest' })[0]).toMatchObject({ currentOffset: '50', newOffset: '10', lagAfter: '90' })
    expect(planReset([p(0, 50n)], { kind: 'latest' })[0]).toMatchObject({ newOffset: '100', lagAfter: '0' })
  })

  it('an exact offset is clamped to the log, with a note', () => {
    expect(planReset([p(0, 50n)], { kind: 'offset', offset: '60' })[0]).toMatchObject({ newOffset: '60', note: null })
    expect(planReset([p(0, 50n)], { kind: 'offset', offset: '5' })[0]?.newOffset).toBe('10')
    expect(planReset([p(0, 50n)], { kind: 'offset', offset: '500' })[0]).toMatchObject({ newOffset: '100' })
    expect(planReset([p(0, 50n)], { kind: 'offset', offset: '500' })[0]?.note).toMatch(/past the log end/)
  })

  it('shift-by moves from the committed offset (log start when none) and clamps', () => {
    const rows = planReset([p(0, 50n), p(1, null), p(2, 15n)], { kind: 'shift', by: '-20' })
    expect(rows.map((r) => r.newOffset)).toEqual(['30', '10', '10'])
    expect(planReset([p(0, 95n)], { kind: 'shift', by: '10' })[0]?.newOffset).toBe('100')
  })

  it('a timestamp uses the offset for that time, or the log end when no record is that new', () => {
    const rows = planReset([p(0, 90n, { offsetForTimestamp: 42n }), p(1, 90n, { offsetForTimestamp: -1n })], { kind: 'timestamp', timestampMs: '1700000000000' })
    expect(rows.map((r) => r.newOffset)).toEqual(['42', '100'])
    expect(rows[1]?.note).toMatch(/log end/)
  })

  it('only an empty group can be reset, and the reason says why', () => {
    expect(blockedReason('Empty', 0)).toBeNull()
    expect(blockedReason('Dead', 0)).toBeNull()
    expect(blockedReason('Stable', 2)).toMatch(/Stable with 2 active members.*only while it is empty/)
  })
})
