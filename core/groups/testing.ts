// Test helpers for core/groups (imported by *.test.ts only).
import type { CommittedOffset, TopicPartitionRef } from '../storage/storage'
import { FakeClock } from './clock'
import { GroupCoordinator } from './coordinator'
import type { OffsetStore } from './offsets'
import type { JoinRequest } from './types'

export class MemoryOffsetStore implements OffsetStore {
  readonly rows = new Map<string, CommittedOffset>()

  commitOffsets(offsets: CommittedOffset[]): void {
    for (const o of offsets) this.rows.set(`${o.group}/${o.topic}/${o.partition}`, o)
  }

  fetchOffsets(group: string): CommittedOffset[] {
    return [...this.rows.values()].filter((o) => o.group === group)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  }

  deleteOffsets(group: string, topicPartitions?: TopicPartitionRef[]): void {
    for (const [k, o] of this.rows) {
      if (o.group !== group) continue
      if (!topicPartitions || topicPartitions.some((tp) => tp.topic === o.topic && tp.partition === o.partition)) this.rows.delete(k)
    }
  }

  listOffsetGroups(): string[] {
    return [...new Set([...this.rows.values()].map((o) => o.group))].sort()
  }
}

/** ConsumerProtocolSubscription v0: int16 version, [string topics], bytes userData. */
export function subscription(topics: string[]): Buffer {
  const parts = [Buffer.from([0, 0]), int32(topics.length)]
  for (const t of topics) parts.push(str(t))
  parts.push(int32(-1))
  return Buffer.concat(parts)
}

/** ConsumerProtocolAssignment v0: int16 version, [topic, [int32 partition]], bytes userData. */
export function assignment(tps: { topic: string; partitions: number[] }[]): Buffer {
  const parts = [Buffer.from([0, 0]), int32(tps.length)]
  for (const tp of tps) {
    parts.push(str(tp.topic), int32(tp.partitions.length), ...tp.partitions.map(int32))
  }
  parts.push(int32(-1))
  return Buffer.concat(parts)
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeInt32BE(n)
  return b
}

function str(s: string): Buffer {
  const b = Buffer.alloc(2)
  b.writeInt16BE(Buffer.byteLength(s))
  return Buffer.concat([b, Buffer.from(s)])
}

export function joinReq(groupId: string, over: Partial<JoinRequest> = {}): JoinRequest & { groupId: string } {
  return {
    groupId, memberId: '', groupInstanceId: null, clientId: 'client', clientHost: '/127.0.0.1',
    sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 30_000, protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: subscription(['t1']) }], requireKnownMemberId: false, ...over,
  }
}

export function setup(initialRebalanceDelayMs = 0) {
  const clock = new FakeClock()
  const store = new MemoryOffsetStore()
  const coordinator = new GroupCoordinator({ storage: store, clock, config: { initialRebalanceDelayMs } })
  return { clock, store, coordinator }
}

/** Wraps a promise so tests can ask whether it has settled without awaiting it. */
export function track<T>(p: Promise<T>): { readonly done: boolean; readonly value: T | undefined; promise: Promise<T> } {
  const state = { done: false, value: undefined as T | undefined, promise: p }
  p.then((v) => {
    state.done = true
    state.value = v
  })
  return state
}

/** Lets resolved promises run their continuations. */
export const flush = () => new Promise<void>((r) => setImmediate(r))
