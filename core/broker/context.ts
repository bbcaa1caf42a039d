import type { Storage } from '../storage/storage'
import type { LogService } from '../log/log-service'
import type { GroupCoordinator } from '../groups/coordinator'
import type { ResolvedBrokerOptions } from './options'
import type { TopicService } from './topics'
import type { BrokerEvents } from './events'
import type { ConnectionInfo } from './connection-info'
import type { ProducerIdAllocator } from './producer-ids'
import type { LogCleaner } from '../log/cleaner/cleaner'
import type { TransactionCoordinator } from '../txn/coordinator'

/** Everything handlers may use; one per broker. */
export interface BrokerContext {
  readonly options: ResolvedBrokerOptions
  readonly clusterId: string
  /** The port clients reconnect to (the bound port when options.port was 0). */
  advertisedPort: number
  readonly storage: Storage
  readonly topics: TopicService
  readonly log: LogService
  readonly groups: GroupCoordinator
  readonly events: BrokerEvents
  readonly producerIds: ProducerIdAllocator
  /** Transactional ids, their transactions and the markers that end them (KIP-98). */
  readonly transactions: TransactionCoordinator
  /** Retention and compaction; `cleaner.runNow()` runs a pass at once (tests, console). */
  readonly cleaner: LogCleaner
  readonly connections: ReadonlyMap<number, ConnectionInfo>
  /** Aborted when the broker stops, so long polls end at once. */
  readonly shutdown: AbortSignal
}
