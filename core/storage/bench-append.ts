// Micro-benchmark (not a test): append 100 MB of 16 KB batches to SQLite and print MB/s.
// Run: npx tsx core/storage/bench-append.ts [batchKiB] [totalMiB]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStorage } from './data-dir'
import type { AppendInput, Storage } from './storage'

const batchBytes = Number(process.argv[2] ?? 16) * 1024
const totalBytes = Number(process.argv[3] ?? 100) * 1024 * 1024
const RECORDS_PER_BATCH = Math.max(1, Math.floor(batchBytes / 1024)) // 1 KB records

function input(s: Storage, payload: Buffer, base = s.nextOffset('t', 0)): AppendInput {
  return {
    topic: 't', partition: 0, bytes: payload, baseOffset: base, lastOffset: base + BigInt(RECORDS_PER_BATCH - 1),
    maxTimestamp: BigInt(Date.now()), producerId: -1n, baseSequence: -1, isTransactional: false, isControl: false,
  }
}

function run(label: string, group: number, fsync: 'normal' | 'always'): void {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-bench-'))
  const s = openStorage({ dataDir: dir, fsync })
  try {
    s.createTopic('t', 1, {})
    // Distinct random-ish payloads so nothing benefits from identical pages.
    const payloads = Array.from({ length: 8 }, (_, i) => Buffer.alloc(batchBytes, i * 31 + 7))
    const batches = Math.ceil(totalBytes / batchBytes)
    const start = process.hrtime.bigint()
    for (let i = 0; i < batches; i += group) {
      if (group === 1) s.append(input(s, payloads[i % 8]!))
      else {
        const inputs: AppendInput[] = []
        let next = s.nextOffset('t', 0)
        for (let j = 0; j < group && i + j < batches; j++) {
          inputs.push(input(s, payloads[(i + j) % 8]!, next))
          next += BigInt(RECORDS_PER_BATCH)
        }
        s.appendMany(inputs)
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const mb = (batches * batchBytes) / (1024 * 1024)
    console.log(`${label.padEnd(34)} ${mb.toFixed(0)} MiB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(0)} MiB/s`)
    if (group === 1 && fsync === 'normal') readBack(s, mb)
  } finally {
    s.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fetch-like reads of 1 MiB from offset 0 to the end, to see the read side of the same log. */
function readBack(s: Storage, mb: number): void {
  const start = process.hrtime.bigint()
  let offset = 0n
  for (;;) {
    const batches = s.readBatches('t', 0, offset, 1024 * 1024)
    const last = batches.at(-1)
    if (!last) break
    offset = last.lastOffset + 1n
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  console.log(`${'readBatches (1 MiB per call)'.padEnd(34)} ${mb.toFixed(0)} MiB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(0)} MiB/s`)
}

console.log(`batch ${batchBytes / 1024} KiB, total ${totalBytes / 1024 / 1024} MiB`)
run('append (one transaction each)', 1, 'normal')
run('appendMany (16 batches per tx)', 16, 'normal')
run('append, fsync=always', 1, 'always')
