// Loopback TCP ceiling for bench/run.ts: how fast this machine moves the same byte volume between two
// processes with no broker at all. `tcp-sink.ts sink` listens and prints "READY <port>"; every connection
// first sends an 8-byte total, then the bytes; the sink answers one byte once it has them all.
// `tcp-sink.ts send PORT BYTES` sends BYTES in 1 MiB writes (the size of a librdkafka produce request) and
// prints one JSON line like produce.py, timed from the first write to the sink's answer.
import net from 'node:net'
import { randomBytes } from 'node:crypto'

const [mode = 'sink', portArg = '0', bytesArg = '0'] = process.argv.slice(2)

function sink(): void {
  const server = net.createServer((socket) => {
    let expected = -1
    let got = 0
    socket.on('data', (chunk: Buffer) => {
      if (expected < 0) {
        expected = Number(chunk.readBigUInt64BE(0))
        got = chunk.length - 8
      } else got += chunk.length
      if (got >= expected) socket.end(Buffer.from([1]))
    })
    socket.on('error', () => undefined)
  })
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${(server.address() as net.AddressInfo).port}\n`))
  process.on('SIGTERM', () => process.exit(0))
}

function send(port: number, total: number): void {
  const chunk = randomBytes(1 << 20)
  const socket = net.connect({ host: '127.0.0.1', port }, () => {
    const start = performance.now()
    const cpu0 = process.cpuUsage()
    const header = Buffer.alloc(8)
    header.writeBigUInt64BE(BigInt(total))
    socket.write(header)
    let sent = 0
    const pump = (): void => {
      while (sent < total) {
        const n = Math.min(chunk.length, total - sent)
        sent += n
        if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void socket.once('drain', pump)
      }
    }
    socket.once('data', () => {
      const seconds = (performance.now() - start) / 1000
      const cpu = process.cpuUsage(cpu0)
      process.stdout.write(JSON.stringify({ messages: 0, bytes: total, seconds, errors: 0, clientCpu: (cpu.user + cpu.system) / 1e6 / seconds }) + '\n')
      socket.destroy()
    })
    pump()
  })
}

if (mode === 'send') send(Number(portArg), Number(bytesArg))
else sink()
