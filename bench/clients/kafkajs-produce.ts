// kafkajs produce throughput for bench/run.ts, in its own process so the broker keeps a core.
// Usage: kafkajs-produce.ts BOOTSTRAP TOPIC COUNT SIZE ACKS [PARTITIONS]; prints one JSON line like produce.py.
// PARTITIONS > 1 creates the topic first; records without keys spread over the partitions.
import { randomBytes } from 'node:crypto'
import { Kafka, logLevel, Partitioners } from 'kafkajs'

const [bootstrap = '', topic = '', countArg = '0', sizeArg = '1024', acksArg = '1', partitionsArg = '1'] = process.argv.slice(2)
const count = Number(countArg)
const size = Number(sizeArg)
const acks = Number(acksArg)
// Messages per send(): one produce request just under the broker's 1 MB max.message.bytes (~20 B overhead per record).
const BATCH = Math.max(1, Math.floor(1_000_000 / (size + 20)))
const IN_FLIGHT = 4

const kafka = new Kafka({ clientId: 'brooklet-bench', brokers: [bootstrap], logLevel: logLevel.NOTHING })
const partitions = Number(partitionsArg)
if (partitions > 1) {
  const admin = kafka.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true })
  await admin.disconnect()
}
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true })
await producer.connect()
// Warm-up: metadata and topic auto-creation are not part of the figure.
await producer.send({ topic, acks, messages: [{ value: 'warm-up' }] })

const values = Array.from({ length: 16 }, () => randomBytes(size))
let sent = 0
let errors = 0
async function worker(): Promise<void> {
  while (sent < count) {
    const n = Math.min(BATCH, count - sent)
    const first = sent
    sent += n
    const messages = Array.from({ length: n }, (_, i) => ({ value: values[(first + i) & 15]! }))
    await producer.send({ topic, acks, messages }).catch((err: Error) => {
      errors++
      if (errors === 1) process.stderr.write(`kafkajs send failed: ${err.message}\n`)
    })
  }
}
const start = performance.now()
const cpu0 = process.cpuUsage()
await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
const seconds = (performance.now() - start) / 1000
const cpu = process.cpuUsage(cpu0)
const clientCpu = (cpu.user + cpu.system) / 1e6 / seconds
await producer.disconnect()
process.stdout.write(JSON.stringify({ messages: count, bytes: count * size, seconds, errors, clientCpu }) + '\n')
