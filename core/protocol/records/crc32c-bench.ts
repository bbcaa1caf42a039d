// Throughput check for crc32c (run: npx tsx core/protocol/records/crc32c-bench.ts). Not part of the test suite.
import { randomBytes } from 'node:crypto'
import { crc32c } from './crc32c'

const buf = randomBytes(16 * 1024 * 1024)
for (let i = 0; i < 5; i++) crc32c(buf)
const rounds = 20
const t0 = process.hrtime.bigint()
let x = 0
for (let i = 0; i < rounds; i++) x ^= crc32c(buf)
const secs = Number(process.hrtime.bigint() - t0) / 1e9
const mbps = (buf.length * rounds) / secs / 1e6
console.log(`crc32c: ${mbps.toFixed(0)} MB/s over ${rounds} x 16 MiB (checksum ${x >>> 0})`)
