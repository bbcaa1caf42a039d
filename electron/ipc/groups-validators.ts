/** Runtime validation of the consumer-group channels of groups-types.ts (merged into validators.ts). */
import type { GroupsInvoke } from './groups-types'
import { array, bool, byKind, int64, literal, nullable, object, str, tuple, type Check } from './schema'

const groupId = str({ min: 1, max: 1000 })
const topicName = str({ min: 1, max: 249, pattern: /^[a-zA-Z0-9._-]+$/, what: 'a topic name (1-249 of a-z A-Z 0-9 . _ -)' })

const target = byKind<unknown>({
  earliest: object({ kind: literal('earliest') }),
  latest: object({ kind: literal('latest') }),
  timestamp: object({ kind: literal('timestamp'), timestampMs: int64 }),
  offset: object({ kind: literal('offset'), offset: int64 }),
  shift: object({ kind: literal('shift'), by: int64 }),
})

export const groupsValidators: { [C in keyof GroupsInvoke]: Check<unknown[]> } = {
  'groups:lag': tuple(groupId),
  'groups:lag-history': tuple(groupId, literal('5m', '15m', '1h', '6h', '24h', '7d')),
  'groups:reset-offsets': tuple(object({ groupId, topics: nullable(array(topicName, 10_000)), target, dryRun: bool })),
  'groups:delete': tuple(groupId),
  'groups:timeline': tuple(groupId),
}
