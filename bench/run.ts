// `npm run bench`: produce/consume throughput of a broker child process with SQLite, memory and null storage,
// plus start-up times. Prints a table and writes bench/results/<timestamp>.json (and latest.json).
// Flags: --profile (broker runs under node --cpu-prof, profiles in bench/results/profiles/), --quick (1/4 sizes),
// --only=null,memory,sqlite (storage engines to run).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnBroker } from './broker-process'
import { kafkajsProduce, librdkafkaConsume, librdkafkaProduce, type ClientResult } from './clients'
import { cliVariants, measureCli, measureStartBroker, type StartupFigures } from './startup'
import { machine, printStartup, printThroughput, type ThroughputRow } from './report'

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const profile = args.includes('--profile')
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const SIZE = 1024
const scale = quick ? 0.25 : 1
// Bounded so a full run stays within a few minutes on a 2-core machine.
const LIBRDKAFKA_COUNT = Math.round(200_000 * scale) // ~200 MB per run
const KAFKAJS_COUNT = Math.round(60_000 * scale)

type Engine = 'null' | 'memory' | 'sqlite'
const engines = (['null', 'memory', 'sqlite'] as Engine[]).filter((e) => !only || only.includes(e))

async function benchEngine(engine: Engine): Promise<ThroughputRow[]> {
  const dataDir = engine === 'sqlite' ? mkdtempSync(join(tmpdir(), 'brooklet-bench-')) : undefined
  const options = engine === 'null' ? { nullStorage: true } : engine === 'memory' ? { memory: true } : { dataDir }
  const broker = await spawnBroker(options, profile ? join(RESULTS, 'profiles', engine) : undefined)
  const rows: ThroughputRow[] = []
  const measure = async (test: string, client: string, acks: string, run: () => Promise<ClientResult>) => {
    await broker.stats()
    const cpu0 = broker.cpuSeconds()
    const result = await run()
    const brokerCpu = (broker.cpuSeconds() - cpu0) / result.seconds
    const s = await broker.stats()
    const batches = Object.values(s.topics).reduce((a, t) => ({ n: a.n + t.batches, bytes: a.bytes + t.batchBytes }), { n: 0, bytes: 0 })
    rows.push({
      test, client, acks, engine, result, brokerCpu,
      avgBatchBytes: batches.n ? batches.bytes / batches.n : undefined,
      avgProduceRequestBytes: s.produceRequests ? s.produceRequestBytes / s.produceRequests : undefined,
      avgProduceHandlerMs: s.produceRequests ? s.produceHandlerMs / s.produceRequests : undefined,
    })
    process.stderr.write(`  ${engine.padEnd(6)} ${test} ${client} acks=${acks}: ${(result.bytes / 1e6 / result.seconds).toFixed(1)} MB/s\n`)
  }
  try {
    const t = (name: string) => `${name}-${engine}`
    await measure('produce', 'librdkafka', '1', () => librdkafkaProduce(broker.bootstrap, t('lib-acks1'), LIBRDKAFKA_COUNT, SIZE, '1'))
    await measure('produce', 'librdkafka', 'all', () => librdkafkaProduce(broker.bootstrap, t('lib-acksall'), LIBRDKAFKA_COUNT, SIZE, 'all'))
    await measure('produce', 'kafkajs', '1', () => kafkajsProduce(broker.bootstrap, t('kafkajs-acks1'), KAFKAJS_COUNT, SIZE, 1))
    if (engine !== 'null') {
      await measure('consume', 'librdkafka', '-', () => librdkafkaConsume(broker.bootstrap, t('lib-acks1'), LIBRDKAFKA_COUNT + 1))
    }
  } finally {
    await broker.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true })
  const info = machine()
  process.stderr.write(`brooklet bench: ${info.cpus}× ${info.cpuModel}, node ${info.node}${quick ? ' (quick)' : ''}\n`)
  const rows: ThroughputRow[] = []
  for (const engine of engines) rows.push(...(await benchEngine(engine)))
  process.stderr.write('  start-up...\n')
  const startup: Record<string, StartupFigures> = { 'startBroker() memory': await measureStartBroker(quick ? 10 : 30) }
  for (const variant of cliVariants()) startup[`CLI ${variant.name}`] = await measureCli(variant, quick ? 3 : 7)
  printThroughput(rows)
  printStartup(startup)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const json = JSON.stringify({ at: new Date().toISOString(), machine: info, recordBytes: SIZE, throughput: rows, startup }, null, 2)
  writeFileSync(join(RESULTS, `${stamp}.json`), json)
  writeFileSync(join(RESULTS, 'latest.json'), json)
  console.log(`\nJSON: bench/results/${stamp}.json`)
}

await main()
