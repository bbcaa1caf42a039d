// Throughput check for crc32c (run: npx tsx core/protocol/records/crc32c-bench.ts). Not part of the test suite.
import { randomBytes } from 'node:crypto'
import { crc32c } from './crc32c'

function bench(size: number, totalBytes: number): void {
  const buf = randomBytes(size)
  const rounds = Math.max(1, Math.floor(totalBytes / size))
  let x = 0
  for (let i = 0; i < Math.min(rounds, 50); i++) x ^= crc32c(buf)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) x ^= crc32c(buf)
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const mbps = (size * rounds) / secs / 1e6
  console.log(`crc32c ${String(size).padStart(9)} B buffers: ${mbps.toFixed(0).padStart(5)} MB/s (${x >>> 0})`)
}

for (const size of [1024, 16 * 1024, 1024 * 1024, 16 * 1024 * 1024]) bench(size, 512 * 1024 * 1024)
