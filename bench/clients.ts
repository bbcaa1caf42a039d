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

export function librdkafkaProduce(bootstrap: string, topic: string, count: number, size: number, acks: '1' | 'all'): Promise<ClientResult> {
  return runJson(PYTHON, [`${CLIENTS}produce.py`, bootstrap, topic, String(count), String(size), acks])
}

export function librdkafkaConsume(bootstrap: string, topic: string, expected: number): Promise<ClientResult> {
  return runJson(PYTHON, [`${CLIENTS}consume.py`, bootstrap, topic, String(expected)])
}

export function kafkajsProduce(bootstrap: string, topic: string, count: number, size: number, acks: 1 | -1): Promise<ClientResult> {
  return runJson(process.execPath, ['--import', 'tsx', `${CLIENTS}kafkajs-produce.ts`, bootstrap, topic, String(count), String(size), String(acks)])
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
