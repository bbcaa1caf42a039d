import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kafka, logLevel } from 'kafkajs'
import { startBroker, type BrokerOptions, type RunningBroker } from '../../core/index'

/** A broker for one test file; logs are kept quiet unless BROOKLET_TEST_LOG is set. */
export async function testBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  return startBroker({ port: 0, memory: true, log: process.env.BROOKLET_TEST_LOG ? undefined : () => {}, ...options })
}

/** A fresh temporary data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function uniqueTopic(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** Debian's interpreter: python3-confluent-kafka and python3-kafka are installed for it, not for a pyenv one. */
export const PYTHON = '/usr/bin/python3'

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a client process with a hard time bound; rejects (with its stderr) on timeout or a non-zero exit. */
export function run(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number; allowFailure?: boolean } = {}): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 45_000
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result = { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
      if (signal === 'SIGKILL') return reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(result.stderr)}`))
      if (code !== 0 && !opts.allowFailure) return reject(new Error(`${cmd} exited with ${code}\n${tail(result.stderr)}`))
      resolve(result)
    })
    child.stdin.end(opts.input ?? '')
  })
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n')
}

/** Is an external client installed? Tests that need it are skipped (and say so) when it is not. */
export function hasExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function hasPythonModule(module: string): boolean {
  if (!hasExecutable(PYTHON)) return false
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 20_000 }).status === 0
}

export async function createTopic(bootstrap: string, topic: string, numPartitions: number): Promise<void> {
  const kafka = new Kafka({ clientId: 'brooklet-test-admin', brokers: [bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true })
  } finally {
    await admin.disconnect()
  }
}

/** A record as every client test reports it (the Python scripts print exactly this shape as JSON). */
export interface ClientRecord {
  partition: number
  offset: number
  key: string | null
  value: string | null
  headers: [string, string][]
  timestamp: number
}

/** Offsets must run 0,1,2,... within each partition, in the order the records were read. */
export function expectContiguousOffsets(records: ClientRecord[]): Map<number, ClientRecord[]> {
  const byPartition = new Map<number, ClientRecord[]>()
  for (const r of records) {
    const list = byPartition.get(r.partition) ?? []
    list.push(r)
    byPartition.set(r.partition, list)
  }
  for (const [partition, list] of byPartition) {
    list.forEach((r, i) => {
      if (r.offset !== i) throw new Error(`partition ${partition}: record #${i} has offset ${r.offset}`)
    })
  }
  return byPartition
}

/** Same records (key, value, headers, timestamp) per partition and offset, whoever wrote or read them. */
export function comparable(records: ClientRecord[]): string[] {
  return records
    .map((r) => JSON.stringify([r.partition, r.offset, r.key, r.value, r.headers, r.timestamp]))
    .sort()
}
