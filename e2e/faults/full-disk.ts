// full-disk.ts: the data directory on a 16 MiB tmpfs. A filler file takes the free space; produce requests
// must then be answered with KAFKA_STORAGE_ERROR (56) on an open connection, the broker stays up, and once
// the filler is deleted the same connection produces again, with offsets continuing without a gap.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ErrorCode } from '../../core/protocol/error-codes'
import { readApiVersionsResponse, readProduceResponse } from '../../core/protocol/generated'
import { encodeBatch } from '../../core/protocol/records'
import { apiVersionsFrame, produceFrame } from '../clients/frames'
import { RawConnection } from '../clients/raw-client'
import { spawnBroker } from './broker-process'
import { check, contiguityError, kafka, readPartition, SkipCase, type Figures } from './support'

const TOPIC = 'full-disk'

function mountSmallFs(dir: string): void {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { encoding: 'utf8', timeout: 10_000 })
  if (r.status !== 0) throw new SkipCase(`cannot mount a 16 MiB tmpfs here (${(r.stderr || r.error?.message || '').trim()}); full-disk test not run`)
}

/** Fills the filesystem, leaving `leave` bytes free. */
function fill(dir: string, leave: number): string {
  const file = join(dir, 'filler')
  const s = statfsSync(dir)
  writeFileSync(file, Buffer.alloc(Math.max(0, s.bavail * s.bsize - leave)))
  return file
}

export async function fullDisk(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-full-'))
  mountSmallFs(dir)
  const dataDir = join(dir, 'data')
  const broker = await spawnBroker({ dataDir }).catch(async (err) => {
    spawnSync('umount', [dir])
    throw err
  })
  try {
    const admin = kafka(broker.bootstrap, 'full-admin').admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] })
    await admin.disconnect()
    const c = await RawConnection.open('127.0.0.1', broker.port)
    let corr = 0
    let acked = 0
    const produce = async () => {
      const batch = await encodeBatch(Array.from({ length: 4 }, (_, i) => ({ key: `k${acked + i}`, value: Buffer.alloc(60_000, i) })))
      const r = readProduceResponse(await c.exchange(produceFrame(9, ++corr, TOPIC, 0, batch, -1), 10_000), 9)
      const p = r.responses[0]?.partitionResponses[0]
      if (p?.errorCode === 0) acked += 4
      return { code: p?.errorCode ?? -1, message: p?.errorMessage ?? null }
    }
    check((await produce()).code === 0, 'produce failed before the disk was full')
    const filler = fill(dir, 1024 * 1024)
    let outcome = { code: 0, message: null as string | null }
    let attempts = 0
    while (outcome.code === 0 && attempts++ < 200) outcome = await produce()
    check(outcome.code === ErrorCode.KAFKA_STORAGE_ERROR, `disk full: produce answered ${outcome.code} (${outcome.message}) after ${attempts} attempts, expected KAFKA_STORAGE_ERROR`)
    check(!c.closed && broker.exitInfo() === null, 'the connection or the broker went down on a full disk')
    const second = await produce()
    check(second.code === ErrorCode.KAFKA_STORAGE_ERROR, `second produce on a full disk answered ${second.code}`)
    const alive = readApiVersionsResponse(await c.exchange(apiVersionsFrame(3, ++corr)), 3)
    check(alive.errorCode === 0, 'ApiVersions failed on a full disk')
    const ackedWhenFull = acked
    rmSync(filler)
    const recovered = await produce()
    check(recovered.code === 0, `after freeing space produce answered ${recovered.code} (${recovered.message})`)
    for (let i = 0; i < 3; i++) check((await produce()).code === 0, 'produce failed after recovery')
    c.destroy()
    const { records } = await readPartition(broker.port, TOPIC, 0)
    check(contiguityError(records) === null, `offsets not contiguous: ${contiguityError(records)}`)
    check(records.length === acked, `log holds ${records.length} records, ${acked} were acknowledged`)
    check(records.every((r, i) => r.key === `k${i}`), 'records out of order or wrong after recovery')
    return {
      filesystemMiB: 16, recordsBeforeFull: ackedWhenFull, produceAttemptsUntilFull: attempts, errorCode: outcome.code,
      errorMessage: (outcome.message ?? '').slice(0, 80), recordsAfterRecovery: acked - ackedWhenFull, recordsVerified: records.length,
    }
  } finally {
    await broker.stop()
    spawnSync('umount', ['-l', dir])
    rmSync(dir, { recursive: true, force: true })
  }
}
