// kafkajs produce throughput for bench/run.ts, in its own process so the broker keeps a core.
// Usage: kafkajs-produce.ts BOOTSTRAP TOPIC COUNT SIZE ACKS; prints one JSON line like produce.py.
import { randomBytes } from 'node:crypto'
import { Kafka, logLevel, Partitioners } from 'kafkajs'

const [bootstrap = '', topic = '', countArg = '0', sizeArg = '1024', acksArg = '1'] = process.argv.slice(2)
const count = Number(countArg)
const size = Number(sizeArg)
const acks = Number(acksArg)
const BATCH = 1000 // messages per send(): one ~1 MB produce request
const IN_FLIGHT = 4

const kafka = new Kafka({ clientId: 'brooklet-bench', brokers: [bootstrap], logLevel: logLevel.NOTHING })
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
    await producer.send({ topic, acks, messages }).catch(() => errors++)
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
