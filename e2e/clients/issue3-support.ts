// Shared helpers for the issue-3 (consumer groups) e2e tests: Python consumer processes, producing spread
// over partitions, and checks against the broker's own view (committed offsets, high watermarks).
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Kafka, logLevel } from 'kafkajs'
import type { RunningBroker } from '../../core/index'
import type { GroupEvent } from '../../core/groups/types'

/** Debian's interpreter: the one with confluent_kafka 1.7 (librdkafka 2.0.2) and kafka-python 2.0.2. */
export const PYTHON = '/usr/bin/python3'
const CONSUMER_SCRIPT = fileURLToPath(new URL('./python/issue3_consumer.py', import.meta.url))
const KAFKAJS_MEMBER = fileURLToPath(new URL('./issue3-kafkajs-member.mjs', import.meta.url))

export type PyLib = 'confluent' | 'kafkapython'

export async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** One consumer process (Python or kafkajs); keeps its latest assignment and every message it printed. */
export class MemberProcess {
  readonly messages: { p: number; o: number; v: string }[] = []
  /** Errors the client reported through its API (e.g. librdkafka's fatal FENCED_INSTANCE_ID). */
  readonly errors: string[] = []
  assignment: number[] = []
  assignCount = 0
  closed = false
  exited: Promise<number | null>
  readonly stderr: string[] = []
  private readonly proc: ChildProcess

  constructor(command: string, args: string[]) {
    this.proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)))
    createInterface({ input: this.proc.stdout! }).on('line', (line) => this.onLine(line))
    createInterface({ input: this.proc.stderr! }).on('line', (line) => {
      this.stderr.push(line)
      if (process.env.BROOKLET_TEST_LOG) process.stderr.write(`[member ${this.proc.pid}] ${line}\n`)
    })
  }

  private onLine(line: string): void {
    let ev: { e: string; partitions?: number[]; p?: number; o?: number; v?: string; error?: string }
    try {
      ev = JSON.parse(line)
    } catch {
      return
    }
    if (ev.e === 'assign') {
      this.assignment = ev.partitions ?? []
      this.assignCount++
    } else if (ev.e === 'revoke') this.assignment = []
    else if (ev.e === 'm') this.messages.push({ p: ev.p!, o: ev.o!, v: ev.v! })
    else if (ev.e === 'closed') this.closed = true
    else if (ev.e === 'error') this.errors.push(ev.error ?? '')
  }

  /** Clean shutdown: SIGTERM makes the script close() the consumer (commit, LeaveGroup). */
  async terminate(timeoutMs = 15_000): Promise<void> {
    if (this.proc.exitCode !== null) return
    this.proc.kill('SIGTERM')
    await this.waitExit(timeoutMs)
  }

  /** A crash: no commit, no LeaveGroup; the group only learns through the session timeout. */
  async kill(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return
    this.proc.kill('SIGKILL')
    await this.waitExit(5000)
  }

  private async waitExit(timeoutMs: number): Promise<void> {
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref())
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.proc.kill('SIGKILL')
      throw new Error(`consumer ${this.proc.pid} did not exit within ${timeoutMs} ms\n${this.stderr.slice(-20).join('\n')}`)
    }
  }
}

export interface MemberOptions {
  instance?: string
  sessionMs?: number
  maxSeconds?: number
  /** confluent only: partition.assignment.strategy, e.g. 'cooperative-sticky'. */
  assignor?: string
}

export function pythonMember(lib: PyLib, bootstrap: string, group: string, topic: string,
  opts: MemberOptions = {}): MemberProcess {
  const args = [CONSUMER_SCRIPT, lib, bootstrap, group, topic, '--max-seconds', String(opts.maxSeconds ?? 50)]
  if (opts.instance) args.push('--instance', opts.instance)
  if (opts.sessionMs) args.push('--session-ms', String(opts.sessionMs))
  if (opts.assignor) args.push('--assignor', opts.assignor)
  if (process.env.BROOKLET_TEST_LOG) args.push('--debug')
  return new MemberProcess(PYTHON, args)
}

/** kafkajs 2.2.4 has no static membership, so no instance id here. */
export function kafkajsMember(bootstrap: string, group: string, topic: string, opts: MemberOptions = {}): MemberProcess {
  return new MemberProcess(process.execPath,
    [KAFKAJS_MEMBER, bootstrap, group, topic, String(opts.sessionMs ?? 6000), String(opts.maxSeconds ?? 50)])
}

export function kafkaFor(broker: RunningBroker, clientId = 'issue3'): Kafka {
  return new Kafka({ clientId, brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 3 } })
}

/** Creates the topic and writes `perPartition` messages "p<partition>-<n>" to each partition (from `start`). */
export async function produceSpread(broker: RunningBroker, topic: string, partitions: number, perPartition: number,
  start = 0, create = true): Promise<void> {
  const kafka = kafkaFor(broker, 'issue3-producer')
  if (create) {
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] })
    await admin.disconnect()
  }
  const producer = kafka.producer()
  await producer.connect()
  const messages = []
  for (let p = 0; p < partitions; p++) {
    for (let n = start; n < start + perPartition; n++) messages.push({ partition: p, value: `p${p}-${n}` })
  }
  await producer.send({ topic, messages })
  await producer.disconnect()
}

export function highWatermarks(broker: RunningBroker, topic: string, partitions: number): bigint[] {
  return Array.from({ length: partitions }, (_, p) => broker.context.log.offsets(topic, p).highWatermark)
}

/** Committed offsets of the group for the topic, per partition (-1 = none), as the broker stores them. */
export function committedOffsets(broker: RunningBroker, group: string, topic: string, partitions: number): bigint[] {
  const parts = Array.from({ length: partitions }, (_, p) => p)
  const result = broker.context.groups.fetchOffsets(group, [{ topic, partitions: parts }])
  const found = result.topics.find((t) => t.topic === topic)
  return parts.map((p) => found?.partitions.find((x) => x.partition === p)?.offset ?? -1n)
}

/** Every offset 0..hw-1 of every partition seen at least once (gaps are what a skipped message looks like). */
export function missingOffsets(seen: { p: number; o: number }[], hws: bigint[]): string[] {
  const got = new Set(seen.map((m) => `${m.p}:${m.o}`))
  const missing: string[] = []
  hws.forEach((hw, p) => {
    for (let o = 0; o < Number(hw); o++) if (!got.has(`${p}:${o}`)) missing.push(`${p}:${o}`)
  })
  return missing
}

/** Asserts-friendly view: the partitions owned by each member, and whether they cover 0..n-1 exactly once. */
export function partitionCover(assignments: number[][], partitions: number): { exact: boolean; all: number[] } {
  const all = assignments.flat().sort((a, b) => a - b)
  const exact = all.length === partitions && all.every((p, i) => p === i)
  return { exact, all }
}

export function recordGroupEvents(broker: RunningBroker, group: string): { events: GroupEvent[]; stop: () => void } {
  const events: GroupEvent[] = []
  const stop = broker.context.groups.events.on((e) => {
    if (e.groupId === group) events.push(e)
  })
  return { events, stop }
}

export function groupStable(broker: RunningBroker, group: string, members: number): boolean {
  const g = broker.context.groups.snapshot().find((s) => s.groupId === group)
  return g?.state === 'Stable' && g.members.length === members
}
