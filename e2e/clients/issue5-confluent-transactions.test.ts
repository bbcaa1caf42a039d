// Issue 5 acceptance with confluent-kafka-python on librdkafka 2.0.2 (Debian): commit/abort seen through
// read_committed and read_uncommitted consumers, send_offsets_to_transaction for a live group member, and
// fencing by a second producer with the same transactional.id.
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { createTopic, testBroker, uniqueTopic } from './helpers'
import { pythonHas, runProcess, SYSTEM_PYTHON } from './issue4-support'
import { storedMarkers } from './issue5-support'

const SCRIPT = fileURLToPath(new URL('./issue5-confluent-transactions.py', import.meta.url))
const hasConfluent = pythonHas('confluent_kafka')
if (!hasConfluent) console.log('SKIPPED: /usr/bin/python3 has no confluent_kafka module')

let broker: RunningBroker
beforeAll(async () => {
  broker = await testBroker({ groupConfig: { initialRebalanceDelayMs: 0 } })
})
afterAll(async () => {
  await broker?.stop()
})

describe('confluent-kafka-python (librdkafka 2.0.2) transactional producer', () => {
  it.skipIf(!hasConfluent)('init, begin, produce, commit, abort, send_offsets and fencing', async () => {
    const topic = uniqueTopic('tx-confluent')
    const input = uniqueTopic('tx-confluent-input')
    await createTopic(broker.bootstrap, topic, 2)
    await createTopic(broker.bootstrap, input, 1)
    const out = await runProcess(SYSTEM_PYTHON, [SCRIPT, broker.bootstrap, topic, input], 120_000)
    const summary = JSON.parse(out.trim().split('\n').at(-1)!)
    expect(summary.read_committed).toEqual(['c0', 'c1', 'c2', 'c3', 'end-0', 'end-1'])
    expect(summary.read_uncommitted).toEqual(['a0', 'a1', 'a2', 'a3', 'c0', 'c1', 'c2', 'c3', 'end-0', 'end-1'])
    expect(summary.assigned).toBe(1)
    expect(summary.stable_wait).toBe('_TIMED_OUT')
    // Partition 1 held c1 c3 COMMIT a1 a3 ABORT end-1 (offsets 0-6) when the fenced producer wrote "zombie" at 7.
    expect(summary.high_while_open).toEqual({ read_committed: 7, read_uncommitted: 8 })
    expect(summary.offsets).toEqual({ before_commit: -1001, after_commit: 5, after_abort: 5 })
    console.log('confluent fencing error:', summary.fenced, '| requireStable while pending:', summary.stable_wait)
    expect(summary.fenced).toMatchObject({ fatal: true })
    expect(await storedMarkers(broker, topic, 0)).toEqual(['COMMIT', 'ABORT', 'COMMIT'])
    expect(broker.context.transactions.openTransactions()).toEqual([])
  }, 150_000)
})
