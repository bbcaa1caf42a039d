// scale.ts: many connections at once, one large consumer group joining in waves, and requests near and over
// the 100 MiB frame cap (Kafka's socket.request.max.bytes).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AssignerProtocol, type Consumer } from 'kafkajs'
import { ErrorCode } from '../../core/protocol/error-codes'
import { readApiVersionsResponse, readMetadataResponse, readProduceResponse } from '../../core/protocol/generated'
import { encodeBatch } from '../../core/protocol/records'
import { apiVersionsFrame, metadataFrame, produceFrame } from '../clients/frames'
import { RawConnection } from '../clients/raw-client'
import { MiB, mib, sampleRss, spawnBroker, type BrokerProcess } from './broker-process'
import { check, kafka, readPartition, sizes, sleep, waitFor, type Figures } from './support'

async function withBroker<T>(name: string, body: (broker: BrokerProcess) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `brooklet-${name}-`))
  const broker = await spawnBroker({ dataDir: dir })
  try {
    const result = await body(broker)
    check(broker.exitInfo() === null, `broker exited: ${JSON.stringify(broker.exitInfo())}\n${broker.logTail()}`)
    return result
  } finally {
    await broker.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** N connections open at the same time, each: ApiVersions v3, Metadata v9, a 5-record Produce v7. */
export async function manyConnections(): Promise<Figures> {
  const n = sizes().connections
  return withBroker('conns', async (broker) => {
    const topic = 'many-connections'
    const admin = kafka(broker.bootstrap, 'conns-admin').admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] })
    await admin.disconnect()
    const batch = await encodeBatch(Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })))
    const rss = sampleRss(() => broker.rss())
    const started = Date.now()
    const conns = await Promise.all(Array.from({ length: n }, () => RawConnection.open('127.0.0.1', broker.port)))
    const openMs = Date.now() - started
    await Promise.all(conns.map(async (c, i) => {
      const versions = readApiVersionsResponse(await c.exchange(apiVersionsFrame(3, 1), 60_000), 3)
      check(versions.errorCode === 0, `connection ${i}: ApiVersions error ${versions.errorCode}`)
      const meta = readMetadataResponse(await c.exchange(metadataFrame(9, 2, [topic]), 60_000), 9)
      check(meta.topics[0]?.errorCode === 0, `connection ${i}: Metadata error ${meta.topics[0]?.errorCode}`)
      const produced = readProduceResponse(await c.exchange(produceFrame(7, 3, topic, i % 4, batch, 1), 60_000), 7)
      const code = produced.responses[0]?.partitionResponses[0]?.errorCode
      check(code === 0, `connection ${i}: Produce error ${code}`)
    }))
    const allOpen = conns.every((c) => !c.closed)
    const { maxBytes } = rss.stop()
    const totalMs = Date.now() - started
    for (const c of conns) c.destroy()
    check(allOpen, 'the broker closed some of the connections')
    let stored = 0
    for (let p = 0; p < 4; p++) stored += (await readPartition(broker.port, topic, p)).records.length
    check(stored === n * 5, `${stored} records stored, ${n * 5} produced`)
    return { connections: n, openAllMs: openMs, totalMs, recordsStored: stored, rssMaxMiB: mib(maxBytes) }
  })
}

/** Partitions each member owns, from the group's SyncGroup assignments (DescribeGroups). */
async function assignments(broker: BrokerProcess, group: string): Promise<{ state: string; members: number; owned: number[][] }> {
  const admin = kafka(broker.bootstrap, 'consumers-admin').admin()
  await admin.connect()
  try {
    const { groups } = await admin.describeGroups([group])
    const g = groups[0]!
    const owned = g.members.map((m) => {
      const decoded = m.memberAssignment.length ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null
      return Object.values(decoded?.assignment ?? {}).flat()
    })
    return { state: g.state, members: g.members.length, owned }
  } finally {
    await admin.disconnect()
  }
}

/** C kafkajs consumers in one group, joining in waves of 25; at the end every partition has exactly one owner. */
export async function manyConsumers(): Promise<Figures> {
  const count = sizes().consumers
  const partitions = count
  const group = 'wave-group'
  return withBroker('consumers', async (broker) => {
    const topic = 'many-consumers'
    const admin = kafka(broker.bootstrap, 'consumers-admin').admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] })
    await admin.disconnect()
    const consumers: Consumer[] = []
    const started = Date.now()
    let waves = 0
    try {
      for (let start = 0; start < count; start += 25) {
        const wave = Array.from({ length: Math.min(25, count - start) }, (_, i) =>
          kafka(broker.bootstrap, `wave-${start + i}`).consumer({ groupId: group, sessionTimeout: 60_000, rebalanceTimeout: 120_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 500 }))
        await Promise.all(wave.map(async (c) => {
          await c.connect()
          await c.subscribe({ topic, fromBeginning: true })
          await c.run({ eachMessage: async () => {} })
        }))
        consumers.push(...wave)
        waves++
        await sleep(500)
      }
      let last = { state: '', members: 0, owned: [] as number[][] }
      const settled = await waitFor(async () => {
        last = await assignments(broker, group)
        const all = last.owned.flat()
        return last.state === 'Stable' && last.members === count && all.length === partitions && new Set(all).size === partitions
      }, count >= 200 ? 240_000 : 120_000, 1_000)
      const all = last.owned.flat()
      check(settled, `group did not settle: state ${last.state}, ${last.members}/${count} members, ${all.length} partitions owned (${new Set(all).size} distinct) of ${partitions}`)
      return { consumers: count, waves, partitions, ownedOnce: new Set(all).size, secondsToStable: Math.round((Date.now() - started) / 100) / 10 }
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect().catch(() => {})))
    }
  })
}

/** A Produce frame just under the cap gets a size error; one just over it closes only that connection. */
export async function bigRequests(): Promise<Figures> {
  const cap = 100 * MiB
  return withBroker('big', async (broker) => {
    const topic = 'big-requests'
    const admin = kafka(broker.bootstrap, 'big-admin').admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] })
    await admin.disconnect()
    const bystander = await RawConnection.open('127.0.0.1', broker.port)
    readApiVersionsResponse(await bystander.exchange(apiVersionsFrame(3, 1)), 3)
    await sleep(300)
    const baseline = broker.rss()
    const rss = sampleRss(() => broker.rss(), 50)
    const started = Date.now()
    // A RecordBatch header claiming its full length: the size check answers before any CRC work.
    const records = Buffer.alloc(cap - 200)
    records.writeInt32BE(records.length - 12, 8)
    records.writeInt8(2, 16)
    const frame = produceFrame(7, 42, topic, 0, records, 1)
    check(frame.length - 4 <= cap && frame.length - 4 > cap - 1024, `frame of ${frame.length - 4} bytes is not just under the cap`)
    const big = await RawConnection.open('127.0.0.1', broker.port)
    const codes: number[] = []
    for (let i = 0; i < 3; i++) {
      const response = readProduceResponse(await big.exchange(frame, 60_000), 7)
      codes.push(response.responses[0]?.partitionResponses[0]?.errorCode ?? -1)
    }
    const tooLarge = [ErrorCode.MESSAGE_TOO_LARGE, ErrorCode.RECORD_LIST_TOO_LARGE] as number[]
    check(codes.every((c) => tooLarge.includes(c)), `under-cap produce answered with error codes ${codes}`)
    check(!big.closed, 'the broker closed the connection after an under-cap request')
    big.destroy()
    const over = await RawConnection.open('127.0.0.1', broker.port)
    const head = Buffer.alloc(16 * MiB)
    head.writeInt32BE(cap + 1, 0)
    head.writeInt16BE(0, 4)
    head.writeInt16BE(7, 6)
    over.send(head)
    const overClosed = await over.waitClosed(10_000)
    over.destroy()
    check(overClosed, 'a frame over the cap did not close its connection')
    const still = readApiVersionsResponse(await bystander.exchange(apiVersionsFrame(3, 2)), 3)
    check(still.errorCode === 0 && !bystander.closed, 'the bystander connection was disturbed')
    bystander.destroy()
    const peak = rss.stop().maxBytes
    // The frames' buffers are freed at V8's next major GC, which an idle broker may not run for a while:
    // wait for it, but only fail if memory stays above what three frames in flight could explain.
    let after = broker.rss()
    const nearBaseline = await waitFor(() => (after = broker.rss()) < baseline + 64 * MiB, 10_000, 250)
    check(after < baseline + 2.5 * cap, `RSS ${mib(after)} MiB after the big requests, baseline ${mib(baseline)} MiB`)
    return {
      underCapFrameBytes: frame.length - 4, errorCodes: codes.join('/'), overCapClosed: overClosed, seconds: Math.round((Date.now() - started) / 100) / 10,
      rssBaselineMiB: mib(baseline), rssPeakMiB: mib(peak), rssAfterMiB: mib(after), rssBackNearBaseline: nearBaseline,
    }
  })
}
