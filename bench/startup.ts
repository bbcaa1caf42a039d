// Start-up figures: startBroker() in memory mode, and the CLI from process start to its first ApiVersions answer.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startBroker } from '../core/index'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface StartupFigures {
  runs: number
  firstMs: number
  medianMs: number
  minMs: number
  maxMs: number
}

export function summarize(samples: number[]): StartupFigures {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    runs: samples.length,
    firstMs: samples[0] ?? NaN,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    minMs: sorted[0] ?? NaN,
    maxMs: sorted.at(-1) ?? NaN,
  }
}

/** In-process: from the startBroker() call until it resolves (the listener accepts connections). */
export async function measureStartBroker(runs: number): Promise<StartupFigures> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const broker = await startBroker({ port: 0, memory: true, log: () => undefined })
    samples.push(performance.now() - t0)
    await broker.stop()
  }
  return summarize(samples)
}

export interface CliVariant {
  name: string
  args: string[]
}

/** The ways `brooklet serve` can be started; the tsx one is what bin/brooklet.js runs without dist/cli.js. */
export function cliVariants(): CliVariant[] {
  const serve = ['serve', '--port', '0', '--memory']
  // Floor: a bare node process that listens and answers the first frame with an empty one.
  const floor = `const s=require('net').createServer(c=>c.on('data',()=>c.write(Buffer.alloc(4))));s.listen(0,'127.0.0.1',()=>console.log('ready at 127.0.0.1:'+s.address().port))`
  const variants: CliVariant[] = [{ name: 'bare node TCP server (floor)', args: ['-e', floor] }]
  if (existsSync(`${ROOT}dist/cli.js`)) {
    variants.push({ name: 'node dist/cli.js (bundle)', args: [`${ROOT}dist/cli.js`, ...serve] })
    variants.push({ name: 'node bin/brooklet.js (bundle)', args: [`${ROOT}bin/brooklet.js`, ...serve] })
  }
  variants.push({ name: 'tsx core/cli/main.ts (fallback)', args: [`${ROOT}node_modules/tsx/dist/cli.mjs`, `${ROOT}core/cli/main.ts`, ...serve] })
  return variants
}

/** Process start to the first complete ApiVersions response, median over `runs`. */
export async function measureCli(variant: CliVariant, runs: number): Promise<StartupFigures> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await cliOnce(variant.args))
  return summarize(samples)
}

function cliOnce(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    const timer = setTimeout(() => finish(new Error('CLI did not answer ApiVersions within 15 s')), 15_000)
    let out = ''
    let done = false
    function finish(result: number | Error): void {
      if (done) return
      done = true
      clearTimeout(timer)
      child.once('exit', () => (typeof result === 'number' ? resolve(result) : reject(result)))
      child.kill('SIGTERM')
    }
    child.once('exit', (code) => finish(new Error(`CLI exited early (${code})`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /ready at ([^\s]+):(\d+)/.exec(out)
      if (m && !done) {
        out = ''
        apiVersionsV0(m[1]!, Number(m[2])).then(() => finish(performance.now() - t0), (err: Error) => finish(err))
      }
    })
  })
}

/** Sends a raw ApiVersions v0 request (header v1: key, version, correlation id, client id) and waits for the whole answer. */
export function apiVersionsV0(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('bench')
    const frame = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length)
    frame.writeInt32BE(frame.length - 4, 0)
    frame.writeInt16BE(18, 4)
    frame.writeInt16BE(0, 6)
    frame.writeInt32BE(1, 8)
    frame.writeInt16BE(clientId.length, 12)
    clientId.copy(frame, 14)
    const socket = net.connect({ host, port }, () => socket.write(frame))
    let got = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      got = Buffer.concat([got, chunk])
      if (got.length >= 4 && got.length >= 4 + got.readInt32BE(0)) {
        socket.destroy()
        resolve()
      }
    })
    socket.on('error', reject)
  })
}
