// `npm run bench`: produce/consume throughput of a broker child process with SQLite, memory and null storage,
// plus start-up times. Prints a table and writes bench/results/<timestamp>.json (and latest.json).
// Flags: --profile (broker runs under node --cpu-prof, profiles in bench/results/profiles/), --quick (1/4 sizes),
// --only=null,memory,sqlite (storage engines to run), --repeat=N (runs per figure, the median is reported; default 3).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnBroker } from './broker-process'
import type { ApiStats } from './broker-child'
import { kafkajsProduce, librdkafkaConsume, librdkafkaProduce, type ClientResult } from './clients'
import { cliVariants, measureCli, measureStartBroker, type StartupFigures } from './startup'
import { machine, printStartup, printThroughput, type ThroughputRow } from './report'

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const profile = args.includes('--profile')
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? (quick ? 1 : 3))
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
  // The machine may be shared: each figure is the median run (by MB/s) of `repeat`, each on a fresh topic.
  const measure = async (test: string, client: string, acks: string, run: (i: number) => Promise<ClientResult>) => {
    const runs: ThroughputRow[] = []
    for (let i = 0; i < repeat; i++) runs.push(await measureOnce(test, client, acks, () => run(i)))
    runs.sort((a, b) => a.result.bytes / a.result.seconds - b.result.bytes / b.result.seconds)
    const median = runs[Math.floor(runs.length / 2)]!
    rows.push({ ...median, runsMBps: runs.map((r) => r.result.bytes / 1e6 / r.result.seconds) })
    process.stderr.write(`  ${engine.padEnd(6)} ${test} ${client} acks=${acks}: ${rows.at(-1)!.runsMBps!.map((x) => x.toFixed(1)).join(' / ')} MB/s\n`)
  }
  const measureOnce = async (test: string, client: string, acks: string, run: () => Promise<ClientResult>): Promise<ThroughputRow> => {
    await broker.stats()
    const cpu0 = broker.cpuSeconds()
    const result = await run()
    const brokerCpu = (broker.cpuSeconds() - cpu0) / result.seconds
    const s = await broker.stats()
    const batches = Object.values(s.topics).reduce((a, t) => ({ n: a.n + t.batches, bytes: a.bytes + t.batchBytes }), { n: 0, bytes: 0 })
    return {
      test, client, acks, engine, result, brokerCpu,
      avgBatchBytes: batches.n ? batches.bytes / batches.n : undefined,
      ...requestFigures(test === 'consume' ? s.apis[1] : s.apis[0], test === 'consume'),
    }
  }
  try {
    const t = (name: string, i: number) => `${name}-${engine}-${i}`
    await measure('produce', 'librdkafka', '1', (i) => librdkafkaProduce(broker.bootstrap, t('lib-acks1', i), LIBRDKAFKA_COUNT, SIZE, '1'))
    await measure('produce', 'librdkafka', 'all', (i) => librdkafkaProduce(broker.bootstrap, t('lib-acksall', i), LIBRDKAFKA_COUNT, SIZE, 'all'))
    await measure('produce', 'kafkajs', '1', (i) => kafkajsProduce(broker.bootstrap, t('kafkajs-acks1', i), KAFKAJS_COUNT, SIZE, 1))
    if (engine !== 'null') {
      // Catch-up reads of the (~200 MB, +1 warm-up record) topics the acks=1 runs wrote.
      await measure('consume', 'librdkafka', '-', (i) => librdkafkaConsume(broker.bootstrap, t('lib-acks1', i % repeat), LIBRDKAFKA_COUNT + 1))
    }
  } finally {
    await broker.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}

/** Mean size of the data-carrying message (produce request, fetch response) and mean handler time. */
function requestFigures(a: ApiStats | undefined, fetch: boolean): Pick<ThroughputRow, 'avgRequestBytes' | 'avgHandlerMs'> {
  if (!a?.count) return {}
  return { avgRequestBytes: (fetch ? a.responseBytes : a.requestBytes) / a.count, avgHandlerMs: a.handlerMs / a.count }
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true })
  const info = machine()
  const loadBefore = loadavg()
  process.stderr.write(`brooklet bench: ${info.cpus}× ${info.cpuModel}, node ${info.node}${quick ? ' (quick)' : ''}\n`)
  const rows: ThroughputRow[] = []
  for (const engine of engines) rows.push(...(await benchEngine(engine)))
  process.stderr.write('  start-up...\n')
  // The bundled-CLI rows need dist/cli.js; an existing bundle is used as is (`npm run build:cli` refreshes it).
  if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' })
  const startup: Record<string, StartupFigures> = { 'startBroker() memory': await measureStartBroker(quick ? 10 : 30) }
  for (const variant of cliVariants()) startup[`CLI ${variant.name}`] = await measureCli(variant, quick ? 3 : 7)
  const load = { before: loadBefore, after: loadavg() }
  printThroughput(rows)
  printStartup(startup)
  console.log(`\nload average (1/5/15 min) before: ${load.before.map((x) => x.toFixed(2)).join(' ')}, after: ${load.after.map((x) => x.toFixed(2)).join(' ')} on ${info.cpus} CPUs`)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const json = JSON.stringify({ at: new Date().toISOString(), machine: info, recordBytes: SIZE, repeat, load, throughput: rows, startup }, null, 2)
  writeFileSync(join(RESULTS, `${stamp}.json`), json)
  writeFileSync(join(RESULTS, 'latest.json'), json)
  console.log(`\nJSON: bench/results/${stamp}.json`)
}

await main()
