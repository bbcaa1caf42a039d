/**
 * Leader-aware reads over KafkaWire: Metadata v8, ListOffsets v5 and Fetch v11 (all the last non-flexible
 * versions, so one request-header shape serves them). Requests go to each partition's leader, so the same
 * code reads from the embedded broker or any Kafka-compatible cluster.
 */
import {
  FetchMeta, ListOffsetsMeta, MetadataMeta, defaultFetchRequest, defaultListOffsetsRequest, defaultMetadataRequest,
  readFetchResponse, readListOffsetsResponse, readMetadataResponse, writeFetchRequest, writeListOffsetsRequest,
  writeMetadataRequest,
} from '../../core/protocol/generated'
import { KafkaWire, WireError } from './kafka-wire'
import { kafkaErrorName } from './kafka-errors'

const METADATA_V = 8
const LIST_OFFSETS_V = 5
const FETCH_V = 11
const ZERO_UUID = '00000000000000000000000000000000'
/** ListOffsets special timestamps (ListOffsetsRequest.json: -1 latest, -2 earliest). */
export const LATEST = -1n
export const EARLIEST = -2n

export interface PartitionMeta {
  partition: number
  leader: number
  replicas: number[]
  isr: number[]
}

export interface TopicMeta {
  name: string
  topicId: string | null
  internal: boolean
  partitions: PartitionMeta[]
}

export interface ClusterMeta {
  clusterId: string | null
  controllerId: number
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[]
  topics: TopicMeta[]
}

export interface FetchedPartition {
  records: Buffer | null
  highWatermark: bigint
  logStartOffset: bigint
}

export class KafkaProtocolError extends Error {
  constructor(readonly kafkaCode: string, message: string) {
    super(message)
    this.name = 'KafkaProtocolError'
  }
}

function check(errorCode: number, what: string): void {
  if (errorCode !== 0) {
    const name = kafkaErrorName(errorCode)
    throw new KafkaProtocolError(name, `${what}: ${name}`)
  }
}

export class WireCluster {
  private readonly bootstrapWire: KafkaWire
  private readonly nodes = new Map<number, KafkaWire>()
  private brokers = new Map<number, { host: string; port: number }>()

  constructor(bootstrap: string) {
    const [host, port] = splitHostPort(bootstrap)
    this.bootstrapWire = new KafkaWire(host, port)
  }

  /** All topics when `topics` is undefined. Never auto-creates (allowAutoTopicCreation=false). */
  async metadata(topics?: string[]): Promise<ClusterMeta> {
    const req = defaultMetadataRequest()
    req.topics = topics ? topics.map((name) => ({ topicId: ZERO_UUID, name })) : null
    req.allowAutoTopicCreation = false
    const res = await this.bootstrapWire.request(MetadataMeta.apiKey, METADATA_V, (w) => writeMetadataRequest(w, METADATA_V, req), (r) => readMetadataResponse(r, METADATA_V))
    this.brokers = new Map(res.brokers.map((b) => [b.nodeId, { host: b.host, port: b.port }]))
    return {
      clusterId: res.clusterId,
      controllerId: res.controllerId,
      brokers: res.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
      topics: res.topics.map((t) => {
        check(t.errorCode, `topic ${t.name ?? '?'}`)
        return {
          name: t.name ?? '',
          topicId: /^0+$/.test(t.topicId) ? null : t.topicId,
          internal: t.isInternal,
          partitions: t.partitions
            .map((p) => ({ partition: p.partitionIndex, leader: p.leaderId, replicas: p.replicaNodes, isr: p.isrNodes }))
            .sort((a, b) => a.partition - b.partition),
        }
      }),
    }
  }

  async topic(name: string): Promise<TopicMeta> {
    const meta = await this.metadata([name])
    const t = meta.topics[0]
    if (!t) throw new KafkaProtocolError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name}: UNKNOWN_TOPIC_OR_PARTITION`)
    return t
  }

  /** One offset per partition for `timestamp` (EARLIEST, LATEST or ms); -1n when no record has timestamp >= ms. */
  async listOffsets(topic: TopicMeta, partitions: number[], timestamp: bigint): Promise<Map<number, bigint>> {
    const out = new Map<number, bigint>()
    const byLeader = this.groupByLeader(topic, partitions)
    await Promise.all([...byLeader].map(async ([leader, parts]) => {
      const req = defaultListOffsetsRequest()
      req.replicaId = -1
      req.topics = [{ name: topic.name, partitions: parts.map((p) => ({ partitionIndex: p, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 })) }]
      const res = await this.node(leader).request(ListOffsetsMeta.apiKey, LIST_OFFSETS_V, (w) => writeListOffsetsRequest(w, LIST_OFFSETS_V, req), (r) => readListOffsetsResponse(r, LIST_OFFSETS_V))
      for (const t of res.topics) for (const p of t.partitions) {
        check(p.errorCode, `list offsets ${topic.name}-${p.partitionIndex}`)
        out.set(p.partitionIndex, p.offset)
      }
    }))
    return out
  }

  /** Raw batches of one partition from `offset` (read_uncommitted, so the console sees everything written). */
  async fetch(topic: TopicMeta, partition: number, offset: bigint, maxBytes: number, maxWaitMs = 0): Promise<FetchedPartition> {
    const got = (await this.fetchMany(topic, new Map([[partition, offset]]), maxBytes, maxWaitMs)).get(partition)
    if (!got) throw new WireError(`empty fetch response for ${topic.name}-${partition}`, 'PROTOCOL')
    return got
  }

  /** Several partitions in one Fetch per leader (a long poll on one partition must not block the others). */
  async fetchMany(topic: TopicMeta, positions: Map<number, bigint>, maxBytesPerPartition: number, maxWaitMs = 0): Promise<Map<number, FetchedPartition>> {
    const out = new Map<number, FetchedPartition>()
    const byLeader = this.groupByLeader(topic, [...positions.keys()])
    await Promise.all([...byLeader].map(async ([leader, parts]) => {
      const req = defaultFetchRequest()
      req.replicaId = -1
      req.maxWaitMs = maxWaitMs
      req.minBytes = maxWaitMs > 0 ? 1 : 0
      req.maxBytes = Math.min(0x7fffffff, maxBytesPerPartition * parts.length)
      req.isolationLevel = 0
      req.topics = [{ topic: topic.name, topicId: ZERO_UUID, partitions: parts.map((partition) => ({
        partition, currentLeaderEpoch: -1, fetchOffset: positions.get(partition)!, lastFetchedEpoch: -1, logStartOffset: -1n,
        partitionMaxBytes: maxBytesPerPartition, replicaDirectoryId: ZERO_UUID,
      })) }]
      const res = await this.node(leader).request(FetchMeta.apiKey, FETCH_V, (w) => writeFetchRequest(w, FETCH_V, req), (r) => readFetchResponse(r, FETCH_V), maxWaitMs + 30_000)
      check(res.errorCode, `fetch ${topic.name}`)
      for (const t of res.responses) for (const p of t.partitions) {
        check(p.errorCode, `fetch ${topic.name}-${p.partitionIndex} at ${positions.get(p.partitionIndex)}`)
        out.set(p.partitionIndex, { records: p.records, highWatermark: p.highWatermark, logStartOffset: p.logStartOffset })
      }
    }))
    return out
  }

  close(): void {
    this.bootstrapWire.close()
    for (const w of this.nodes.values()) w.close()
    this.nodes.clear()
  }

  private groupByLeader(topic: TopicMeta, partitions: number[]): Map<number, number[]> {
    const byLeader = new Map<number, number[]>()
    for (const p of partitions) {
      const leader = topic.partitions.find((x) => x.partition === p)?.leader
      if (leader === undefined) throw new KafkaProtocolError('UNKNOWN_TOPIC_OR_PARTITION', `unknown partition ${topic.name}-${p}`)
      const list = byLeader.get(leader) ?? []
      list.push(p)
      byLeader.set(leader, list)
    }
    return byLeader
  }

  private node(nodeId: number): KafkaWire {
    let wire = this.nodes.get(nodeId)
    if (!wire) {
      const b = this.brokers.get(nodeId)
      if (!b) return this.bootstrapWire
      wire = new KafkaWire(b.host, b.port)
      this.nodes.set(nodeId, wire)
    }
    return wire
  }
}

export function splitHostPort(bootstrap: string): [string, number] {
  const first = bootstrap.split(',')[0]!.trim()
  const i = first.lastIndexOf(':')
  const host = first.slice(0, i).replace(/^\[|\]$/g, '')
  const port = Number(first.slice(i + 1))
  if (i <= 0 || !Number.isInteger(port)) throw new WireError(`invalid bootstrap address "${bootstrap}"`, 'VALIDATION')
  return [host, port]
}
