import { randomBytes } from 'node:crypto'
import { openStorage } from '../storage/open-storage'
import { NullStorage } from '../storage/null/null-storage'
import type { Storage } from '../storage/storage'
import { LogService } from '../log/log-service'
import { LogCleaner } from '../log/cleaner/cleaner'
import { GroupCoordinator } from '../groups/coordinator'
import { systemClock } from '../groups/clock'
import { resolveOptions, type BrokerOptions, type ResolvedBrokerOptions } from './options'
import { TopicService } from './topics'
import { BrokerEvents } from './events'
import { ProducerIdAllocator } from './producer-ids'
import { BrokerServer } from './server'
import { TransactionCoordinator } from '../txn/coordinator'
import type { BrokerContext } from './context'
import type { ConnectionInfo } from './connection-info'

export interface RunningBroker {
  /** "host:port" to give clients as bootstrap servers. */
  readonly bootstrap: string
  readonly host: string
  readonly port: number
  readonly context: BrokerContext
  /** Closes every client connection (fault-injection for tests); returns how many were open. */
  dropConnections(): number
  stop(): Promise<void>
}

/** Opens storage, binds the listener, and resolves once connections are accepted. */
export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const resolved = resolveOptions(options)
  const storage = openBrokerStorage(resolved)
  const events = new BrokerEvents()
  const abort = new AbortController()
  const infos = new Map<number, ConnectionInfo>()
  const log = new LogService(storage, events)
  const groups = new GroupCoordinator({ storage, clock: systemClock, config: resolved.groupConfig })
  const producerIds = new ProducerIdAllocator(storage)
  const transactions = new TransactionCoordinator({
    storage, log, clock: systemClock, allocateProducerId: () => producerIds.allocate(),
    noteEpoch: (id, epoch) => log.producers.noteEpoch(id, epoch),
    onOffsetsCommitted: (offsets) => groups.announceCommitted(offsets),
  })
  log.txnGuard = (id, epoch, topic, partition) => transactions.checkProduce(id, epoch, topic, partition)
  // Before accepting connections: finish or abort whatever a previous run left in flight.
  transactions.recover()
  const context: BrokerContext = {
    options: resolved,
    clusterId: clusterIdOf(storage),
    advertisedPort: resolved.port,
    storage,
    topics: new TopicService(storage, events, resolved.numPartitions),
    log,
    groups,
    events,
    producerIds,
    transactions,
    cleaner: new LogCleaner(storage, { intervalMs: resolved.cleanerIntervalMs, log: resolved.log, producers: log.producers }),
    connections: infos,
    shutdown: abort.signal,
  }
  const server = new BrokerServer(context, infos)
  let port: number
  try {
    port = await server.listen(resolved.host, resolved.port)
  } catch (err) {
    storage.close()
    throw err
  }
  context.advertisedPort = port
  context.cleaner.start()
  let stopped: Promise<void> | undefined
  return {
    bootstrap: `${resolved.advertisedHost}:${port}`,
    host: resolved.advertisedHost,
    port,
    context,
    dropConnections: () => server.dropConnections(),
    stop: () =>
      (stopped ??= (async () => {
        abort.abort()
        await context.cleaner.stop()
        context.log.notifier.notifyAll()
        context.groups.shutdown()
        context.transactions.shutdown()
        await server.close()
        storage.close()
      })()),
  }
}

function openBrokerStorage(options: ResolvedBrokerOptions): Storage {
  if (options.nullStorage) return new NullStorage()
  return openStorage({ memory: options.memory, dataDir: options.dataDir, fsync: options.fsync })
}

/** A stable cluster id (Metadata v2+), base64url of 16 random bytes as Kafka formats it. */
function clusterIdOf(storage: Storage): string {
  let id = storage.getMeta('cluster-id')
  if (!id) {
    id = randomBytes(16).toString('base64url')
    storage.setMeta('cluster-id', id)
  }
  return id
}
