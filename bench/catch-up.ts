// The CLI broker (node dist/cli.js, SQLite) under the large-topic phase of `npm run bench`: idle RSS after
// start, a ~1 GB librdkafka produce (peak RSS under load), consume catch-up of that topic from offset 0,
// SQLite bytes on disk per million 1 KB records, then CLI start-up and idle RSS with that data directory.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { procCpuSeconds, procStatusBytes, resetPeakRss } from './broker-process'
import { librdkafkaConsume, librdkafkaProduce, type ClientResult } from './clients'
import type { ThroughputRow } from './report'
import { apiVersionsV0 } from './startup'

export interface CliBroker {
  child: ChildProcess
  bootstrap: string
}

/** Spawns `node <cli> serve --port 0 <args>` and resolves once it printed "ready at host:port". */
export function startCli(cli: string, args: string[]): Promise<CliBroker> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('CLI broker did not start within 30 s')), 30_000)
    let out = ''
    child.once('exit', (code) => reject(new Error(`CLI broker exited early (${code})`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /ready at ([^\s]+):(\d+)/.exec(out)
      if (!m) return
      clearTimeout(timer)
      resolve({ child, bootstrap: `${m[1]}:${m[2]}` })
    })
  })
}

export function stopCli(broker: CliBroker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => broker.child.kill('SIGKILL'), 30_000)
    broker.child.once('exit', () => (clearTimeout(timer), resolve()))
    broker.child.kill('SIGTERM')
  })
}

/** RSS once the started broker has answered one ApiVersions and sat idle for `settleMs`. */
export async function idleRss(broker: CliBroker, settleMs = 2000): Promise<number> {
  const [host, port] = broker.bootstrap.split(':') as [string, string]
  await apiVersionsV0(host, Number(port))
  await new Promise((r) => setTimeout(r, settleMs))
  return procStatusBytes(broker.child.pid!, 'VmRSS')
}

export interface CatchUpFigures {
  rows: ThroughputRow[]
  idleRssEmpty: number
  peakRssProduce: number
  records: number
  diskBytes: number
  bytesPerMillion: number
}

/** Fills `dataDir` (empty) with `count` 1 KB records through the CLI broker and reads them back. */
export async function catchUp(cli: string, dataDir: string, count: number): Promise<CatchUpFigures> {
  const broker = await startCli(cli, ['--data-dir', dataDir])
  const pid = broker.child.pid!
  const rows: ThroughputRow[] = []
  const row = (test: string, acks: string, result: ClientResult, cpu0: number): ThroughputRow =>
    ({ test, client: 'librdkafka', acks, engine: 'sqlite (CLI)', size: 1024, partitions: 1, result, brokerCpu: (procCpuSeconds(pid) - cpu0) / result.seconds })
  let idleRssEmpty = NaN
  let peakRssProduce = NaN
  try {
    idleRssEmpty = await idleRss(broker)
    resetPeakRss(pid)
    let cpu0 = procCpuSeconds(pid)
    rows.push(row('produce', '1', await librdkafkaProduce(broker.bootstrap, 'catch-up', count, 1024, '1'), cpu0))
    peakRssProduce = procStatusBytes(pid, 'VmHWM')
    process.stderr.write(`  catch-up: wrote ${count} records, ${(rows[0]!.result.bytes / 1e6 / rows[0]!.result.seconds).toFixed(1)} MB/s\n`)
    cpu0 = procCpuSeconds(pid)
    rows.push(row('consume', '-', await librdkafkaConsume(broker.bootstrap, 'catch-up', count + 1), cpu0))
    process.stderr.write(`  catch-up: read back at ${(rows[1]!.result.bytes / 1e6 / rows[1]!.result.seconds).toFixed(1)} MB/s\n`)
  } finally {
    await stopCli(broker)
  }
  checkpoint(dataDir)
  const diskBytes = dirBytes(dataDir)
  return { rows, idleRssEmpty, peakRssProduce, records: count + 1, diskBytes, bytesPerMillion: (diskBytes / (count + 1)) * 1e6 }
}

/** The broker's close already checkpoints; a WAL left behind (e.g. killed) is folded in so it is not double-counted. */
function checkpoint(dir: string): void {
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('-wal') || statSync(join(dir, f)).size === 0) continue
    const db = new Database(join(dir, f.slice(0, -4)))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
  }
}

function dirBytes(dir: string): number {
  let total = 0
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name)
    total += f.isDirectory() ? dirBytes(p) : statSync(p).size
  }
  return total
}
