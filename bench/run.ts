// `npm run bench`: the produce matrix (record size × partitions × acks × librdkafka/kafkajs) against a broker
// child with SQLite and null storage and against loopback TCP; fixed-rate end-to-end latency; a ~1 GB
// catch-up through the CLI broker (consume, disk bytes, RSS); start-up. Prints tables and writes
// bench/results/<timestamp>.json (and latest.json). See docs/benchmarks.md.
// Flags: --quick (short sizes), --profile (broker children under node --cpu-prof -> bench/results/profiles/),
// --only=tcp,null,memory,sqlite,latency,catchup,startup (phases; memory is off unless named),
// --repeat=N (runs of the librdkafka 1 KB 1-partition figures, median reported; default 3, quick 1).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnBroker } from './broker-process'
import { catchUp, idleRss, startCli, stopCli, type CatchUpFigures } from './catch-up'
import { librdkafkaLatency } from './clients'
import { machine, printLatency, printResources, printStartup, printThroughput, type LatencyRow, type ThroughputRow } from './report'
import { cliVariants, measureCli, measureStartBroker, type StartupFigures } from './startup'
import { benchEngine, benchTcp, cases, type Engine } from './throughput'

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist/cli.js')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const profileDir = args.includes('--profile') ? join(RESULTS, 'profiles') : undefined
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const phase = (name: string, byDefault = true) => (only ? only.includes(name) : byDefault)
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? (quick ? 1 : 3))
const scale = quick ? 0.25 : 1
// OMB's 1-topic-16-partitions-1kb workload, scaled to a 2-core machine.
// Each run adds `warmup` seconds at the same rate before the measured `seconds`.
const LATENCY = { rate: 10_000, seconds: quick ? 10 : 60, baselineSeconds: quick ? 10 : 20, warmup: quick ? 2 : 5, partitions: 16 }
const CATCH_UP_RECORDS = quick ? 200_000 : 1_000_000 // ~200 MB / ~1 GB of 1 KB values

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

async function latency(engine: Engine, seconds: number): Promise<LatencyRow> {
  const dataDir = engine === 'sqlite' ? mkdtempSync(join(tmpdir(), 'brooklet-bench-')) : undefined
  const broker = await spawnBroker(engine === 'memory' ? { memory: true } : { dataDir }, profileDir ? join(profileDir, `latency-${engine}`) : undefined)
  try {
    await broker.stats()
    const result = await librdkafkaLatency(broker.bootstrap, `latency-${engine}`, LATENCY.partitions, LATENCY.rate, seconds, LATENCY.warmup, 1024)
    result.brokerLoopDelay = (await broker.stats()).loopDelay
    process.stderr.write(`  latency ${engine}: p50 ${result.p50} p99 ${result.p99} p99.9 ${result.p999} max ${result.max} ms\n`)
    return { engine, rate: LATENCY.rate, seconds, partitions: LATENCY.partitions, result }
  } finally {
    await broker.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Everything one invocation measures; printed and written as JSON at the end. */
interface Collected {
  rows: ThroughputRow[]
  latencies: LatencyRow[]
  startup: Record<string, StartupFigures>
  /** Printed figures (formatted) and the same figures raw (bytes) for the JSON. */
  resources: Record<string, string>
  raw: Record<string, number>
}

async function throughputPhases(c: Collected): Promise<void> {
  const list = cases(scale, repeat)
  if (phase('tcp')) {
    const volumes = [1024, 100].map((size) => ({ size, bytes: list.find((x) => x.client === 'librdkafka' && x.size === size)!.count * size }))
    c.rows.push(...(await benchTcp(volumes, repeat)))
  }
  for (const engine of (['null', 'memory', 'sqlite'] as Engine[]).filter((e) => phase(e, e !== 'memory'))) {
    const { rows, peakRss } = await benchEngine(engine, list, profileDir)
    c.rows.push(...rows)
    c.raw[`peakRss.${engine}`] = peakRss
    c.resources[`broker child (tsx), ${engine}: peak RSS during the produce matrix`] = mb(peakRss)
  }
  if (phase('latency')) c.latencies.push(await latency('sqlite', LATENCY.seconds), await latency('memory', LATENCY.baselineSeconds))
}

/** The ~1 GB directory written by the catch-up phase is reused for the CLI start-up and idle-RSS rows. */
async function catchUpAndStartup(c: Collected, bigDir: string): Promise<void> {
  let big: CatchUpFigures | undefined
  if (phase('catchup')) {
    big = await catchUp(CLI, bigDir, CATCH_UP_RECORDS)
    c.rows.push(...big.rows)
    Object.assign(c.raw, { idleRssEmptyDir: big.idleRssEmpty, peakRssCliProduce: big.peakRssProduce, diskBytes: big.diskBytes, bytesPerMillion1KB: big.bytesPerMillion })
    c.resources['CLI, empty data dir: idle RSS (2 s after first ApiVersions)'] = mb(big.idleRssEmpty)
    c.resources['CLI, SQLite: peak RSS during the catch-up produce'] = mb(big.peakRssProduce)
    c.resources[`SQLite on disk: ${big.records.toLocaleString('en-US')} × 1 KB records (after checkpoint)`] = mb(big.diskBytes)
    c.resources['SQLite bytes per million 1 KB records'] = mb(big.bytesPerMillion)
    c.resources['  (raw values per million: 1024.0 MB; overhead)'] = `${((big.bytesPerMillion / 1.024e9 - 1) * 100).toFixed(1)} %`
  }
  if (!phase('startup')) return
  process.stderr.write('  start-up...\n')
  c.startup['startBroker() memory (in-process)'] = await measureStartBroker(quick ? 10 : 30)
  for (const variant of cliVariants()) c.startup[`CLI ${variant.name}`] = await measureCli(variant, quick ? 3 : 7)
  if (big) {
    const name = `CLI dist/cli.js --data-dir (${mb(big.diskBytes)})`
    c.startup[name] = await measureCli({ name, args: [CLI, 'serve', '--port', '0', '--data-dir', bigDir] }, quick ? 3 : 5)
  }
  for (const [what, extra] of [['--memory', ['--memory']], [`--data-dir with ${big ? mb(big.diskBytes) : 'an empty dir'}`, ['--data-dir', bigDir]]] as const) {
    const broker = await startCli(CLI, [...extra])
    const rss = await idleRss(broker)
    await stopCli(broker)
    c.raw[`idleRss ${what}`] = rss
    c.resources[`CLI ${what}: idle RSS (2 s after first ApiVersions)`] = mb(rss)
  }
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true })
  const info = machine()
  const loadBefore = loadavg()
  const loadSamples: number[] = []
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 5000)
  process.stderr.write(`brooklet bench: ${info.cpus}× ${info.cpuModel}, node ${info.node}${quick ? ' (quick)' : ''}\n`)
  // Always rebuild the bundle so the CLI rows measure the current tree.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] })
  const c: Collected = { rows: [], latencies: [], startup: {}, resources: {}, raw: {} }
  await throughputPhases(c)
  const bigDir = mkdtempSync(join(tmpdir(), 'brooklet-bench-big-'))
  try {
    await catchUpAndStartup(c, bigDir)
  } finally {
    rmSync(bigDir, { recursive: true, force: true })
  }
  clearInterval(sampler)
  const load = { before: loadBefore, after: loadavg(), samples1m: loadSamples }
  printThroughput(c.rows)
  if (c.latencies.length) printLatency(c.latencies)
  if (Object.keys(c.startup).length) printStartup(c.startup)
  if (Object.keys(c.resources).length) printResources(c.resources)
  const maxLoad = Math.max(...loadSamples, load.before[0]!)
  console.log(`\nload average (1/5/15 min) before: ${load.before.map((x) => x.toFixed(2)).join(' ')}, after: ${load.after.map((x) => x.toFixed(2)).join(' ')}, max 1-min during: ${maxLoad.toFixed(2)} on ${info.cpus} CPUs`)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const json = JSON.stringify({ at: new Date().toISOString(), machine: info, quick, repeat, load, throughput: c.rows, latency: c.latencies, startup: c.startup, resources: c.raw }, null, 2)
  writeFileSync(join(RESULTS, `${stamp}.json`), json)
  writeFileSync(join(RESULTS, 'latest.json'), json)
  console.log(`\nJSON: bench/results/${stamp}.json`)
}

await main()
