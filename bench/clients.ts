import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CLIENTS = fileURLToPath(new URL('./clients/', import.meta.url))
// Debian's python3 carries python3-confluent-kafka (librdkafka from apt); a venv python would not.
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3'

export interface ClientResult {
  messages: number
  bytes: number
  seconds: number
  errors: number
  /** Client CPU seconds per wall second (all its threads). */
  clientCpu?: number
}

export function librdkafkaProduce(bootstrap: string, topic: string, count: number, size: number, acks: '1' | 'all', partitions = 1): Promise<ClientResult> {
  return runJson(PYTHON, [`${CLIENTS}produce.py`, bootstrap, topic, String(count), String(size), acks, String(partitions)])
}

export function librdkafkaConsume(bootstrap: string, topic: string, expected: number): Promise<ClientResult> {
  return runJson(PYTHON, [`${CLIENTS}consume.py`, bootstrap, topic, String(expected)])
}

export function kafkajsProduce(bootstrap: string, topic: string, count: number, size: number, acks: 1 | -1, partitions = 1): Promise<ClientResult> {
  return runJson(process.execPath, ['--import', 'tsx', `${CLIENTS}kafkajs-produce.ts`, bootstrap, topic, String(count), String(size), String(acks), String(partitions)])
}

/** Sends `bytes` over loopback TCP to a sink started by startTcpSink(): the ceiling for moving bytes. */
export function tcpSend(port: number, bytes: number): Promise<ClientResult> {
  return runJson(process.execPath, ['--import', 'tsx', `${CLIENTS}tcp-sink.ts`, 'send', String(port), String(bytes)])
}

export interface Percentiles {
  p50: number | null
  p99: number | null
  p999: number | null
  max: number | null
}

export interface LatencyResult {
  received: number
  measured: number
  errors: number
  p50: number | null
  p99: number | null
  p999: number | null
  max: number | null
  mean: number | null
  /** How late the producer sent its most delayed record (its own stalls; they are inside the latencies). */
  maxSendDelayMs?: number
  /** Scheduled send time to the producer's delivery report (acks=all): the produce half. */
  ack?: Percentiles
  /** The broker's event-loop delay during the run (ms), from bench/broker-child.ts. */
  brokerLoopDelay?: { p50: number; p99: number; max: number }
}

/**
 * Fixed-rate produce and consume in two librdkafka processes; latency = receive time - scheduled send time.
 * The producer runs `warmup + seconds`; records scheduled in the first `warmup` seconds are not measured.
 */
export async function librdkafkaLatency(bootstrap: string, topic: string, partitions: number, rate: number, seconds: number, warmup: number, size: number): Promise<LatencyResult> {
  const total = Math.round(rate * (seconds + warmup))
  const consumer = spawn(PYTHON, [`${CLIENTS}latency.py`, 'consume', bootstrap, topic, String(partitions), String(total), String(warmup)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const timer = setTimeout(() => consumer.kill('SIGKILL'), (seconds + 90) * 1000)
  let out = ''
  const ready = new Promise<void>((resolve) => consumer.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes('READY')) resolve()
  }))
  const exited = new Promise<void>((resolve) => consumer.once('exit', () => resolve()))
  await Promise.race([ready, exited])
  const produced = await runJson(PYTHON, [`${CLIENTS}latency.py`, 'produce', bootstrap, topic, String(rate), String(seconds + warmup), String(size), String(warmup)]) as unknown as { errors: number; maxSendDelayMs: number; ack: Percentiles }
  await exited
  clearTimeout(timer)
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '') as LatencyResult
  return { ...result, errors: result.errors + produced.errors, maxSendDelayMs: produced.maxSendDelayMs, ack: produced.ack }
}

/** Runs a client process that prints one JSON line on stdout; bounded to 3 minutes. */
function runJson(command: string, args: string[]): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      const line = out.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(line) as ClientResult)
      } catch {
        reject(new Error(`${args[0]} exited with ${code} and printed: ${out.slice(0, 500)}`))
      }
    })
  })
}
