// Issue 3 acceptance: describe/list/delete groups through kafkajs admin and confluent-kafka-python 1.7's
// AdminClient, and committed offsets surviving a broker restart on SQLite.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AssignerProtocol, type Consumer, type Kafka } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import { tempDataDir, testBroker, uniqueTopic } from './helpers'
import { PYTHON, committedOffsets, groupStable, highWatermarks, kafkaFor, produceSpread, waitUntil } from './issue3-support'

const PARTITIONS = 6
const ADMIN_SCRIPT = fileURLToPath(new URL('./python/issue3_admin.py', import.meta.url))
let broker: RunningBroker

beforeAll(async () => {
  broker = await testBroker()
})
afterAll(async () => broker?.stop())

interface PyGroup {
  id: string
  error: number | null
  state: string
  protocol_type: string
  protocol: string
  members: { id: string; client_id: string; assignment_len: number }[]
}

/** Asynchronous on purpose: the broker runs in this process, so a blocking spawnSync would starve it. */
function confluentListGroups(bootstrap: string, group: string): Promise<{ api: string[]; all: PyGroup[]; one: PyGroup[] }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [ADMIN_SCRIPT, bootstrap, group], { encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`issue3_admin.py failed: ${err.message}\n${stderr}`))
      else resolve(JSON.parse(stdout))
    })
  })
}

/** In-process kafkajs member that records what it consumed. */
async function startConsumer(kafka: Kafka, group: string, topic: string, seen: string[]): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: group, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 300 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  await consumer.run({ eachMessage: async ({ partition, message }) => void seen.push(`${partition}:${message.offset}`) })
  return consumer
}

async function consumeAll(b: RunningBroker, group: string, topic: string, seen: string[], total: number): Promise<void> {
  const consumer = await startConsumer(kafkaFor(b), group, topic, seen)
  await waitUntil(`${total} messages consumed`, () => seen.length >= total, 20_000)
  await consumer.disconnect()
  await waitUntil('committed = high watermarks', () =>
    committedOffsets(b, group, topic, PARTITIONS).join() === highWatermarks(b, topic, PARTITIONS).join(), 5000)
}

describe('group admin', () => {
  it('kafkajs admin and confluent AdminClient describe, list and delete a group with the right states and errors', async () => {
    const topic = uniqueTopic('i3-admin')
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 5)
    const kafka = kafkaFor(broker)
    const seen: string[] = []
    const consumers = [await startConsumer(kafka, group, topic, seen), await startConsumer(kafka, group, topic, seen)]
    await waitUntil('two stable members', () => groupStable(broker, group, 2), 20_000)
    const admin = kafka.admin()
    await admin.connect()
    try {
      const { groups: [active] } = await admin.describeGroups([group])
      expect(active).toMatchObject({ groupId: group, state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' })
      const owned = active!.members.flatMap((m) =>
        AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? [])
      expect(owned.sort()).toEqual([0, 1, 2, 3, 4, 5])
      expect((await admin.listGroups()).groups).toContainEqual({ groupId: group, protocolType: 'consumer' })
      const deleting = await admin.deleteGroups([group]).then(() => null, (e: { groups?: { errorCode: number; error?: { type: string } }[] }) => e)
      expect(deleting?.groups?.[0]?.error?.type).toBe('NON_EMPTY_GROUP')

      const py = await confluentListGroups(broker.bootstrap, group)
      // confluent-kafka 1.7 has list_groups only: no list/describe/delete_consumer_groups yet.
      expect(py.api).toEqual(['list_groups'])
      expect(py.all.map((g) => g.id)).toContain(group)
      expect(py.one[0]).toMatchObject({ id: group, error: null, state: 'Stable', protocol_type: 'consumer', protocol: 'RoundRobinAssigner' })
      expect(py.one[0]!.members).toHaveLength(2)
      expect(py.one[0]!.members.every((m) => m.assignment_len > 0)).toBe(true)

      await Promise.all(consumers.map((c) => c.disconnect()))
      const { groups: [empty] } = await admin.describeGroups([group])
      expect(empty).toMatchObject({ state: 'Empty', members: [] })
      expect((await confluentListGroups(broker.bootstrap, group)).one[0]).toMatchObject({ state: 'Empty', members: [] })

      expect(await admin.deleteGroups([group])).toEqual([expect.objectContaining({ groupId: group, errorCode: 0 })])
      const { groups: [gone] } = await admin.describeGroups([group])
      expect(gone!.state).toBe('Dead')
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] })
      expect(offsets!.partitions.map((p) => p.offset)).toEqual(Array(PARTITIONS).fill('-1'))
      const again = await admin.deleteGroups([group]).then(() => null, (e: { groups?: { error?: { type: string } }[] }) => e)
      expect(again?.groups?.[0]?.error?.type).toBe('GROUP_ID_NOT_FOUND')
      expect((await confluentListGroups(broker.bootstrap, group)).all.map((g) => g.id)).not.toContain(group)
    } finally {
      await admin.disconnect()
      await Promise.allSettled(consumers.map((c) => c.disconnect()))
    }
  }, 55_000)

  it('committed offsets survive a broker restart (SQLite dataDir) and the group resumes there', async () => {
    const data = tempDataDir()
    const topic = uniqueTopic('i3-restart')
    const group = uniqueTopic('g')
    let b = await testBroker({ memory: false, dataDir: data.dir })
    try {
      await produceSpread(b, topic, PARTITIONS, 8)
      const before: string[] = []
      await consumeAll(b, group, topic, before, PARTITIONS * 8)
      await b.stop()

      b = await testBroker({ memory: false, dataDir: data.dir })
      expect(committedOffsets(b, group, topic, PARTITIONS)).toEqual(Array(PARTITIONS).fill(8n))
      const admin = kafkaFor(b).admin()
      await admin.connect()
      const [fetched] = await admin.fetchOffsets({ groupId: group, topics: [topic] })
      expect(fetched!.partitions.map((p) => p.offset)).toEqual(Array(PARTITIONS).fill('8'))
      expect((await admin.describeGroups([group])).groups[0]!.state).toBe('Empty')
      await admin.disconnect()

      await produceSpread(b, topic, PARTITIONS, 4, 8, false)
      const after: string[] = []
      await consumeAll(b, group, topic, after, PARTITIONS * 4)
      // Only the messages produced after the restart: nothing before the committed offsets is read again.
      expect(after.map((s) => Number(s.split(':')[1])).every((o) => o >= 8)).toBe(true)
      expect(new Set(after).size).toBe(PARTITIONS * 4)
    } finally {
      await b.stop()
      data.cleanup()
    }
  }, 55_000)
})
