import { describe, expect, it } from 'vitest'
import { assignment, joinReq, setup } from '../../core/groups/testing'
import { openConsoleDb } from './console-db'
import { movedPartitions, RebalanceTimeline } from './rebalance-timeline'

const G = 'g1'

describe('rebalance timeline', () => {
  it('diffs owners into moved partitions', () => {
    const before = new Map([['t\u00000', 'a'], ['t\u00001', 'a']])
    const after = new Map([['t\u00000', 'a'], ['t\u00001', 'b']])
    expect(movedPartitions(before, after)).toEqual([{ topic: 't', partition: 1, fromMember: 'a', toMember: 'b' }])
  })

  it('records a join, the generation, the assignment and a session timeout with the partitions that moved', async () => {
    const { coordinator: c, clock } = setup()
    const db = openConsoleDb(null)
    const timeline = new RebalanceTimeline(db, () => clock.now())
    timeline.attach(c)
    const a = await c.join(joinReq(G, { clientId: 'alpha', sessionTimeoutMs: 6000 }))
    await c.sync({ groupId: G, memberId: a.memberId, groupInstanceId: null, generationId: a.generationId, protocolType: null, protocolName: null,
      assignments: [{ memberId: a.memberId, assignment: assignment([{ topic: 't1', partitions: [0, 1] }]) }] })
    // A second member joins; both rejoin; the leader gives it partition 1.
    const bJoin = c.join(joinReq(G, { clientId: 'beta', sessionTimeoutMs: 6000 }))
    const aRe = await c.join(joinReq(G, { memberId: a.memberId, clientId: 'alpha', sessionTimeoutMs: 6000 }))
    const b = await bJoin
    const bSync = c.sync({ groupId: G, memberId: b.memberId, groupInstanceId: null, generationId: b.generationId, protocolType: null, protocolName: null, assignments: [] })
    await c.sync({ groupId: G, memberId: aRe.memberId, groupInstanceId: null, generationId: aRe.generationId, protocolType: null, protocolName: null,
      assignments: [
        { memberId: a.memberId, assignment: assignment([{ topic: 't1', partitions: [0] }]) },
        { memberId: b.memberId, assignment: assignment([{ topic: 't1', partitions: [1] }]) },
      ] })
    await bSync
    // beta stops heartbeating; alpha keeps going until beta's session expires.
    for (let i = 0; i < 7; i++) {
      clock.advance(1000)
      c.heartbeat({ groupId: G, memberId: a.memberId, groupInstanceId: null, generationId: aRe.generationId })
    }
    const kinds = timeline.events(G).map((e) => e.kind)
    expect(kinds.filter((k) => k === 'member-joined')).toHaveLength(2)
    expect(kinds).toContain('member-timed-out')
    const syncs = timeline.events(G).filter((e) => e.kind === 'sync-completed')
    expect(syncs.map((s) => s.generationId)).toEqual([1, 2])
    expect(syncs[1]?.moved).toEqual([{ topic: 't1', partition: 1, fromMember: a.memberId, toMember: b.memberId }])
    const timedOut = timeline.events(G).find((e) => e.kind === 'member-timed-out')
    expect(timedOut?.clientId).toBe('beta')
    expect(kinds.at(-1)).toBe('rebalance-started')
    timeline.detach()
    db.close()
  })
})
