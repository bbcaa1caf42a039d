// fuzz.ts: a large number of generated frames (valid, mutated, truncated, hostile) for every advertised API
// and version, pipelined over many connections, while a kafkajs producer/consumer pair works on its own
// topic. Passes when the broker process never exits, its handlers never throw, its RSS stays under a bound,
// and the consumer reads exactly what the producer had acknowledged, in order.
import { connect } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiVersionsFrame } from '../clients/frames'
import { hostileFrames, mutate, seededRng, seedFrames, type Rng } from '../clients/fuzz-frames'
import { MiB, mib, sampleRss, spawnBroker } from './broker-process'
import { advertisedApis, advertisedFrames, hostileBodies, hugePrefixFrames } from './fuzz-seeds'
import { startHealthyPair } from './healthy-pair'
import { check, sizes, type Figures } from './support'

const CONCURRENCY = 32
/** Frames per connection: bounds what one connection can make the broker buffer (a lying prefix waits). */
const PER_CONNECTION = 50
/** No byte from the broker for this long: the frame after the last answered sentinel is waiting for bytes. */
const IDLE_MS = 50
const RSS_LIMIT = 768 * MiB
const MAX_FRAME_BYTES = 100 * MiB

interface Counters { processed: number; connections: number; closedByBroker: number; stalled: number; responses: number }

const SENTINEL_BASE = 0x7f5e0000
const sentinels = Array.from({ length: PER_CONNECTION }, (_, j) => apiVersionsFrame(0, SENTINEL_BASE + j))

/**
 * One connection: each fuzz frame is followed by a sentinel ApiVersions request. The sentinel answers prove
 * the broker took in every frame before them; the frame after the last answered sentinel is the one that
 * made the broker hang up (or that still waits for bytes), so it counts too. Frames behind it never reached
 * a handler and are not counted.
 */
function fuzzConnection(port: number, frames: Buffer[], counters: Counters): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let answered = 0
    let pending: Buffer = Buffer.alloc(0)
    let idle: NodeJS.Timeout | undefined
    const quiet = () => {
      clearTimeout(idle)
      idle = setTimeout(() => socket.destroy(), IDLE_MS)
    }
    counters.connections++
    socket.on('connect', () => {
      socket.write(Buffer.concat(frames.flatMap((f, j) => [f, sentinels[j]!])))
      quiet()
    })
    socket.on('data', (d: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, d]) : d
      while (pending.length >= 8 && pending.length >= 4 + pending.readInt32BE(0)) {
        const correlationId = pending.readInt32BE(4)
        if (correlationId >= SENTINEL_BASE && correlationId < SENTINEL_BASE + frames.length) answered = correlationId - SENTINEL_BASE + 1
        else counters.responses++
        pending = pending.subarray(4 + pending.readInt32BE(0))
      }
      if (answered === frames.length) socket.end()
      else quiet()
    })
    socket.on('end', () => {
      if (answered < frames.length) counters.closedByBroker++
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(idle)
      if (answered < frames.length && !socket.readableEnded) counters.stalled++
      counters.processed += Math.min(frames.length, answered + 1)
      resolve()
    })
  })
}

function nextFrames(rng: Rng, seeds: Buffer[], hostile: Buffer[], n: number): Buffer[] {
  return Array.from({ length: n }, () => {
    const roll = rng()
    if (roll < 0.05) return hostile[Math.floor(rng() * hostile.length)]!
    if (roll < 0.15) return seeds[Math.floor(rng() * seeds.length)]!
    return mutate(rng, seeds)
  })
}

export async function protocolFuzz(): Promise<Figures> {
  const total = sizes().fuzzFrames
  const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000)
  const rng = seededRng(seed)
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-fuzz-'))
  const broker = await spawnBroker({ dataDir: dir })
  const rss = sampleRss(() => broker.rss())
  const baseline = broker.rss()
  try {
    const apis = await advertisedApis(broker.port)
    const targets = ['fuzz-target', 'fuzz-target-b']
    const seeds = [...advertisedFrames(rng, apis, [...targets, 'fuzz-group']), ...(await seedFrames(targets[0]!))]
    const hostile = [...hostileBodies(rng, apis), ...hostileFrames(targets[0]!), ...hugePrefixFrames(MAX_FRAME_BYTES)]
    const pair = await startHealthyPair(broker.bootstrap)
    const counters: Counters = { processed: 0, connections: 0, closedByBroker: 0, stalled: 0, responses: 0 }
    const started = Date.now()
    const worker = async () => {
      while (counters.processed < total && broker.exitInfo() === null) {
        await fuzzConnection(broker.port, nextFrames(rng, seeds, hostile, Math.min(PER_CONNECTION, total - counters.processed)), counters)
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const fuzzMs = Date.now() - started
    const exited = broker.exitInfo()
    check(exited === null, `broker exited during fuzzing: ${JSON.stringify(exited)}\n${broker.logTail()}`)
    const healthy = await pair.stopAndVerify()
    const { maxBytes, lastBytes } = rss.stop()
    const failures = broker.handlerFailures()
    check(failures.count === 0, `handlers threw on fuzzed input (${failures.count} times), e.g.\n${failures.examples.join('\n')}`)
    check(maxBytes < RSS_LIMIT, `broker RSS reached ${mib(maxBytes)} MiB (limit ${mib(RSS_LIMIT)} MiB)`)
    return {
      seed, framesProcessed: counters.processed, apisCovered: apis.length, seedFrames: seeds.length, hostileFrames: hostile.length,
      connections: counters.connections, closedByBroker: counters.closedByBroker, stalled: counters.stalled, fuzzResponses: counters.responses,
      framesPerSecond: Math.round(counters.processed / (fuzzMs / 1000)), fuzzSeconds: Math.round(fuzzMs / 100) / 10,
      healthyAcked: healthy.acked, healthyConsumed: healthy.consumed,
      rssBaselineMiB: mib(baseline), rssMaxMiB: mib(maxBytes), rssEndMiB: mib(lastBytes), rssLimitMiB: mib(RSS_LIMIT),
    }
  } finally {
    rss.stop()
    await broker.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
