import type { GroupConfig } from '../groups/types'

/** Everything `startBroker()` and `brooklet serve` accept. */
export interface BrokerOptions {
  /** Interface to listen on. Loopback by default: a local broker is not a network service. */
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Host clients are told to reconnect to in Metadata (CLIENTS.md pitfall 23). Defaults to host. */
  advertisedHost?: string
  /** Keep the log in memory only (tests); otherwise SQLite under dataDir. */
  memory?: boolean
  dataDir?: string
  /** 'always' makes SQLite fsync every commit (synchronous=FULL). */
  fsync?: 'normal' | 'always'
  /** Kafka's auto.create.topics.enable, on by default as in Kafka. */
  autoCreateTopics?: boolean
  /** Kafka's num.partitions for auto-created topics. */
  numPartitions?: number
  /** Frame-size cap checked before allocating (Kafka's socket.request.max.bytes is 100 MiB). */
  maxFrameBytes?: number
  nodeId?: number
  /** Storage engine that keeps nothing (benchmarks: the ceiling without SQLite). */
  nullStorage?: boolean
  /** Where log lines go; defaults to stderr. */
  log?: (line: string) => void
  /** Period of the background log cleaner (retention, compaction); 0 turns the timer off. Default 30 s. */
  cleanerIntervalMs?: number
  /** Group coordinator settings (initial rebalance delay, session timeout bounds); tests shorten them. */
  groupConfig?: Partial<GroupConfig>
}

export interface ResolvedBrokerOptions {
  host: string
  port: number
  advertisedHost: string
  memory: boolean
  dataDir: string | undefined
  fsync: 'normal' | 'always'
  autoCreateTopics: boolean
  numPartitions: number
  maxFrameBytes: number
  nodeId: number
  nullStorage: boolean
  log: (line: string) => void
  cleanerIntervalMs: number
  groupConfig: Partial<GroupConfig>
}

export function resolveOptions(options: BrokerOptions = {}): ResolvedBrokerOptions {
  const host = options.host ?? '127.0.0.1'
  return {
    host,
    port: options.port ?? 9092,
    advertisedHost: options.advertisedHost ?? advertisableHost(host),
    memory: options.memory ?? false,
    dataDir: options.dataDir,
    fsync: options.fsync ?? 'normal',
    autoCreateTopics: options.autoCreateTopics ?? true,
    numPartitions: options.numPartitions ?? 1,
    maxFrameBytes: options.maxFrameBytes ?? 100 * 1024 * 1024,
    nodeId: options.nodeId ?? 1,
    nullStorage: options.nullStorage ?? false,
    log: options.log ?? ((line) => process.stderr.write(line + '\n')),
    cleanerIntervalMs: options.cleanerIntervalMs ?? 30_000,
    groupConfig: options.groupConfig ?? {},
  }
}

/** A wildcard bind address is not something a client can connect to. */
function advertisableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
}
