// support.ts: sizes per scale (FAULTS_SCALE=ci|full, each overridable by its own variable), case results,
// and reading back exactly what a partition holds with raw Fetch requests.
import { Kafka, logLevel } from 'kafkajs'
import { readFetchResponse } from '../../core/protocol/generated'
import { decodeBatches } from '../../core/protocol/records'
import { fetchFrame } from '../clients/frames'
import { RawConnection } from '../clients/raw-client'

export const SCALE: 'ci' | 'full' = process.env.FAULTS_SCALE === 'full' ? 'full' : 'ci'

const SIZES = {
  ci: { crashKills: 5, crashRecords: 20_000, fuzzFrames: 100_000, connections: 300, consumers: 50 },
  full: { crashKills: 20, crashRecords: 100_000, fuzzFrames: 1_000_000, connections: 1_000, consumers: 200 },
}

/** Sizes for this run; e.g. FAULTS_FUZZ_FRAMES=5000 overrides fuzzFrames. */
export function sizes(): typeof SIZES.ci {
  const base = { ...SIZES[SCALE] }
  for (const key of Object.keys(base) as (keyof typeof base)[]) {
    const env = process.env[`FAULTS_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`]
    if (env && Number.isInteger(Number(env)) && Number(env) > 0) base[key] = Number(env)
  }
  return base
}

export type Figures = Record<string, string | number | boolean>

export interface CaseResult {
  name: string
  status: 'passed' | 'failed' | 'skipped'
  durationMs: number
  figures: Figures
  reason?: string
}

/** A case that cannot run here throws this; the report marks it skipped and prints the reason. */
export class SkipCase extends Error {}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

export function kafka(bootstrap: string, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } })
}

export interface StoredRecord {
  offset: bigint
  key: string
  value: string
}

/** Every record of one partition, read from offset 0 up to the high watermark with raw Fetch v4. */
export async function readPartition(port: number, topic: string, partition: number, deadlineMs = 60_000): Promise<{ records: StoredRecord[]; highWatermark: bigint }> {
  const c = await RawConnection.open('127.0.0.1', port)
  const records: StoredRecord[] = []
  const stopAt = Date.now() + deadlineMs
  try {
    let offset = 0n
    for (let round = 0; Date.now() < stopAt; round++) {
      const response = readFetchResponse(await c.exchange(fetchFrame(4, round, topic, partition, offset, 0), 10_000), 4)
      const data = response.responses[0]?.partitions[0]
      if (!data || data.errorCode !== 0) throw new Error(`fetch ${topic}[${partition}]@${offset}: error ${data?.errorCode}`)
      for (const batch of await decodeBatches(data.records ?? Buffer.alloc(0))) {
        for (const r of batch.records) {
          if (r.offset < offset) continue
          records.push({ offset: r.offset, key: r.key?.toString('utf8') ?? '', value: r.value?.toString('utf8') ?? '' })
        }
        offset = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n
      }
      if (offset >= data.highWatermark) return { records, highWatermark: data.highWatermark }
    }
    throw new Error(`reading ${topic}[${partition}] took longer than ${deadlineMs} ms`)
  } finally {
    c.destroy()
  }
}

/** Offsets run 0, 1, 2, ... with no gap and no repeat. */
export function contiguityError(records: StoredRecord[]): string | null {
  for (let i = 0; i < records.length; i++) {
    if (records[i]!.offset !== BigInt(i)) return `record #${i} has offset ${records[i]!.offset}`
  }
  return null
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Polls `condition` until true or the deadline; returns whether it became true. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return true
    await sleep(everyMs)
  }
  return condition()
}
