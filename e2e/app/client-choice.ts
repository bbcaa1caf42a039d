/**
 * Issue 6: choose the console's Kafka client by measurement. Fills a 3-partition topic on the embedded
 * broker with 100,000 1 KiB records (key + 2 headers), then reads it all with (a) kafkajs 2.2.4, (b)
 * @platformatic/kafka and (c) the console's own wire reader (message-reader readMessages, 5,000-row pages),
 * 3 runs each, and checks every record: count, contiguous offsets per partition, key/value/headers.
 * Also exercises @platformatic/kafka's admin basics against the broker.
 * Run: npx tsx e2e/app/client-choice.ts [messages] [runs]
 */
import { Kafka, logLevel } from 'kafkajs'
import { Admin as PAdmin, Consumer as PConsumer, Producer as PProducer } from '@platformatic/kafka'
import { startBroker } from '../../core/index'
import { readMessages } from '../../electron/console/message-reader'
import { WireCluster } from '../../electron/console/wire-cluster'
import type { MessageRow } from '../../electron/ipc/message-types'

const TOTAL = Number(process.argv[2] ?? 100_000)
const RUNS = Number(process.argv[3] ?? 3)
const TOPIC = 'choice'
const PARTITIONS = 3
const READ_TIMEOUT_MS = 120_000

/** One record as read back, normalised so every client is checked by the same code. */
interface Got { partition: number; offset: bigint; key: Buffer | null; value: Buffer | null; headers: [string, Buffer][] }
interface RunResult { firstMs: number; allMs: number; got: Got[] }

// Record i: key "k-i" on partition i % 3, a 1,024-byte value derived from i, two headers.
const valueOf = (i: number): Buffer => Buffer.alloc(1024, `v${i}|`)
const headersOf = (i: number): [string, Buffer][] => [['trace-id', Buffer.from(`t-${i}`)], ['seq', Buffer.from(String(i))]]

async function fill(bootstrap: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'choice-fill', brokers: [bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] })
  await admin.disconnect()
  const producer = kafka.producer()
  await producer.connect()
  for (let from = 0; from < TOTAL; from += 1500) {
    const messages = []
    for (let i = from; i < Math.min(TOTAL, from + 1500); i++) {
      messages.push({ key: `k-${i}`, value: valueOf(i), partition: i % PARTITIONS, headers: Object.fromEntries(headersOf(i)) })
    }
    await producer.send({ topic: TOPIC, messages, acks: -1 })
  }
  await producer.disconnect()
}

/** Errors found in `got` (empty = correct). */
function verify(got: Got[]): string[] {
  const errors: string[] = []
  if (got.length !== TOTAL) errors.push(`count ${got.length} != ${TOTAL}`)
  const byPart = new Map<number, bigint[]>()
  for (const g of got) {
    const list = byPart.get(g.partition) ?? []
    list.push(g.offset)
    byPart.set(g.partition, list)
    const i = Number(g.key?.toString().slice(2))
    if (errors.length > 20) continue
    if (!g.key || !Number.isInteger(i) || i % PARTITIONS !== g.partition) { errors.push(`bad key ${g.key?.toString()} on p${g.partition}`); continue }
    if (!g.value || !g.value.equals(valueOf(i))) errors.push(`value of ${i} differs`)
    const want = headersOf(i)
    const ok = g.headers.length === want.length && want.every(([k, v], j) => g.headers[j]?.[0] === k && g.headers[j]?.[1].equals(v))
    if (!ok) errors.push(`headers of ${i} differ: ${JSON.stringify(g.headers.map(([k, v]) => [k, v.toString()]))}`)
  }
  for (let p = 0; p < PARTITIONS; p++) {
    const offs = (byPart.get(p) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const expect = Math.floor(TOTAL / PARTITIONS) + (p < TOTAL % PARTITIONS ? 1 : 0)
    if (offs.length !== expect) errors.push(`p${p}: ${offs.length} records, expected ${expect}`)
    for (let j = 0; j < offs.length; j++) if (offs[j] !== BigInt(j)) { errors.push(`p${p}: offset #${j} is ${offs[j]} (gap or duplicate)`); break }
  }
  return errors
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const t = new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error(`${what}: timed out after ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS) })
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}

async function readKafkajs(bootstrap: string, run: number): Promise<RunResult> {
  const kafka = new Kafka({ clientId: 'choice-kafkajs', brokers: [bootstrap], logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `choice-kafkajs-${run}` })
  const got: Got[] = []
  const t0 = performance.now()
  let firstMs = -1
  await consumer.connect()
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true })
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (firstMs < 0) firstMs = performance.now() - t0
        for (const m of batch.messages) {
          got.push({ partition: batch.partition, offset: BigInt(m.offset), key: m.key, value: m.value,
            headers: Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(v as Buffer)]) })
        }
        if (got.length >= TOTAL) resolve(performance.now() - t0)
      },
    })
  })
  try {
    const allMs = await withTimeout(done, 'kafkajs')
    return { firstMs, allMs, got }
  } finally {
    await consumer.disconnect()
  }
}

/**
 * `patched`: the library's Fetch v12 encoder writes the topic's UUID into v12's topic-name field (v13+ send IDs,
 * KIP-516), so against a broker whose Fetch stops at v12 it asks for a topic named like a UUID. Overwriting the
 * cached metadata's topic id with the name makes it send the name — a measurement-only workaround, not shippable.
 */
async function readPlatformatic(bootstrap: string, run: number, patched = false): Promise<RunResult> {
  const consumer = new PConsumer({ groupId: `choice-platformatic${patched ? '-patched' : ''}-${run}`, clientId: 'choice-platformatic', bootstrapBrokers: [bootstrap], metadataMaxAge: 600_000 })
  const got: Got[] = []
  const t0 = performance.now()
  let firstMs = -1
  if (patched) {
    const md = await consumer.metadata({ topics: [TOPIC] })
    md.topics.get(TOPIC)!.id = TOPIC
  }
  const stream = await consumer.consume({ topics: [TOPIC], mode: 'earliest', autocommit: false })
  const done = new Promise<number>((resolve, reject) => {
    stream.on('error', reject)
    stream.on('data', (m) => {
      if (firstMs < 0) firstMs = performance.now() - t0
      got.push({ partition: m.partition, offset: m.offset, key: m.key, value: m.value, headers: [...m.headers].map(([k, v]) => [k.toString(), v]) })
      if (got.length === TOTAL) resolve(performance.now() - t0)
    })
  })
  try {
    const allMs = await withTimeout(done, '@platformatic/kafka')
    return { firstMs, allMs, got }
  } finally {
    await stream.close()
    await consumer.close()
  }
}

const fromRow = (r: MessageRow): Got => ({
  partition: r.partition, offset: BigInt(r.offset),
  key: r.key ? Buffer.from(r.key.base64, 'base64') : null, value: r.value ? Buffer.from(r.value.base64, 'base64') : null,
  headers: r.headers.map((h) => [h.key, Buffer.from(h.value?.base64 ?? '', 'base64')]),
})

/** The console's own path: messages:read pages of 5,000 (the contract's maximum) until the end. */
async function readConsole(bootstrap: string): Promise<RunResult> {
  const cluster = new WireCluster(bootstrap)
  const got: Got[] = []
  const t0 = performance.now()
  let firstMs = -1
  try {
    const loop = async (): Promise<number> => {
      let next: Record<string, string> | null = null
      for (;;) {
        const page = await readMessages(cluster, { topic: TOPIC, start: next ? { kind: 'cursor', positions: next } : { kind: 'earliest' }, limit: 5000 })
        if (firstMs < 0 && page.rows.length > 0) firstMs = performance.now() - t0
        for (const r of page.rows) got.push(fromRow(r))
        if (page.reachedEnd || page.rows.length === 0) return performance.now() - t0
        next = page.next
      }
    }
    const allMs = await withTimeout(loop(), 'console reader')
    return { firstMs, allMs, got }
  } finally {
    cluster.close()
  }
}

/** Admin basics of @platformatic/kafka against the broker; returns one line per call. */
async function platformaticAdmin(bootstrap: string): Promise<string[]> {
  const admin = new PAdmin({ clientId: 'choice-admin', bootstrapBrokers: [bootstrap] })
  const out: string[] = []
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      const r = await withTimeout(fn(), what)
      out.push(`ok   ${what}: ${JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v))?.slice(0, 300)}`)
    } catch (e) {
      const err = e as Error & { errors?: Error[] }
      out.push(`FAIL ${what}: ${err.name}: ${err.message}${err.errors ? ' <- ' + err.errors.map((x) => `${x.name}: ${x.message}`).join('; ') : ''}`)
    }
  }
  await attempt('createTopics', () => admin.createTopics({ topics: ['choice-admin'], partitions: 2, replicas: 1 }))
  await attempt('listTopics', () => admin.listTopics())
  await attempt('metadata', async () => (await admin.metadata({ topics: [TOPIC] })).topics.get(TOPIC)?.partitionsCount)
  await attempt('listGroups', async () => [...(await admin.listGroups()).keys()])
  await attempt('describeGroups', async () => [...(await admin.describeGroups({ groups: ['choice-kafkajs-0'] })).values()].map((g) => ({ id: g.id, state: g.state, members: g.members.size })))
  await attempt('listConsumerGroupOffsets', () => admin.listConsumerGroupOffsets({ groups: ['choice-commit'] }))
  await attempt('describeConfigs', async () => (await admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: TOPIC }] }))[0]?.configs.length)
  await attempt('deleteTopics', () => admin.deleteTopics({ topics: ['choice-admin'] }))
  await admin.close()
  return out
}

/** Produce with headers via @platformatic/kafka, consume 10 with a group, commit, so offsets exist to list. */
async function platformaticProduceCommit(bootstrap: string): Promise<string> {
  const producer = new PProducer({ clientId: 'choice-pprod', bootstrapBrokers: [bootstrap] })
  const messages = Array.from({ length: 10 }, (_, i) => ({ topic: 'choice-small', key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), headers: new Map([[Buffer.from('h'), Buffer.from(`x${i}`)]]) }))
  const admin = new PAdmin({ clientId: 'choice-admin2', bootstrapBrokers: [bootstrap] })
  await admin.createTopics({ topics: ['choice-small'], partitions: 1, replicas: 1 })
  const sent = await producer.send({ messages })
  await producer.close()
  const consumer = new PConsumer({ groupId: 'choice-commit', clientId: 'choice-commit', bootstrapBrokers: [bootstrap] })
  const stream = await consumer.consume({ topics: ['choice-small'], mode: 'earliest', autocommit: false })
  let n = 0
  let last: { commit(): unknown } | null = null
  try {
    await withTimeout(new Promise<void>((resolve, reject) => {
      stream.on('error', reject)
      stream.on('data', (m) => { n++; last = m; if (n === 10) resolve() })
    }), 'small consume')
    await (last as { commit(): Promise<void> } | null)?.commit()
  } catch (e) {
    return `produce ok ${JSON.stringify(sent, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}; consume FAILED: ${(e as Error).message} <- ${((e as AggregateError).errors ?? []).slice(0, 1).map((x: Error & { errors?: Error[] }) => `${x.message}: ${(x.errors ?? []).map((y) => y.message).join('; ')}`).join('')}`
  } finally {
    await stream.close()
    await consumer.close()
    await admin.close()
  }
  const offs = 'see admin listConsumerGroupOffsets below'
  return `produce ${JSON.stringify(sent, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}; consumed ${n}; committed ${JSON.stringify(offs, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const broker = await startBroker({ port: 0, memory: true })
  try {
    const tf = performance.now()
    await fill(broker.bootstrap)
    console.log(`filled ${TOTAL} x 1 KiB records in ${Math.round(performance.now() - tf)} ms at ${broker.bootstrap}`)
    const clients: [string, (run: number) => Promise<RunResult>][] = [
      ['kafkajs 2.2.4 (group, eachBatch)', (r) => readKafkajs(broker.bootstrap, r)],
      ['@platformatic/kafka 1.35.0 (group, earliest)', (r) => readPlatformatic(broker.bootstrap, r)],
      ['@platformatic/kafka 1.35.0, topic-id patched (workaround)', (r) => readPlatformatic(broker.bootstrap, r, true)],
      ['console wire reader (readMessages 5,000/page)', () => readConsole(broker.bootstrap)],
    ]
    const results = new Map<string, { first: number[]; all: number[]; errors: string[] }>()
    for (let run = 0; run < RUNS; run++) {
      for (const [name, read] of clients) {
        const acc = results.get(name) ?? { first: [], all: [], errors: [] }
        results.set(name, acc)
        try {
          const r = await read(run)
          acc.first.push(r.firstMs)
          acc.all.push(r.allMs)
          const errs = verify(r.got)
          acc.errors.push(...errs.map((e) => `run ${run}: ${e}`))
          console.log(`run ${run} ${name}: first ${r.firstMs.toFixed(0)} ms, all ${r.allMs.toFixed(0)} ms, ${errs.length === 0 ? 'correct' : errs.slice(0, 3).join('; ')}`)
        } catch (e) {
          const inner = ((e as AggregateError).errors ?? []).slice(0, 1).map((x: Error & { errors?: Error[] }) => `${x.message} <- ${(x.errors ?? []).slice(0, 1).map((y) => `${y.message} ${JSON.stringify({ apiId: (y as { apiId?: string }).apiId, path: (y as { path?: string }).path })}`).join('; ')}`).join('')
          acc.errors.push(`run ${run}: ${(e as Error).message} ${inner}`)
          console.log(`run ${run} ${name}: ERROR ${(e as Error).message} ${inner}`)
        }
      }
    }
    console.log(`\n| client | first message (median ms) | all ${TOTAL} (median ms) | msg/s | correct |\n|---|---|---|---|---|`)
    for (const [name, r] of results) {
      const all = r.all.length ? median(r.all) : NaN
      console.log(`| ${name} | ${r.first.length ? median(r.first).toFixed(0) : '-'} | ${all.toFixed(0)} | ${Math.round(TOTAL / (all / 1000))} | ${r.errors.length === 0 ? `yes (${r.all.length}/${RUNS})` : 'NO: ' + r.errors.slice(0, 2).join('; ')} |`)
    }
    console.log('\n@platformatic/kafka produce + commit:')
    try { console.log('ok   ' + (await platformaticProduceCommit(broker.bootstrap)).slice(0, 600)) } catch (e) { console.log(`FAIL ${(e as Error).stack}`) }
    console.log('\n@platformatic/kafka admin:')
    for (const line of await platformaticAdmin(broker.bootstrap)) console.log(line)
  } finally {
    await broker.stop()
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
