/** messages:read — a page of messages from a start position, read with Fetch at explicit offsets. */
import type { MessagePage, MessageQuery, MessageRow, StartPosition } from '../ipc/contract'
import { compileFilters } from './filters'
import { rowsFromRecords } from './rows'
import { EARLIEST, LATEST, KafkaProtocolError, type TopicMeta, type WireCluster } from './wire-cluster'

const DEFAULT_MAX_SCAN = 100_000
/**
 * The first Fetch of a read asks for little: a broker still returns at least one whole batch (KIP-74), so a
 * first page of 100 rows costs one batch instead of 1 MiB of them (3.5 x 10,000-record batches, ~60 ms of
 * transfer and decode on a 1M-message topic's first open). Later fetches of a long scan grow to SCAN_FETCH_BYTES.
 */
const FIRST_FETCH_BYTES = 64 * 1024
const SCAN_FETCH_BYTES = 4 * 1024 * 1024
const MAX_FETCH_BYTES = 64 * 1024 * 1024

export interface Bounds {
  start: Map<number, bigint>
  end: Map<number, bigint>
}

export async function partitionBounds(cluster: WireCluster, topic: TopicMeta, partitions: number[]): Promise<Bounds> {
  const [start, end] = await Promise.all([cluster.listOffsets(topic, partitions, EARLIEST), cluster.listOffsets(topic, partitions, LATEST)])
  return { start, end }
}

export function selectPartitions(topic: TopicMeta, wanted: number[] | null | undefined): number[] {
  const all = topic.partitions.map((p) => p.partition)
  if (!wanted || wanted.length === 0) return all
  for (const p of wanted) {
    if (!all.includes(p)) throw new KafkaProtocolError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${topic.name} has no partition ${p} (it has ${all.length})`)
  }
  return [...new Set(wanted)].sort((a, b) => a - b)
}

/** First offset to read in each partition, clamped into [log start, log end]. */
export async function startOffsets(cluster: WireCluster, topic: TopicMeta, partitions: number[], start: StartPosition, bounds: Bounds, perPartitionBack: number): Promise<Map<number, bigint>> {
  const out = new Map<number, bigint>()
  const ts = start.kind === 'timestamp' ? await cluster.listOffsets(topic, partitions, BigInt(start.timestampMs)) : null
  for (const p of partitions) {
    const lo = bounds.start.get(p) ?? 0n
    const hi = bounds.end.get(p) ?? 0n
    let at: bigint
    if (start.kind === 'earliest') at = lo
    else if (start.kind === 'latest') at = hi - BigInt(perPartitionBack)
    else if (start.kind === 'offset') at = BigInt(start.offset)
    else if (start.kind === 'timestamp') at = ts!.get(p) === -1n ? hi : (ts!.get(p) ?? hi)
    else at = start.positions[String(p)] !== undefined ? BigInt(start.positions[String(p)]!) : lo
    out.set(p, at < lo ? lo : at > hi ? hi : at)
  }
  return out
}

interface PartitionRead {
  rows: MessageRow[]
  next: bigint
  scanned: number
  reachedEnd: boolean
}

/** Reads one partition from `from` until `end`, `want` matching rows, or `scanBudget` examined messages. */
export async function readPartition(
  cluster: WireCluster, topic: TopicMeta, partition: number, from: bigint, end: bigint,
  want: number, match: ((r: MessageRow) => boolean) | null, scanBudget: number,
): Promise<PartitionRead> {
  const rows: MessageRow[] = []
  let pos = from
  let scanned = 0
  let maxBytes = FIRST_FETCH_BYTES
  while (pos < end && rows.length < want && scanned < scanBudget) {
    const res = await cluster.fetch(topic, partition, pos, maxBytes)
    // Without a filter every row is kept, so only the rows still wanted need converting.
    const got = await rowsFromRecords(res.records, partition, pos, match ? Math.max(1, scanBudget - scanned) : want - rows.length)
    if (got.nextOffset === pos) {
      // Nothing complete came back: a batch is larger than maxBytes (old brokers cut it) — ask for more.
      if (maxBytes >= MAX_FETCH_BYTES || !res.records || res.records.length === 0) break
      maxBytes *= 4
      continue
    }
    for (const row of got.rows) {
      const offset = BigInt(row.offset)
      if (offset >= end) break
      scanned++
      pos = offset + 1n
      if (!match || match(row)) rows.push(row)
      if (rows.length >= want || scanned >= scanBudget) return { rows, next: pos, scanned, reachedEnd: pos >= end }
    }
    pos = got.nextOffset > end ? end : got.nextOffset
    maxBytes = Math.max(maxBytes, Math.min(maxBytes * 4, SCAN_FETCH_BYTES))
  }
  return { rows, next: pos, scanned, reachedEnd: pos >= end }
}

function byTime(a: MessageRow, b: MessageRow): number {
  const ta = BigInt(a.timestamp)
  const tb = BigInt(b.timestamp)
  if (ta !== tb) return ta < tb ? -1 : 1
  if (a.partition !== b.partition) return a.partition - b.partition
  return BigInt(a.offset) < BigInt(b.offset) ? -1 : 1
}

export async function readMessages(cluster: WireCluster, query: MessageQuery): Promise<MessagePage> {
  const topic = await cluster.topic(query.topic)
  const partitions = selectPartitions(topic, query.partitions)
  const bounds = await partitionBounds(cluster, topic, partitions)
  const match = compileFilters(query.filters)
  const maxScan = query.maxScan ?? DEFAULT_MAX_SCAN
  const perPartitionBudget = Math.max(1, Math.ceil(maxScan / partitions.length))
  // "latest" = the newest `limit` messages: step back `limit` per partition (or the scan budget when filtering).
  const back = match ? perPartitionBudget : query.limit
  const starts = await startOffsets(cluster, topic, partitions, query.start, bounds, back)
  const reads = await Promise.all(partitions.map((p) =>
    readPartition(cluster, topic, p, starts.get(p)!, bounds.end.get(p) ?? 0n, query.start.kind === 'latest' ? Number.MAX_SAFE_INTEGER : query.limit, match, perPartitionBudget),
  ))
  const all = reads.flatMap((r) => r.rows)
  if (partitions.length > 1) all.sort(byTime)
  const rows = query.start.kind === 'latest' ? all.slice(-query.limit) : all.slice(0, query.limit)
  const returned = new Set(rows)
  const next: Record<string, string> = {}
  reads.forEach((r, i) => {
    const p = partitions[i]!
    // A partition whose rows were cut by the merge resumes at its first row not returned.
    const cut = query.start.kind !== 'latest' ? r.rows.find((row) => !returned.has(row)) : undefined
    next[String(p)] = cut ? cut.offset : r.next.toString()
  })
  const boundsOut: MessagePage['bounds'] = {}
  for (const p of partitions) boundsOut[String(p)] = { logStartOffset: String(bounds.start.get(p) ?? 0n), logEndOffset: String(bounds.end.get(p) ?? 0n) }
  return {
    topic: topic.name,
    rows,
    next,
    scanned: reads.reduce((n, r) => n + r.scanned, 0),
    reachedEnd: reads.every((r) => r.reachedEnd) && Object.entries(next).every(([p, o]) => BigInt(o) >= (bounds.end.get(Number(p)) ?? 0n)),
    bounds: boundsOut,
  }
}
