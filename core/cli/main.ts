import { Command, Option } from 'commander'
import { startBroker } from '../index'
import { defaultDataDir } from '../storage/data-dir'

/** `brooklet serve`: the broker headless, for a terminal or CI. */
const program = new Command()
  .name('brooklet')
  .description('A local Kafka-compatible broker on SQLite')
  .showHelpAfterError()

program
  .command('serve')
  .description('run the broker until SIGINT/SIGTERM')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 9092)
  .option('--advertised-host <host>', 'host clients reconnect to (default: --host)')
  .option('--data-dir <dir>', `where the SQLite log lives (default: ${defaultDataDir()})`)
  .option('--memory', 'keep everything in memory; nothing is written to disk', false)
  .addOption(new Option('--fsync <mode>', 'normal: fsync at WAL checkpoints; always: every commit').choices(['normal', 'always']).default('normal'))
  .option('--no-auto-create-topics', 'answer UNKNOWN_TOPIC_OR_PARTITION instead of creating topics on first use')
  .option('--num-partitions <n>', 'partitions for auto-created topics', parsePositive, 1)
  .option('--cleaner-interval-ms <ms>', 'how often retention and compaction run (0: never)', parseNonNegative, 30_000)
  .option('--ui', 'also serve the console in a browser (browser mode)', false)
  .action(async (opts) => {
    const broker = await startBroker({
      host: opts.host,
      port: opts.port,
      advertisedHost: opts.advertisedHost,
      dataDir: opts.dataDir,
      memory: opts.memory,
      fsync: opts.fsync,
      autoCreateTopics: opts.autoCreateTopics,
      numPartitions: opts.numPartitions,
      cleanerIntervalMs: opts.cleanerIntervalMs,
    })
    const where = opts.memory ? 'in memory' : `data in ${opts.dataDir ?? defaultDataDir()}`
    process.stdout.write(`Brooklet is ready at ${broker.bootstrap} (${where})\n`)
    if (opts.ui) {
      const { startBrowserMode } = await import('../../electron/browser-mode/start')
      // Saved remote clusters live next to the data (in memory with --memory).
      const clustersFile = opts.memory ? null : `${opts.dataDir ?? defaultDataDir()}/console-clusters.json`
      await startBrowserMode({ broker, clustersFile })
    }
    let stopping = false
    const stop = async (signal: string) => {
      if (stopping) return
      stopping = true
      process.stdout.write(`Brooklet stopping (${signal})\n`)
      await broker.stop()
      process.exit(0)
    }
    process.on('SIGINT', () => void stop('SIGINT'))
    process.on('SIGTERM', () => void stop('SIGTERM'))
  })

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${value}`)
  return n
}

function parseNonNegative(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`must be a non-negative integer: ${value}`)
  return n
}

function parsePositive(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`must be a positive integer: ${value}`)
  return n
}

program.parseAsync(process.argv).catch((err: NodeJS.ErrnoException) => {
  process.stderr.write(`brooklet: ${explain(err)}\n`)
  process.exit(1)
})

/** Start-up failures in words a person can act on. */
function explain(err: NodeJS.ErrnoException): string {
  const where = 'address' in err && 'port' in err ? `${String(err.address)}:${String(err.port)}` : ''
  if (err.code === 'EADDRINUSE') return `${where} is already in use (another broker?). Pick another --port, or --port 0 for a free one.`
  if (err.code === 'EACCES') return `not allowed to listen on ${where}: ports below 1024 need privileges. Pick another --port.`
  if (err.code === 'EADDRNOTAVAIL') return `${where} is not an address of this machine. Check --host.`
  return err.message
}
