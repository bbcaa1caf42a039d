import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../protocol/error-codes'
import { assignment, flush, joinReq, setup, subscription, track } from './testing'
import type { GroupEvent } from './types'

const G = 'g1'

/** One member through join + sync; returns its id and generation. */
async function joinAndSync(c: ReturnType<typeof setup>['coordinator'], over = {}) {
  const j = await c.join(joinReq(G, over))
  expect(j.errorCode).toBe(ErrorCode.NONE)
  const assignments = j.members.map((m) => ({ memberId: m.memberId, assignment: assignment([{ topic: 't1', partitions: [0] }]) }))
  const s = await c.sync({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: j.generationId,
    protocolType: 'consumer', protocolName: 'range', assignments })
  return { j, s }
}

describe('group: single member', () => {
  it('joins, syncs and heartbeats', async () => {
    const { coordinator: c } = setup()
    const { j, s } = await joinAndSync(c)
    expect(j).toMatchObject({ generationId: 1, protocolType: 'consumer', protocolName: 'range', leader: j.memberId })
    expect(j.memberId).toMatch(/^client-/)
    expect(j.members).toHaveLength(1)
    expect(s.errorCode).toBe(ErrorCode.NONE)
    expect(s.assignment.length).toBeGreaterThan(0)
    expect(c.heartbeat({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: 1 })).toBe(ErrorCode.NONE)
    expect(c.describeGroup(G)).toMatchObject({ state: 'Stable', protocol: 'range', protocolType: 'consumer' })
  })

  it('MEMBER_ID_REQUIRED round trip (JoinGroup v4+)', async () => {
    const { coordinator: c, clock } = setup()
    const first = await c.join(joinReq(G, { requireKnownMemberId: true }))
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED)
    expect(first.memberId).toMatch(/^client-[0-9a-f-]{36}$/)
    const second = await c.join(joinReq(G, { requireKnownMemberId: true, memberId: first.memberId }))
    expect(second).toMatchObject({ errorCode: 0, memberId: first.memberId, generationId: 1, leader: first.memberId })
    // A handed-out id that is not used within the session timeout expires.
    const other = await c.join(joinReq(G, { requireKnownMemberId: true }))
    clock.advance(10_001)
    const late = await c.join(joinReq(G, { requireKnownMemberId: true, memberId: other.memberId }))
    expect(late.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
  })

  it('rejects bad session timeouts and inconsistent protocols', async () => {
    const { coordinator: c } = setup()
    expect((await c.join(joinReq(G, { sessionTimeoutMs: 100 }))).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT)
    await joinAndSync(c)
    const bad = await c.join(joinReq(G, { protocols: [{ name: 'roundrobin', metadata: subscription(['t1']) }] }))
    expect(bad.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL)
    const badType = await c.join(joinReq(G, { protocolType: 'connect' }))
    expect(badType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL)
  })

  it('leave of the last member empties the group', async () => {
    const { coordinator: c } = setup()
    const { j } = await joinAndSync(c)
    const res = c.leave(G, [{ memberId: j.memberId, groupInstanceId: null }])
    expect(res.members[0]?.errorCode).toBe(ErrorCode.NONE)
    expect(c.describeGroup(G).state).toBe('Empty')
    expect(c.heartbeat({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: 1 })).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
    expect(c.leave(G, [{ memberId: 'nobody', groupInstanceId: null }]).members[0]?.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
  })
})

describe('group: several members', () => {
  it('join storm: one leader, metadata only for the leader, generation bumps', async () => {
    const { coordinator: c, clock } = setup(3000)
    const events: GroupEvent[] = []
    c.events.on((e) => events.push(e))
    const joins = [1, 2, 3].map((i) => track(c.join(joinReq(G, { clientId: `c${i}`,
      protocols: [{ name: 'cooperative-sticky', metadata: subscription(['t1']) }, { name: 'range', metadata: subscription(['t1']) }] }))))
    // Members 2 and 3 arrived during the first delay, so it is extended once (Kafka's InitialDelayedJoin).
    clock.advance(5999)
    await flush()
    expect(joins.some((j) => j.done)).toBe(false)
    clock.advance(1)
    await flush()
    const results = joins.map((j) => j.value!)
    expect(results.every((r) => r.errorCode === 0 && r.generationId === 1 && r.protocolName === 'cooperative-sticky')).toBe(true)
    const leaders = results.filter((r) => r.members.length > 0)
    expect(leaders).toHaveLength(1)
    expect(leaders[0]!.memberId).toBe(results[0]!.leader)
    expect(leaders[0]!.members).toHaveLength(3)
    // A fourth member joins: everybody rejoins, generation 2.
    const leader = leaders[0]!
    const hb = () => results.map((r) => c.heartbeat({ groupId: G, memberId: r.memberId, groupInstanceId: null, generationId: 1 }))
    const fourth = track(c.join(joinReq(G, { clientId: 'c4' })))
    expect(hb()).toEqual([27, 27, 27])
    const rejoins = results.map((r) => track(c.join(joinReq(G, { memberId: r.memberId, clientId: 'x',
      protocols: [{ name: 'cooperative-sticky', metadata: subscription(['t1']) }, { name: 'range', metadata: subscription(['t1']) }] }))))
    await flush()
    expect(fourth.value).toMatchObject({ errorCode: 0, generationId: 2, protocolName: 'range', leader: leader.memberId })
    expect(rejoins.every((r) => r.value?.generationId === 2)).toBe(true)
    expect(events.filter((e) => e.type === 'group-state').map((e) => e.type === 'group-state' && e.to))
      .toEqual(['PreparingRebalance', 'CompletingRebalance', 'PreparingRebalance', 'CompletingRebalance'])
  })

  it('a member that never rejoins is dropped at the rebalance timeout', async () => {
    const { coordinator: c, clock } = setup()
    const a = await c.join(joinReq(G, { clientId: 'a', sessionTimeoutMs: 60_000 }))
    const b = track(c.join(joinReq(G, { clientId: 'b', sessionTimeoutMs: 60_000 })))
    await flush()
    expect(b.done).toBe(false) // a must rejoin (it is in CompletingRebalance → new rebalance)
    clock.advance(30_000)
    await flush()
    expect(b.value).toMatchObject({ errorCode: 0, generationId: 2 })
    expect(c.describeGroup(G).members.map((m) => m.memberId)).toEqual([b.value!.memberId])
    expect(c.heartbeat({ groupId: G, memberId: a.memberId, groupInstanceId: null, generationId: 1 })).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
  })

  it('a join during CompletingRebalance restarts it; pending syncs get REBALANCE_IN_PROGRESS', async () => {
    const { coordinator: c } = setup()
    const a = await c.join(joinReq(G, { clientId: 'a' }))
    const b = track(c.join(joinReq(G, { clientId: 'b' })))
    await c.join(joinReq(G, { memberId: a.memberId }))
    await flush()
    const bj = b.value!
    expect(bj.generationId).toBe(2)
    expect(c.describeGroup(G).state).toBe('CompletingRebalance')
    const follower = bj.memberId === bj.leader ? a.memberId : bj.memberId
    const sync = track(c.sync({ groupId: G, memberId: follower, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [] }))
    await flush()
    expect(sync.done).toBe(false)
    const third = track(c.join(joinReq(G, { clientId: 'c' })))
    await flush()
    expect(sync.value?.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS)
    expect(third.done).toBe(false)
    expect(c.describeGroup(G).state).toBe('PreparingRebalance')
    // Sync during PreparingRebalance is refused too.
    const late = await c.sync({ groupId: G, memberId: follower, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [] })
    expect(late.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS)
  })

  it('a member that never syncs is removed after its session timeout', async () => {
    const { coordinator: c, clock } = setup()
    const a = await c.join(joinReq(G, { clientId: 'a', sessionTimeoutMs: 6000 }))
    const b = track(c.join(joinReq(G, { clientId: 'b' })))
    const a2 = await c.join(joinReq(G, { memberId: a.memberId, sessionTimeoutMs: 6000 }))
    await flush()
    // The leader (a) never syncs; b waits in SyncGroup (kept alive while parked).
    expect(a2.leader).toBe(a.memberId)
    const bSync = track(c.sync({ groupId: G, memberId: b.value!.memberId, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [] }))
    clock.advance(5999)
    await flush()
    expect(bSync.done).toBe(false)
    clock.advance(1)
    await flush()
    expect(bSync.value?.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS)
    expect(c.describeGroup(G).members.map((m) => m.memberId)).toEqual([b.value!.memberId])
  })

  it('heartbeat from a stale generation → ILLEGAL_GENERATION', async () => {
    const { coordinator: c } = setup()
    const { j } = await joinAndSync(c)
    expect(c.heartbeat({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: 0 })).toBe(ErrorCode.ILLEGAL_GENERATION)
    const s = await c.sync({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: 7, protocolType: null, protocolName: null, assignments: [] })
    expect(s.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION)
  })

  it('session expiry of one of two members triggers a rebalance', async () => {
    const { coordinator: c, clock } = setup()
    const events: GroupEvent[] = []
    c.events.on((e) => events.push(e))
    const a = await c.join(joinReq(G, { clientId: 'a' }))
    const b = track(c.join(joinReq(G, { clientId: 'b' })))
    const a2 = await c.join(joinReq(G, { memberId: a.memberId }))
    await flush()
    const assignments = [a.memberId, b.value!.memberId].map((memberId) => ({ memberId, assignment: assignment([{ topic: 't1', partitions: [0] }]) }))
    await c.sync({ groupId: G, memberId: a.memberId, groupInstanceId: null, generationId: a2.generationId, protocolType: null, protocolName: null, assignments })
    expect(c.describeGroup(G).state).toBe('Stable')
    for (let t = 0; t < 4; t++) {
      clock.advance(3000)
      expect(c.heartbeat({ groupId: G, memberId: a.memberId, groupInstanceId: null, generationId: 2 })).toBe(t < 3 ? 0 : 27)
    }
    expect(events.some((e) => e.type === 'member-timed-out' && e.memberId === b.value!.memberId)).toBe(true)
    const again = await c.join(joinReq(G, { memberId: a.memberId }))
    expect(again).toMatchObject({ errorCode: 0, generationId: 3 })
  })
})

describe('group: static membership (KIP-345)', () => {
  it('a restarted static member gets its assignment back without a rebalance', async () => {
    const { coordinator: c } = setup()
    const a = await joinAndSync(c, { groupInstanceId: 'i-a', clientId: 'a' })
    const b = track(c.join(joinReq(G, { groupInstanceId: 'i-b', clientId: 'b' })))
    const a2 = await c.join(joinReq(G, { memberId: a.j.memberId, groupInstanceId: 'i-a' }))
    await flush()
    const bId = b.value!.memberId
    const asg = (p: number) => assignment([{ topic: 't1', partitions: [p] }])
    const bSync = track(c.sync({ groupId: G, memberId: bId, groupInstanceId: 'i-b', generationId: 2, protocolType: null, protocolName: null, assignments: [] }))
    await c.sync({ groupId: G, memberId: a2.memberId, groupInstanceId: 'i-a', generationId: 2, protocolType: null, protocolName: null,
      assignments: [{ memberId: a2.memberId, assignment: asg(0) }, { memberId: bId, assignment: asg(1) }] })
    await flush()
    expect(bSync.value?.assignment.equals(asg(1))).toBe(true)
    // b restarts: new join without member id, same instance id.
    const restarted = await c.join(joinReq(G, { groupInstanceId: 'i-b', clientId: 'b' }))
    expect(restarted).toMatchObject({ errorCode: 0, generationId: 2, skipAssignment: false, members: [] })
    expect(restarted.memberId).not.toBe(bId)
    expect(c.describeGroup(G).state).toBe('Stable')
    const s = await c.sync({ groupId: G, memberId: restarted.memberId, groupInstanceId: 'i-b', generationId: 2, protocolType: null, protocolName: null, assignments: [] })
    expect(s.assignment.equals(asg(1))).toBe(true)
    // The old member id is fenced.
    expect(c.heartbeat({ groupId: G, memberId: bId, groupInstanceId: 'i-b', generationId: 2 })).toBe(ErrorCode.FENCED_INSTANCE_ID)
    const fencedJoin = await c.join(joinReq(G, { memberId: bId, groupInstanceId: 'i-b' }))
    expect(fencedJoin.errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID)
    // A restarted static leader is told to skip the assignment (KIP-814).
    const leader = await c.join(joinReq(G, { groupInstanceId: 'i-a', clientId: 'a' }))
    expect(leader).toMatchObject({ errorCode: 0, generationId: 2, skipAssignment: true })
    expect(leader.leader).toBe(leader.memberId)
    expect(leader.members).toHaveLength(2)
  })

  it('LeaveGroup by instance id removes a static member', async () => {
    const { coordinator: c } = setup()
    await joinAndSync(c, { groupInstanceId: 'i-a' })
    const res = c.leave(G, [{ memberId: '', groupInstanceId: 'i-a' }, { memberId: '', groupInstanceId: 'i-x' }])
    expect(res.members.map((m) => m.errorCode)).toEqual([0, ErrorCode.UNKNOWN_MEMBER_ID])
    expect(c.describeGroup(G).state).toBe('Empty')
  })
})
