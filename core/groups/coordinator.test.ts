import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../protocol/error-codes'
import { FakeClock } from './clock'
import { readAssignment, readSubscriptionTopics } from './consumer-protocol'
import { assignment, joinReq, setup, subscription } from './testing'

const G = 'g1'
const off = (topic: string, partition: number, offset: bigint, metadata: string | null = 'm') =>
  ({ topic, partition, offset, leaderEpoch: -1, metadata })

async function stableGroup(c: ReturnType<typeof setup>['coordinator'], topics = ['t1']) {
  const j = await c.join(joinReq(G, { protocols: [{ name: 'range', metadata: subscription(topics) }] }))
  await c.sync({ groupId: G, memberId: j.memberId, groupInstanceId: null, generationId: j.generationId, protocolType: null,
    protocolName: null, assignments: [{ memberId: j.memberId, assignment: assignment([{ topic: 't1', partitions: [0, 1] }]) }] })
  return j
}

describe('coordinator: offsets', () => {
  it('accepts simple commits to a group without members; fetch returns -1 for the rest', () => {
    const { coordinator: c, store } = setup()
    const res = c.commitOffsets(G, '', -1, null, [off('t1', 0, 5n, null), off('t1', 1, 7n)])
    expect(res.map((r) => r.errorCode)).toEqual([0, 0])
    expect(store.rows.size).toBe(2)
    const f = c.fetchOffsets(G, [{ topic: 't1', partitions: [0, 1, 2] }])
    expect(f.topics[0]!.partitions).toEqual([
      { partition: 0, offset: 5n, leaderEpoch: -1, metadata: '', errorCode: 0 },
      { partition: 1, offset: 7n, leaderEpoch: -1, metadata: 'm', errorCode: 0 },
      { partition: 2, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: 0 },
    ])
    expect(c.fetchOffsets(G, null).topics).toEqual([{ topic: 't1', partitions: expect.any(Array) }])
    expect(c.fetchOffsets('other', null).topics).toEqual([])
    // A generation for a group nobody is in comes from a gone member.
    expect(c.commitOffsets('g2', 'm', 3, null, [off('t1', 0, 1n)])[0]!.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION)
    expect(c.commitOffsets(G, '', -1, null, [off('t1', 0, 1n, 'x'.repeat(5000))])[0]!.errorCode).toBe(ErrorCode.OFFSET_METADATA_TOO_LARGE)
  })

  it('applies member rules for commits', async () => {
    const { coordinator: c } = setup()
    const j = await stableGroup(c)
    expect(c.commitOffsets(G, j.memberId, 1, null, [off('t1', 0, 1n)])[0]!.errorCode).toBe(0)
    expect(c.commitOffsets(G, j.memberId, 0, null, [off('t1', 0, 1n)])[0]!.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION)
    expect(c.commitOffsets(G, 'ghost', 1, null, [off('t1', 0, 1n)])[0]!.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
    expect(c.commitOffsets(G, '', -1, null, [off('t1', 0, 1n)])[0]!.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID)
    // A second member joins → CompletingRebalance after both joined: commits get REBALANCE_IN_PROGRESS.
    const second = c.join(joinReq(G, { clientId: 'b' }))
    expect(c.commitOffsets(G, j.memberId, 1, null, [off('t1', 0, 2n)])[0]!.errorCode).toBe(0) // PreparingRebalance: allowed
    await c.join(joinReq(G, { memberId: j.memberId }))
    await second
    expect(c.commitOffsets(G, j.memberId, 2, null, [off('t1', 0, 2n)])[0]!.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS)
  })

  it('OffsetDelete keeps offsets of subscribed topics', async () => {
    const { coordinator: c, store } = setup()
    expect(c.deleteOffsets(G, [{ topic: 't1', partition: 0 }]).errorCode).toBe(ErrorCode.GROUP_ID_NOT_FOUND)
    const j = await stableGroup(c)
    c.commitOffsets(G, j.memberId, 1, null, [off('t1', 0, 1n), off('t2', 0, 1n)])
    const res = c.deleteOffsets(G, [{ topic: 't1', partition: 0 }, { topic: 't2', partition: 0 }])
    expect(res).toEqual({ errorCode: 0, partitions: [
      { topic: 't1', partition: 0, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC },
      { topic: 't2', partition: 0, errorCode: 0 },
    ] })
    expect([...store.rows.values()].map((o) => o.topic)).toEqual(['t1'])
    c.leave(G, [{ memberId: j.memberId, groupInstanceId: null }])
    expect(c.deleteOffsets(G, [{ topic: 't1', partition: 0 }]).partitions[0]!.errorCode).toBe(0)
    expect(store.rows.size).toBe(0)
  })
})

describe('coordinator: groups', () => {
  it('describes, lists with a state filter and deletes groups', async () => {
    const { coordinator: c } = setup()
    const j = await stableGroup(c)
    c.commitOffsets('offsets-only', '', -1, null, [off('t1', 0, 1n)])
    expect(c.describeGroup(G)).toMatchObject({ errorCode: 0, state: 'Stable', protocolType: 'consumer', protocol: 'range',
      members: [{ memberId: j.memberId, clientId: 'client', clientHost: '/127.0.0.1' }] })
    expect(c.describeGroup('nope')).toMatchObject({ errorCode: 0, state: 'Dead', members: [] })
    expect(c.describeGroup('offsets-only').state).toBe('Empty')
    expect(c.listGroups().map((g) => [g.groupId, g.state])).toEqual([[G, 'Stable'], ['offsets-only', 'Empty']])
    expect(c.listGroups(['empty']).map((g) => g.groupId)).toEqual(['offsets-only'])
    expect(c.listGroups(['Stable', 'PreparingRebalance']).map((g) => g.groupId)).toEqual([G])
    expect(c.deleteGroups([G, 'offsets-only', 'nope'])).toEqual([
      { groupId: G, errorCode: ErrorCode.NON_EMPTY_GROUP },
      { groupId: 'offsets-only', errorCode: 0 },
      { groupId: 'nope', errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ])
    c.leave(G, [{ memberId: j.memberId, groupInstanceId: null }])
    expect(c.deleteGroups([G])[0]!.errorCode).toBe(0)
    expect(c.listGroups()).toEqual([])
  })

  it('snapshot decodes consumer assignments; shutdown answers parked joins', async () => {
    const { coordinator: c } = setup()
    const j = await stableGroup(c, ['t1', 't2'])
    const snap = c.snapshot()
    expect(snap).toEqual([{ groupId: G, state: 'Stable', generationId: 1, protocolType: 'consumer', protocol: 'range', leader: j.memberId,
      members: [expect.objectContaining({ memberId: j.memberId, assignment: [{ topic: 't1', partitions: [0, 1] }], subscribedTopics: ['t1', 't2'] })] }])
    const parked = c.join(joinReq(G, { clientId: 'b' }))
    c.shutdown()
    expect((await parked).errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE)
  })
})

describe('consumer protocol and clock', () => {
  it('reads subscriptions and assignments, tolerating garbage', () => {
    expect(readSubscriptionTopics(subscription(['a', 'b']))).toEqual(['a', 'b'])
    expect(readAssignment(assignment([{ topic: 'a', partitions: [3] }]))).toEqual([{ topic: 'a', partitions: [3] }])
    expect(readAssignment(Buffer.alloc(0))).toEqual([])
    expect(readAssignment(Buffer.from([0, 0, 0x7f, 0xff, 0xff, 0xff]))).toBeUndefined()
  })

  it('FakeClock fires due timers in order, including ones scheduled meanwhile', () => {
    const clock = new FakeClock(0)
    const fired: string[] = []
    clock.setTimeout(() => fired.push('b'), 20)
    const h = clock.setTimeout(() => fired.push('x'), 15)
    clock.setTimeout(() => {
      fired.push('a')
      clock.setTimeout(() => fired.push('c'), 15)
    }, 10)
    clock.clearTimeout(h)
    clock.advance(24)
    expect(fired).toEqual(['a', 'b'])
    expect(clock.now()).toBe(24)
    clock.advance(1)
    expect(fired).toEqual(['a', 'b', 'c'])
  })
})
