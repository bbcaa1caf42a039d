/**
 * Runtime validation of every invoke channel's args (the main process and the browser-mode server run these
 * before any handler). One entry per channel of the contract; a missing entry fails to compile.
 */
import type { InvokeArgs, InvokeChannel, Result, TextFilter } from './contract'
import { fail, ok } from './contract'
import { groupsValidators } from './groups-validators'
import { inspectorValidators } from './inspector-validators'
import {
  SchemaError, array, bool, byKind, int, int64, literal, nullable, num, object, optional, record, regexSource, str,
  tuple, type Check,
} from './schema'

// Kafka's topic name rule: up to 249 chars of [a-zA-Z0-9._-] (Topic.java legalChars / maxNameLength).
const topicName = str({ min: 1, max: 249, pattern: /^[a-zA-Z0-9._-]+$/, what: 'a topic name (1-249 of a-z A-Z 0-9 . _ -)' })
const groupId = str({ min: 1, max: 1000 })
const jobId = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, what: 'a job id (1-64 of A-Z a-z 0-9 _ -)' })
const partition = int(0, 100_000)
const partitions = optional(nullable(array(partition, 100_000)))
const compression = literal('none', 'gzip', 'snappy', 'lz4', 'zstd')
const encoding = optional(literal('text', 'base64'))
const MAX_VALUE = 16 * 1024 * 1024

const textFilter: Check<TextFilter> = (v, path) => {
  const f = object({ pattern: str({ max: 500 }), mode: literal('contains', 'regex'), caseSensitive: optional(bool) })(v, path)
  if (f.mode === 'regex') regexSource(f.pattern, `${path}.pattern`)
  return f
}

const filters = optional(object({ key: optional(textFilter), value: optional(textFilter), header: optional(textFilter) }))

const start = byKind<unknown>({
  earliest: object({ kind: literal('earliest') }),
  latest: object({ kind: literal('latest') }),
  offset: object({ kind: literal('offset'), offset: int64 }),
  timestamp: object({ kind: literal('timestamp'), timestampMs: int64 }),
  cursor: object({ kind: literal('cursor'), positions: record(str({ pattern: /^\d+$/, what: 'a partition number' }), int64, 100_000) }),
})

const queryFields = {
  topic: topicName,
  partitions,
  start,
  filters,
  maxScan: optional(int(1, 10_000_000)),
}

const messageQuery = object({ ...queryFields, limit: int(1, 5000) })

const exportEnd = optional(byKind<unknown>({
  latest: object({ kind: literal('latest') }),
  offset: object({ kind: literal('offset'), offset: int64 }),
  timestamp: object({ kind: literal('timestamp'), timestampMs: int64 }),
}))

const exportSource = byKind<unknown>({
  range: object({ kind: literal('range'), query: object(queryFields), end: exportEnd, maxMessages: optional(int(1, 10_000_000)) }),
  selection: object({
    kind: literal('selection'),
    topic: topicName,
    refs: array(object({ partition, offset: int64 }), 100_000),
  }),
})

const header = object({ key: str({ max: 10_000 }), value: nullable(str({ max: MAX_VALUE })) })
const headers = optional(array(header, 1000))

const produceRequest = object({
  jobId,
  topic: topicName,
  key: nullable(str({ max: MAX_VALUE })),
  value: nullable(str({ max: MAX_VALUE })),
  headers,
  encoding,
  partition: nullable(partition),
  compression,
  count: int(1, 1_000_000),
  ratePerSec: nullable(num(0.1, 1_000_000)),
  template: bool,
})

const produceRecord = object({
  key: nullable(str({ max: MAX_VALUE })),
  value: nullable(str({ max: MAX_VALUE })),
  headers,
  encoding,
  partition: optional(nullable(partition)),
  timestampMs: optional(nullable(int64)),
})

const templateInput = object({
  name: str({ min: 1, max: 200 }),
  key: nullable(str({ max: MAX_VALUE })),
  value: nullable(str({ max: MAX_VALUE })),
  headers: array(header, 1000),
})

const configName = str({ min: 1, max: 255, pattern: /^[a-z0-9._-]+$/i, what: 'a config name' })

export const validators: { [C in InvokeChannel]: Check<unknown[]> } = {
  'app:info': tuple(),
  'broker:status': tuple(),
  'broker:stats': tuple(),
  'cluster:overview': tuple(),
  'topics:list': tuple(),
  'topics:get': tuple(topicName),
  'topics:create': tuple(object({
    name: topicName,
    partitions: int(1, 100_000),
    replicationFactor: optional(int(1, 100)),
    configs: optional(record(configName, str({ max: 10_000 }), 200)),
  })),
  'topics:delete': tuple(topicName),
  'topics:alter-configs': tuple(topicName, array(object({ name: configName, value: nullable(str({ max: 10_000 })) }), 200)),
  'topics:add-partitions': tuple(topicName, int(1, 100_000)),
  'topics:config-defs': tuple(),
  'topics:consumers': tuple(topicName),
  'messages:read': tuple(messageQuery),
  'messages:tail-start': tuple(object({ topic: topicName, partitions, filters })),
  'messages:tail-stop': tuple(jobId),
  'messages:export': tuple(object({ jobId, format: literal('jsonl', 'csv'), source: exportSource })),
  'export:cancel': tuple(jobId),
  'produce:send': tuple(produceRequest),
  'produce:records': tuple(object({ jobId, topic: topicName, compression, records: array(produceRecord, 100_000) })),
  'produce:cancel': tuple(jobId),
  'produce:partition-for-key': tuple(topicName, str({ max: MAX_VALUE }), encoding),
  'produce:render-template': tuple(str({ max: MAX_VALUE }), optional(int(0, Number.MAX_SAFE_INTEGER))),
  'templates:list': tuple(topicName),
  'templates:save': tuple(topicName, templateInput),
  'templates:delete': tuple(topicName, str({ min: 1, max: 200 })),
  'groups:list': tuple(),
  'groups:describe': tuple(groupId),
  'clients:list': tuple(),
  'files:reveal': tuple(str({ min: 1, max: 4096 })),
  ...groupsValidators,
  ...inspectorValidators,
}

/** Validates one invoke's args; the error message names the channel and the offending field. */
export function validateArgs<C extends InvokeChannel>(channel: C, args: unknown): Result<InvokeArgs<C>> {
  const check = (validators as Record<string, Check<unknown[]> | undefined>)[channel]
  if (!check) return fail('VALIDATION', `unknown channel "${String(channel)}"`)
  try {
    const checked = check(args, 'args')
    // Drop trailing undefined optional args so handlers see the caller's arity.
    while (checked.length > 0 && checked[checked.length - 1] === undefined) checked.pop()
    return ok(checked as InvokeArgs<C>)
  } catch (err) {
    if (err instanceof SchemaError) return fail('VALIDATION', `${channel}: ${err.message}`)
    throw err
  }
}
