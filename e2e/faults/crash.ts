// crash.ts: kill -9 the broker at random moments while a librdkafka idempotent producer (acks=all) writes
// N records and a kafkajs group member consumes and commits. After every restart: each record the producer
// saw acknowledged is in the log exactly once, offsets are contiguous, and no committed group offset is
// ahead of the log end (docs/durability.md explains why a process crash loses nothing committed).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Consumer } from 'kafkajs'
import { PYTHON } from '../clients/helpers'
import { seededRng } from '../clients/fuzz-frames'
import { ROOT, spawnBroker, type BrokerProcess } from './broker-process'
import { check, contiguityError, kafka, readPartition, sizes, SkipCase, waitFor, type Figures } from './support'
import { spawnSync } from 'node:child_process'

const TOPIC = 'crash-topic'
const GROUP = 'crash-group'
const PARTITIONS = 2

interface ProducerRun {
  acked: Set<string>
  ackRepeats: number
  exit: Promise<number | null>
  stderr: string[]
  kill(): void
}

function startProducer(bootstrap: string, count: number): ProducerRun {
  const child = spawn(PYTHON, [join(ROOT, 'e2e/faults/crash-producer.py'), bootstrap, TOPIC, String(count), String(PARTITIONS)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: ProducerRun = { acked: new Set(), ackRepeats: 0, stderr: [], exit: new Promise((r) => child.once('exit', (code) => r(code))), kill: () => child.kill('SIGKILL') }
  createInterface({ input: child.stdout! }).on('line', (key) => {
    if (run.acked.has(key)) run.ackRepeats++
    run.acked.add(key)
  })
  child.stderr!.on('data', (c: Buffer) => run.stderr.push(c.toString('utf8')))
  return run
}

/** A group member that consumes everything and commits every 100 ms; kafkajs restarts it after errors. */
async function startCommitter(bootstrap: string): Promise<{ consumer: Consumer; commits: () => number }> {
  const consumer = kafka(bootstrap, 'crash-committer').consumer({ groupId: GROUP, sessionTimeout: 10_000, heartbeatInterval: 1_000, retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 1_000 } })
  let commits = 0
  consumer.on(consumer.events.COMMIT_OFFSETS, () => commits++)
  await consumer.connect()
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true })
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => {} })
  return { consumer, commits: () => commits }
}

interface Verified { records: number; unackedPresent: number; committed: string }

/** The invariants, checked against what the restarted broker serves. */
async function verify(broker: BrokerProcess, acked: ReadonlySet<string>): Promise<Verified> {
  const ackedNow = new Set(acked) // acknowledged before the log is read, so every one must be in it
  const admin = kafka(broker.bootstrap, 'crash-verify').admin()
  await admin.connect()
  const committed = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] }).finally(() => admin.disconnect())
  const seen = new Map<string, number>()
  let records = 0
  const ends: bigint[] = []
  for (let p = 0; p < PARTITIONS; p++) {
    const { records: list, highWatermark } = await readPartition(broker.port, TOPIC, p)
    const gap = contiguityError(list)
    check(gap === null, `partition ${p}: offsets not contiguous: ${gap}`)
    check(BigInt(list.length) === highWatermark, `partition ${p}: ${list.length} records below high watermark ${highWatermark}`)
    for (const r of list) seen.set(r.key, (seen.get(r.key) ?? 0) + 1)
    records += list.length
    ends.push(highWatermark)
  }
  const duplicated = [...seen].filter(([, n]) => n > 1)
  check(duplicated.length === 0, `${duplicated.length} keys stored more than once, e.g. ${duplicated.slice(0, 3).map(([k]) => k).join(', ')}`)
  const missing = [...ackedNow].filter((k) => !seen.has(k))
  check(missing.length === 0, `${missing.length} acknowledged records missing, e.g. ${missing.slice(0, 5).join(', ')}`)
  for (const p of committed[0]?.partitions ?? []) {
    const end = ends[p.partition] ?? 0n
    check(BigInt(p.offset) <= end, `group offset ${p.offset} on partition ${p.partition} is ahead of the log end ${end}`)
  }
  const committedText = (committed[0]?.partitions ?? []).map((p) => `${p.partition}:${p.offset}`).join(' ')
  return { records, unackedPresent: [...seen.keys()].filter((k) => !ackedNow.has(k)).length, committed: committedText }
}

export async function crashSafety(): Promise<Figures> {
  if (spawnSync(PYTHON, ['-c', 'import confluent_kafka'], { stdio: 'ignore', timeout: 20_000 }).status !== 0) {
    throw new SkipCase(`${PYTHON} cannot import confluent_kafka`)
  }
  const { crashKills: kills, crashRecords: count } = sizes()
  const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000)
  const rng = seededRng(seed)
  // Kill points: acknowledged-record counts spread at random over the run, then a random extra delay.
  const points = Array.from({ length: kills }, () => Math.floor(rng() * count * 0.95)).sort((a, b) => a - b)
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-crash-'))
  let broker = await spawnBroker({ dataDir: dir })
  const port = broker.port
  const started = Date.now()
  const admin = kafka(broker.bootstrap, 'crash-admin').admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] })
  await admin.disconnect()
  const committer = await startCommitter(broker.bootstrap)
  const producer = startProducer(broker.bootstrap, count)
  let done = 0
  let maxRestartMs = 0
  let unackedPresent = 0
  let commitsAtRestart = 0
  let killsAfterCommit = 0
  try {
    for (const point of points) {
      const reached = await waitFor(() => producer.acked.size >= point, 120_000, 5)
      check(reached, `producer stalled at ${producer.acked.size} acknowledged records (kill ${done + 1})\n${producer.stderr.join('').slice(-2000)}\n${broker.logTail()}`)
      // Let the group member rejoin and commit between kills (bounded), so commits race the crashes too.
      const before = commitsAtRestart
      if (await waitFor(() => committer.commits() > before, 5_000, 10)) killsAfterCommit++
      await new Promise((r) => setTimeout(r, Math.floor(rng() * 40)))
      await broker.kill9()
      done++
      const t = Date.now()
      broker = await spawnBroker({ dataDir: dir, port })
      maxRestartMs = Math.max(maxRestartMs, Date.now() - t)
      commitsAtRestart = committer.commits()
      const v = await verify(broker, producer.acked)
      unackedPresent = Math.max(unackedPresent, v.unackedPresent)
    }
    const code = await Promise.race([producer.exit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 180_000))])
    check(code === 0, `producer ended with ${code}\n${producer.stderr.join('').slice(-2000)}`)
    const final = await verify(broker, producer.acked)
    check(producer.acked.size === count, `only ${producer.acked.size} of ${count} records acknowledged`)
    check(final.records === count, `log holds ${final.records} records, ${count} produced and acknowledged`)
    const exited = broker.exitInfo()
    check(exited === null, `broker exited: ${JSON.stringify(exited)}`)
    return {
      seed, kills: done, records: count, acknowledged: producer.acked.size, recordsVerified: final.records,
      ackRepeats: producer.ackRepeats, maxUnackedPresentAtRestart: unackedPresent, killsAfterACommit: killsAfterCommit,
      groupCommits: committer.commits(), committedAtEnd: final.committed, maxRestartMs, seconds: Math.round((Date.now() - started) / 100) / 10,
    }
  } finally {
    producer.kill()
    await committer.consumer.disconnect().catch(() => {})
    await broker.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
