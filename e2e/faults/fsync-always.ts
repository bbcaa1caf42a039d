// fsync-always.ts: `brooklet serve --fsync always` really syncs every commit. synchronous is a per-connection
// pragma, invisible from outside, so the test counts the broker's fsync/fdatasync system calls with strace
// while 40 single-record produces are acknowledged: about one per commit with --fsync always, next to none
// with the default (WAL + synchronous=NORMAL syncs only at checkpoints).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnBroker } from './broker-process'
import { check, kafka, sleep, SkipCase, type Figures } from './support'

const PRODUCES = 40

async function syncsDuringProduces(fsync: 'normal' | 'always'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), `brooklet-fsync-${fsync}-`))
  const broker = await spawnBroker({ dataDir: dir, fsync })
  const out = join(dir, 'strace.txt')
  try {
    const producer = kafka(broker.bootstrap, 'fsync-probe').producer({ allowAutoTopicCreation: true })
    await producer.connect()
    await producer.send({ topic: 'fsync-probe', acks: -1, messages: [{ value: 'warm-up' }] })
    const tracer = spawn('strace', ['-f', '-qq', '-e', 'trace=fsync,fdatasync', '-o', out, '-p', String(broker.pid)], { stdio: 'ignore' })
    await sleep(500) // attach to every thread before counting
    for (let i = 0; i < PRODUCES; i++) await producer.send({ topic: 'fsync-probe', acks: -1, messages: [{ value: `r${i}` }] })
    await sleep(200)
    tracer.kill('SIGINT')
    await new Promise((r) => tracer.once('exit', r))
    await producer.disconnect()
    return readFileSync(out, 'utf8').split('\n').filter((l) => /\b(fsync|fdatasync)\(/.test(l)).length
  } finally {
    await broker.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function fsyncAlways(): Promise<Figures> {
  const probe = spawnSync('strace', ['-qq', '-e', 'trace=none', 'true'], { stdio: 'ignore', timeout: 10_000 })
  if (probe.status !== 0) throw new SkipCase('strace is not installed or ptrace is not permitted here; cannot count fsync calls')
  const always = await syncsDuringProduces('always')
  const normal = await syncsDuringProduces('normal')
  check(always >= PRODUCES, `--fsync always: ${always} syncs for ${PRODUCES} acknowledged produces`)
  check(normal < PRODUCES / 4, `--fsync normal: ${normal} syncs for ${PRODUCES} produces (expected next to none)`)
  return { produces: PRODUCES, syncsWithFsyncAlways: always, syncsWithFsyncNormal: normal }
}
