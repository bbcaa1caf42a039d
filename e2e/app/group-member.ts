/**
 * A kafkajs group member in its own process, for the rebalance-timeline e2e step: the test SIGKILLs it,
 * so the broker sees its connection vanish without a LeaveGroup and must time the member out.
 * Usage: tsx e2e/app/group-member.ts <bootstrap> <groupId> <topic> <clientId>
 */
import { Kafka, logLevel } from 'kafkajs'

const [bootstrap, groupId, topic, clientId] = process.argv.slice(2)
if (!bootstrap || !groupId || !topic || !clientId) {
  process.stderr.write('usage: group-member.ts <bootstrap> <groupId> <topic> <clientId>\n')
  process.exit(2)
}
const kafka = new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING })
const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10_000 })
consumer.on(consumer.events.GROUP_JOIN, (e) => {
  process.stdout.write(`joined ${JSON.stringify(e.payload.memberAssignment)}\n`)
})
// Bounded: the test kills it long before this.
setTimeout(() => process.exit(0), 120_000).unref()
await consumer.connect()
await consumer.subscribe({ topic, fromBeginning: true })
await consumer.run({ eachMessage: async () => {} })
