// healthy-pair.ts: a kafkajs producer (acks=all, no retries, so any error surfaces) and a group consumer on
// their own single-partition topic, running while other connections misbehave. At the end the consumer
// must have read exactly the acknowledged records, in acknowledgement order, at offsets 0, 1, 2, ...
import { kafka, waitFor } from './support'

const TOPIC = 'healthy-topic'

export interface HealthyPair {
  stopAndVerify(): Promise<{ acked: number; consumed: number }>
}

export async function startHealthyPair(bootstrap: string): Promise<HealthyPair> {
  const client = kafka(bootstrap, 'healthy-pair')
  const admin = client.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] })
  await admin.disconnect()
  const producer = client.producer({ retry: { retries: 0 } })
  const consumer = client.consumer({ groupId: 'healthy-group' })
  await Promise.all([producer.connect(), consumer.connect()])
  const consumed: string[] = []
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true })
  await consumer.run({ eachMessage: async ({ message }) => void consumed.push(`${message.offset}:${message.key?.toString()}`) })
  const acked: string[] = []
  const errors: string[] = []
  let running = true
  const loop = (async () => {
    for (let batch = 0; running && errors.length === 0; batch++) {
      const messages = Array.from({ length: 10 }, (_, i) => ({ key: `b${batch}-${i}`, value: `v${batch}-${i}` }))
      try {
        const meta = await producer.send({ topic: TOPIC, acks: -1, messages })
        if (meta[0]?.baseOffset !== String(acked.length)) errors.push(`batch ${batch}: baseOffset ${meta[0]?.baseOffset}, expected ${acked.length}`)
        for (const m of messages) acked.push(`${acked.length}:${m.key}`)
      } catch (err) {
        errors.push(`batch ${batch}: ${(err as Error).message}`)
      }
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
  return {
    async stopAndVerify() {
      running = false
      await loop
      await producer.disconnect()
      await waitFor(() => consumed.length >= acked.length, 60_000)
      await new Promise((r) => setTimeout(r, 300)) // anything beyond the acknowledged records shows up now
      await consumer.disconnect()
      if (errors.length > 0) throw new Error(`healthy producer got errors: ${errors.slice(0, 3).join('; ')}`)
      if (acked.length < 100) throw new Error(`healthy producer acknowledged only ${acked.length} records`)
      const mismatch = acked.findIndex((a, i) => consumed[i] !== a)
      if (mismatch >= 0 || consumed.length !== acked.length) {
        throw new Error(`healthy consumer read ${consumed.length} records for ${acked.length} acknowledged; first difference at #${mismatch}: ${consumed[mismatch]} vs ${acked[mismatch]}`)
      }
      return { acked: acked.length, consumed: consumed.length }
    },
  }
}
