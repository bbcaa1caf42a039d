// Issue 3 acceptance with kafkajs 2.2.4, confluent-kafka-python 1.7 (librdkafka 2.0.2) and kafka-python 2.0.2.
// Every member is its own process (python/issue3_consumer.py under /usr/bin/python3, or issue3-kafkajs-member.mjs),
// so a crash is a real SIGKILL; members print JSON lines of their assignment and the messages they consumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { testBroker, uniqueTopic } from './helpers'
import {
  MemberProcess, committedOffsets, groupStable, highWatermarks, missingOffsets, partitionCover, produceSpread,
  kafkajsMember, pythonMember, recordGroupEvents, waitUntil, type MemberOptions, type PyLib,
} from './issue3-support'

const PARTITIONS = 6
let broker: RunningBroker
const running: MemberProcess[] = []

beforeAll(async () => {
  broker = await testBroker()
})
afterAll(async () => {
  await Promise.allSettled(running.map((c) => c.kill()))
  await broker?.stop()
})

type Lib = PyLib | 'kafkajs'

function consumer(lib: Lib, group: string, topic: string, opts: MemberOptions = {}): MemberProcess {
  const c = lib === 'kafkajs' ? kafkajsMember(broker.bootstrap, group, topic, opts) : pythonMember(lib, broker.bootstrap, group, topic, opts)
  running.push(c)
  return c
}

/** Waits until the live consumers' reported assignments match a Stable group of exactly those members. */
async function settled(group: string, live: MemberProcess[], timeoutMs = 20_000): Promise<void> {
  await waitUntil(`group ${group} stable with ${live.length} members covering ${PARTITIONS} partitions`, () =>
    groupStable(broker, group, live.length) && partitionCover(live.map((c) => c.assignment), PARTITIONS).exact &&
    live.every((c) => c.assignment.length > 0), timeoutMs)
}

async function allConsumed(topic: string, members: MemberProcess[], timeoutMs = 20_000): Promise<void> {
  const hws = highWatermarks(broker, topic, PARTITIONS)
  await waitUntil(`every message of ${topic} consumed`, () =>
    missingOffsets(members.flatMap((c) => c.messages), hws).length === 0, timeoutMs)
}

async function committedAtEnd(group: string, topic: string): Promise<void> {
  await waitUntil('committed offsets = high watermarks', () =>
    committedOffsets(broker, group, topic, PARTITIONS).join() === highWatermarks(broker, topic, PARTITIONS).join(), 5000)
}

describe.each<Lib>(['kafkajs', 'confluent', 'kafkapython'])('%s consumer group', (lib) => {
  it('three members split a 6-partition topic, consume everything and commit the high watermarks', async () => {
    const topic = uniqueTopic(`i3-${lib}-split`)
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 40)
    const members = [consumer(lib, group, topic), consumer(lib, group, topic), consumer(lib, group, topic)]
    await settled(group, members, 30_000)
    expect(partitionCover(members.map((c) => c.assignment), PARTITIONS).exact).toBe(true)
    await allConsumed(topic, members)
    // Each message was consumed by its partition's owner; with one generation for all three, no duplicates.
    expect(members.flatMap((c) => c.messages).length).toBeGreaterThanOrEqual(PARTITIONS * 40)
    await Promise.all(members.map((c) => c.terminate()))
    expect(members.every((c) => c.closed)).toBe(true)
    await committedAtEnd(group, topic)
    expect(broker.context.groups.describeGroup(group).state).toBe('Empty')
  }, 55_000)

  it('rebalances on join, clean leave and a killed member without skipping a message', async () => {
    const topic = uniqueTopic(`i3-${lib}-rebalance`)
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 10)
    const a = consumer(lib, group, topic, { sessionMs: 6000 })
    await settled(group, [a])
    const leaderOf = () => broker.context.groups.snapshot().find((g) => g.groupId === group)?.leader
    const aMemberId = leaderOf()
    const b = consumer(lib, group, topic)
    await settled(group, [a, b])
    await produceSpread(broker, topic, PARTITIONS, 10, 10, false)
    const c = consumer(lib, group, topic)
    await settled(group, [a, b, c])
    await allConsumed(topic, [a, b, c])

    // Clean leave: LeaveGroup rebalances at once, far below the 6 s session timeout.
    const leftAt = Date.now()
    await b.terminate()
    await settled(group, [a, c], 5000)
    expect(Date.now() - leftAt).toBeLessThan(5000)
    await produceSpread(broker, topic, PARTITIONS, 10, 20, false)
    await allConsumed(topic, [a, b, c])

    // Crash of the leader (a joined first): only the session timeout (6 s) removes it; c then owns everything.
    expect(leaderOf()).toBe(aMemberId)
    const seen = recordGroupEvents(broker, group)
    await a.kill()
    await produceSpread(broker, topic, PARTITIONS, 10, 30, false)
    await settled(group, [c], 15_000)
    seen.stop()
    expect(seen.events.some((e) => e.type === 'member-timed-out' && e.memberId === aMemberId)).toBe(true)
    expect(leaderOf()).not.toBe(aMemberId)
    await allConsumed(topic, [a, b, c])
    expect(missingOffsets([a, b, c].flatMap((x) => x.messages), highWatermarks(broker, topic, PARTITIONS))).toEqual([])
    await c.terminate()
    await committedAtEnd(group, topic)
  }, 58_000)
})

describe('confluent static membership (group.instance.id)', () => {
  it('static members restarted within their session timeout keep their partitions without a rebalance', async () => {
    const topic = uniqueTopic('i3-static')
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 5)
    const opts = (instance: string) => ({ instance, sessionMs: 20_000 })
    const live = new Map([['one', consumer('confluent', group, topic, opts('one'))], ['two', consumer('confluent', group, topic, opts('two'))]])
    const everyone = [...live.values()]
    await settled(group, everyone)
    await allConsumed(topic, everyone)
    const before = broker.context.groups.snapshot().find((g) => g.groupId === group)!
    const leaderInstance = before.members.find((m) => m.memberId === before.leader)!.groupInstanceId!
    const followerInstance = leaderInstance === 'one' ? 'two' : 'one'
    const seen = recordGroupEvents(broker, group)
    // The follower first, then the leader (whose rejoin must not recompute the assignment, KIP-814).
    let round = 0
    for (const instance of [followerInstance, leaderInstance]) {
      const old = live.get(instance)!
      const kept = old.assignment
      await old.kill()
      const restarted = consumer('confluent', group, topic, opts(instance))
      live.set(instance, restarted)
      everyone.push(restarted)
      await waitUntil(`restarted static member ${instance} assigned`, () => restarted.assignCount > 0, 20_000)
      expect(restarted.assignment).toEqual(kept)
      round++
      await produceSpread(broker, topic, PARTITIONS, 5, 5 * round + 5, false)
      await allConsumed(topic, everyone)
    }
    seen.stop()
    const after = broker.context.groups.snapshot().find((g) => g.groupId === group)!
    expect(seen.events.filter((e) => e.type === 'group-state')).toEqual([])
    expect(seen.events.filter((e) => e.type === 'member-replaced')).toHaveLength(2)
    expect(after.generationId).toBe(before.generationId)
    expect(after.state).toBe('Stable')
    await Promise.all([...live.values()].map((c) => c.terminate()))
  }, 55_000)

  it('a second process with the same group.instance.id fences the first (KIP-345) without a rebalance', async () => {
    const topic = uniqueTopic('i3-fence')
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 5)
    const first = consumer('confluent', group, topic, { instance: 'dup', sessionMs: 10_000 })
    await settled(group, [first])
    const seen = recordGroupEvents(broker, group)
    const second = consumer('confluent', group, topic, { instance: 'dup', sessionMs: 10_000 })
    await waitUntil('second member assigned', () => second.assignment.length === PARTITIONS, 20_000)
    // librdkafka raises a fatal error in the fenced client on its next heartbeat or commit.
    await waitUntil('first member fenced', () => [...first.errors, ...first.stderr].some((l) => /fenced/i.test(l)), 10_000)
    await produceSpread(broker, topic, PARTITIONS, 5, 5, false)
    await waitUntil('new messages consumed by the second member', () =>
      missingOffsets(second.messages, highWatermarks(broker, topic, PARTITIONS)).every((k) => Number(k.split(':')[1]) < 5),
    20_000)
    seen.stop()
    expect(seen.events.filter((e) => e.type === 'group-state')).toEqual([])
    expect(seen.events.filter((e) => e.type === 'member-replaced')).toHaveLength(1)
    expect(broker.context.groups.snapshot().find((g) => g.groupId === group)?.members).toHaveLength(1)
    await first.kill()
    await second.terminate()
  }, 45_000)
})

describe('confluent cooperative-sticky (KIP-429 incremental rebalancing over the classic protocol)', () => {
  it('three members converge on a full, disjoint assignment and take over a leaving member\'s partitions', async () => {
    const topic = uniqueTopic('i3-coop')
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 10)
    const opts = { assignor: 'cooperative-sticky' }
    const a = consumer('confluent', group, topic, opts)
    await settled(group, [a])
    const b = consumer('confluent', group, topic, opts)
    const c = consumer('confluent', group, topic, opts)
    await settled(group, [a, b, c])
    await b.terminate()
    await settled(group, [a, c])
    await produceSpread(broker, topic, PARTITIONS, 10, 10, false)
    await allConsumed(topic, [a, b, c])
    await Promise.all([a.terminate(), c.terminate()])
    await committedAtEnd(group, topic)
  }, 45_000)
})
