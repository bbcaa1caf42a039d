// python.test.ts: confluent-kafka-python (librdkafka 2.0.2) and kafka-python 2.0.2 create, produce 10,000
// messages with headers and read them back; offsets contiguous per partition (issue 2 acceptance).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { hasPythonModule, testBroker, uniqueTopic, type ClientRecord } from './helpers'
import { CODEC_IDS, storedCodecs } from './stored-batches'
import { expectAcksContiguous, expectTestMessages, python, type ProduceReport } from './python-driver'

const COUNT = 10_000

let broker: RunningBroker
beforeEach(async () => {
  broker = await testBroker()
})
afterEach(async () => broker?.stop())

const clients = [
  // Each also produces compressed in the group test: kafka-python's gzip is its own encoder (zlib), not librdkafka's.
  { name: 'confluent-kafka-python', module: 'confluent_kafka', script: 'confluent_client.py', codec: 'zstd' },
  { name: 'kafka-python 2.0.2', module: 'kafka', script: 'kafka_python_client.py', codec: 'gzip' },
]

for (const client of clients) {
  describe.skipIf(!hasPythonModule(client.module))(client.name, () => {
    it(`creates a topic, produces ${COUNT} messages with headers and reads them back (assign)`, async () => {
      const topic = uniqueTopic(client.module)
      await python(client.script, 'create', broker.bootstrap, topic, ['--partitions', '3'])
      const base = Date.now() - 60_000
      const report = await python<ProduceReport>(client.script, 'produce', broker.bootstrap, topic, ['--count', String(COUNT), '--origin', client.module, '--base-timestamp', String(base)])
      expectAcksContiguous(report, COUNT)
      expect(new Set(report.acks.map(([p]) => p)).size).toBe(3)
      const records = await python<ClientRecord[]>(client.script, 'consume', broker.bootstrap, topic, ['--count', String(COUNT)])
      expectTestMessages(records, COUNT, client.module, base)
    })

    it(`produces with ${client.codec} and reads with a consumer group`, async () => {
      const topic = uniqueTopic(`${client.module}-group`)
      await python(client.script, 'create', broker.bootstrap, topic, ['--partitions', '2'])
      const report = await python<ProduceReport>(client.script, 'produce', broker.bootstrap, topic, ['--count', '1000', '--origin', client.module, '--compression', client.codec])
      expectAcksContiguous(report, 1000)
      const records = await python<ClientRecord[]>(client.script, 'consume', broker.bootstrap, topic, ['--count', '1000', '--group', uniqueTopic('g')])
      expectTestMessages(records, 1000, client.module)
      const codecs = await storedCodecs(broker.port, topic, 2)
      expect(codecs.get(CODEC_IDS[client.codec]!) ?? 0, `records per codec: ${[...codecs]}`).toBeGreaterThan(900)
    })
  })
}
