// cross-client.test.ts: one client produces, the others read the same keys, values, headers and timestamps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { comparable, createTopic, hasExecutable, hasPythonModule, run, testBroker, uniqueTopic, type ClientRecord } from './helpers'
import { expectAcksContiguous, expectTestMessages, python, type ProduceReport } from './python-driver'
import { consumeWithKafkajs, produceWithKafkajs } from './kafkajs-driver'

const KCAT = '/usr/bin/kcat'
const COUNT = 2_000
const ready = hasExecutable(KCAT) && hasPythonModule('confluent_kafka') && hasPythonModule('kafka')

let broker: RunningBroker
beforeEach(async () => {
  broker = await testBroker()
})
afterEach(async () => broker?.stop())

/** kcat's view: -f with partition, offset, key, value, timestamp and headers ("k=v,k2=v2"). */
async function consumeWithKcat(topic: string): Promise<ClientRecord[]> {
  const { stdout } = await run(KCAT, ['-b', broker.bootstrap, '-C', '-t', topic, '-e', '-o', 'beginning', '-q', '-f', '%p\t%o\t%k\t%s\t%T\t%h\n'])
  return stdout.split('\n').filter((l) => l.length > 0).map((line) => {
    const [p, o, k, v, t, h] = line.split('\t')
    const headers = h ? h.split(',').map((kv) => kv.split('=', 2) as [string, string]) : []
    return { partition: Number(p), offset: Number(o), key: k!, value: v!, headers, timestamp: Number(t) }
  })
}

const readerOptions = (n: number) => ['--count', String(n)]

describe.skipIf(!ready)('cross-client reads', () => {
  it('kafkajs produces; confluent-kafka-python and kafka-python read identical records', async () => {
    const topic = uniqueTopic('from-kafkajs')
    await createTopic(broker.bootstrap, topic, 3)
    const base = Date.now() - 3_600_000
    await produceWithKafkajs(broker.bootstrap, topic, COUNT, 'kafkajs', base)
    const [confluent, kafkaPython] = await Promise.all([
      python<ClientRecord[]>('confluent_client.py', 'consume', broker.bootstrap, topic, readerOptions(COUNT)),
      python<ClientRecord[]>('kafka_python_client.py', 'consume', broker.bootstrap, topic, readerOptions(COUNT)),
    ])
    expectTestMessages(confluent, COUNT, 'kafkajs', base)
    expect(comparable(kafkaPython)).toEqual(comparable(confluent))
  })

  it('confluent-kafka-python produces; kafkajs reads identical records', async () => {
    const topic = uniqueTopic('from-confluent')
    await python('confluent_client.py', 'create', broker.bootstrap, topic, ['--partitions', '3'])
    const base = Date.now() - 7_200_000
    const report = await python<ProduceReport>('confluent_client.py', 'produce', broker.bootstrap, topic, ['--count', String(COUNT), '--origin', 'confluent', '--base-timestamp', String(base)])
    expectAcksContiguous(report, COUNT)
    const records = await consumeWithKafkajs(broker.bootstrap, topic, COUNT)
    expectTestMessages(records, COUNT, 'confluent', base)
  })

  it('kafka-python produces; kcat, confluent-kafka-python and kafkajs read identical records', async () => {
    const topic = uniqueTopic('from-kafka-python')
    await python('kafka_python_client.py', 'create', broker.bootstrap, topic, ['--partitions', '3'])
    const base = Date.now() - 10_800_000
    const report = await python<ProduceReport>('kafka_python_client.py', 'produce', broker.bootstrap, topic, ['--count', String(COUNT), '--origin', 'kafka', '--base-timestamp', String(base)])
    expectAcksContiguous(report, COUNT)
    const kcat = await consumeWithKcat(topic)
    expectTestMessages(kcat, COUNT, 'kafka', base)
    const [confluent, kafkajs] = await Promise.all([
      python<ClientRecord[]>('confluent_client.py', 'consume', broker.bootstrap, topic, readerOptions(COUNT)),
      consumeWithKafkajs(broker.bootstrap, topic, COUNT),
    ])
    expect(comparable(confluent)).toEqual(comparable(kcat))
    expect(comparable(kafkajs)).toEqual(comparable(kcat))
  })
})
