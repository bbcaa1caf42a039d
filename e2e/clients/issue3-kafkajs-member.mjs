// One kafkajs 2.2.4 group member as its own process, so a test can SIGKILL it (a crash: no LeaveGroup).
// usage: node issue3-kafkajs-member.mjs BOOTSTRAP GROUP TOPIC [SESSION_MS] [MAX_SECONDS]
// Prints the same JSON lines as python/issue3_consumer.py; SIGTERM disconnects cleanly (commit + LeaveGroup).
import { Kafka, logLevel } from 'kafkajs'

const [bootstrap, groupId, topic, sessionMs = '6000', maxSeconds = '50'] = process.argv.slice(2)
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')
const kafka = new Kafka({
  clientId: 'issue3-kafkajs', brokers: [bootstrap],
  logLevel: process.env.BROOKLET_TEST_LOG ? logLevel.DEBUG : logLevel.NOTHING,
})
const consumer = kafka.consumer({
  groupId, sessionTimeout: Number(sessionMs), heartbeatInterval: 500, maxWaitTimeInMs: 500, rebalanceTimeout: 20000,
})
consumer.on(consumer.events.GROUP_JOIN, (e) => {
  out({ e: 'assign', partitions: [...(e.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b) })
})
consumer.on(consumer.events.CRASH, (e) => out({ e: 'error', error: String(e.payload.error) }))

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await consumer.disconnect()
  out({ e: 'closed' })
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
setTimeout(() => void stop(), Number(maxSeconds) * 1000).unref()

await consumer.connect()
await consumer.subscribe({ topic, fromBeginning: true })
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    out({ e: 'm', p: partition, o: Number(message.offset), v: message.value?.toString() ?? '' })
  },
})
