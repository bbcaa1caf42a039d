// Minimal readers for the embedded "consumer" protocol payloads (ConsumerProtocolSubscription /
// ConsumerProtocolAssignment). Every version starts with the same prefix (int16 version, then topics), so we
// read only that prefix. TODO: switch to the generated codecs once core/protocol/generated/ has them.

export interface TopicPartitions {
  topic: string
  partitions: number[]
}

/** Forward-only reader that reports malformed input as undefined instead of throwing. */
class PrefixReader {
  private pos = 0
  constructor(private readonly buf: Buffer) {}

  int16(): number | undefined {
    if (this.pos + 2 > this.buf.length) return undefined
    const v = this.buf.readInt16BE(this.pos)
    this.pos += 2
    return v
  }

  int32(): number | undefined {
    if (this.pos + 4 > this.buf.length) return undefined
    const v = this.buf.readInt32BE(this.pos)
    this.pos += 4
    return v
  }

  string(): string | undefined {
    const len = this.int16()
    if (len === undefined || len < 0 || this.pos + len > this.buf.length) return undefined
    const s = this.buf.toString('utf8', this.pos, this.pos + len)
    this.pos += len
    return s
  }

  /** int32 count; rejects counts that cannot fit in the remaining bytes. */
  count(minItemBytes: number): number | undefined {
    const n = this.int32()
    if (n === undefined || n < 0 || n * minItemBytes > this.buf.length - this.pos) return undefined
    return n
  }
}

/** Topics a consumer subscribes to; undefined if the metadata is not a consumer subscription. */
export function readSubscriptionTopics(metadata: Buffer): string[] | undefined {
  const r = new PrefixReader(metadata)
  if (r.int16() === undefined) return undefined
  const n = r.count(2)
  if (n === undefined) return undefined
  const topics: string[] = []
  for (let i = 0; i < n; i++) {
    const t = r.string()
    if (t === undefined) return undefined
    topics.push(t)
  }
  return topics
}

/** Partitions assigned to a consumer; [] for an empty buffer (no assignment yet), undefined if malformed. */
export function readAssignment(assignment: Buffer): TopicPartitions[] | undefined {
  if (assignment.length === 0) return []
  const r = new PrefixReader(assignment)
  if (r.int16() === undefined) return undefined
  const n = r.count(6)
  if (n === undefined) return undefined
  const result: TopicPartitions[] = []
  for (let i = 0; i < n; i++) {
    const topic = r.string()
    const count = r.count(4)
    if (topic === undefined || count === undefined) return undefined
    const partitions: number[] = []
    for (let j = 0; j < count; j++) partitions.push(r.int32()!)
    result.push({ topic, partitions })
  }
  return result
}
