/**
 * Issue 6: should the desktop app host the broker in its main process or in a child (utility) process?
 * Measures the console backend's responsiveness while librdkafka (confluent-kafka-python) produces 1 KB
 * records at full speed:
 *  - in-process: startBroker + createConsole in this Node process (what Electron main and `serve --ui` do);
 *  - child: `node dist/cli.js serve --port 0 --memory` in a child process, the console here as a remote cluster.
 * Per run: this process's event-loop delay (monitorEventLoopDelay), the latency of console invocations issued
 * every 100 ms (app:info, broker:status, topics:list, messages:read of the newest 100 rows, round-robin), producer msg/s.
 * Run: node scripts/build-cli.mjs && npx tsx e2e/app/host-perf.ts [seconds=15] [runsPerMode=3]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { startBroker } from '../../core/index'
import { createConsole, type ConsoleBackend } from '../../electron/console/console-service'

const SECONDS = Number(process.argv[2] ?? 15)
const RUNS = Number(process.argv[3] ?? 3)
const TOPIC = 'host-perf'
const PROBE_MS = 100
type Mode = 'in-process' | 'child'

// Full-speed producer for a fixed duration; prints "go" on stderr after warm-up (topic auto-created), then one
// JSON line with messages and seconds (first produce to last delivery).
const PRODUCER = `
import json, os, sys, time
from confluent_kafka import Producer
p = Producer({'bootstrap.servers': sys.argv[1], 'acks': '1', 'linger.ms': 5, 'batch.size': 1000000,
  'queue.buffering.max.messages': 100000, 'queue.buffering.max.kbytes': 131072, 'enable.idempotence': False})
p.produce(sys.argv[2], b'warm-up'); p.flush(15)
sys.stderr.write('go\\n'); sys.stderr.flush()
values = [os.urandom(1024) for _ in range(16)]
n = 0; t0 = time.perf_counter(); end = t0 + float(sys.argv[3])
while time.perf_counter() < end:
    for _ in range(1024):
        try: p.produce(sys.argv[2], values[n & 15]); n += 1
        except BufferError: p.poll(0.001)
    p.poll(0)
left = p.flush(60)
print(json.dumps({'messages': n - left, 'seconds': time.perf_counter() - t0}))
`

interface RunResult {
  mode: Mode
  loop: { p50: number; p99: number; max: number }
  invoke: { p50: number; p99: number; max: number; count: number; errors: number }
  byChannel: Record<string, number[]>
  msgPerSec: number
}

const exportTarget = { dir: join(tmpdir(), 'brooklet-host-perf'), downloadUrl: (id: string) => `/x/${id}` }

async function startHost(mode: Mode): Promise<{ bootstrap: string; console: ConsoleBackend; stop: () => Promise<void> }> {
  if (mode === 'in-process') {
    const broker = await startBroker({ port: 0, memory: true, log: () => {} })
    const console = createConsole({ broker, shell: 'browser', templatesFile: null, exportTarget })
    return { bootstrap: broker.bootstrap, console, stop: async () => { await console.close(); await broker.stop() } }
  }
  const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--port', '0', '--memory'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const bootstrap = await waitForLine(child, /ready at (\S+)/)
  const console = createConsole({ broker: null, bootstrap, shell: 'browser', templatesFile: null, exportTarget })
  return {
    bootstrap, console,
    stop: async () => {
      await console.close()
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

function waitForLine(child: ChildProcess, re: RegExp): Promise<string> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no line matching ${re} within 15 s`)), 15_000)
    let buf = ''
    const onData = (d: Buffer): void => {
      buf += d.toString()
      const m = re.exec(buf)
      if (m) { clearTimeout(timer); ok(m[1]!) }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => fail(new Error(`child exited (${code}) before ${re}: ${buf}`)))
  })
}

const PROBES: Array<[string, unknown[]]> = [
  // Answered locally (no Kafka round trip): shows the event-loop delay alone.
  ['app:info', []],
  ['broker:status', []],
  ['topics:list', []],
  ['messages:read', [{ topic: TOPIC, start: { kind: 'latest' }, limit: 100 }]],
]

async function runOnce(mode: Mode): Promise<RunResult> {
  const host = await startHost(mode)
  const producer = spawn('/usr/bin/python3', ['-c', PRODUCER, host.bootstrap, TOPIC, String(SECONDS)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const out: Buffer[] = []
  producer.stdout!.on('data', (d: Buffer) => out.push(d))
  const exited = new Promise<number | null>((r) => producer.once('exit', r))
  await waitForLine(producer, /(go)/)
  // Warm the console's clients (kafkajs admin, wire connection) so connection setup is not a measured probe.
  for (const [channel, args] of PROBES) await host.console.invoke(channel as never, args)
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const byChannel: Record<string, number[]> = {}
  let errors = 0
  let running = true
  void exited.then(() => { running = false })
  for (let i = 0; running; i++) {
    const [channel, args] = PROBES[i % PROBES.length]!
    const t0 = performance.now()
    // An IPC or WebSocket message is dispatched as a new task: it waits for whatever the loop is running.
    await new Promise((r) => setImmediate(r))
    const res = (await host.console.invoke(channel as never, args)) as { ok: boolean }
    const ms = performance.now() - t0
    if (!res.ok) errors++
    ;(byChannel[channel] ??= []).push(ms)
    await sleep(Math.max(0, PROBE_MS - ms))
  }
  loop.disable()
  const code = await exited
  if (code !== 0) throw new Error(`producer exited ${code}`)
  const stats = JSON.parse(Buffer.concat(out).toString().trim().split('\n').pop()!) as { messages: number; seconds: number }
  await host.stop()
  const all = Object.values(byChannel).flat()
  const ns = (q: number): number => loop.percentile(q) / 1e6
  return {
    mode,
    loop: { p50: ns(50), p99: ns(99), max: loop.max / 1e6 },
    invoke: { p50: pct(all, 50), p99: pct(all, 99), max: Math.max(...all), count: all.length, errors },
    byChannel,
    msgPerSec: stats.messages / stats.seconds,
  }
}

function pct(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)] ?? NaN
}

const median = (xs: number[]): number => pct(xs, 50)
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const f = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1)).padStart(7)

async function main(): Promise<void> {
  const results: RunResult[] = []
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['in-process', 'child'] as const) {
      const r = await runOnce(mode)
      results.push(r)
      console.log(`run ${run + 1} ${mode.padEnd(10)} loop p50/p99/max ${f(r.loop.p50)}${f(r.loop.p99)}${f(r.loop.max)} ms | ` +
        `invoke p50/p99/max ${f(r.invoke.p50)}${f(r.invoke.p99)}${f(r.invoke.max)} ms (${r.invoke.count} calls, ${r.invoke.errors} errors) | ` +
        `${Math.round(r.msgPerSec).toLocaleString('en-US')} msg/s`)
    }
  }
  console.log(`\nMedians of ${RUNS} runs per mode (${SECONDS} s of 1 KB records, librdkafka acks=1; times in ms)`)
  console.log('| hosting    | loop p50 | loop p99 | loop max | invoke p50 | invoke p99 | invoke max | app:info p50 | status p50 | list p50 | read100 p50 | producer msg/s |')
  console.log('|------------|---------:|---------:|---------:|-----------:|-----------:|-----------:|-------------:|-----------:|---------:|------------:|---------------:|')
  for (const mode of ['in-process', 'child'] as const) {
    const rs = results.filter((r) => r.mode === mode)
    const m = (g: (r: RunResult) => number): string => f(median(rs.map(g)))
    const ch = (c: string): string => f(median(rs.map((r) => pct(r.byChannel[c] ?? [], 50))))
    console.log(`| ${mode.padEnd(10)} | ${m((r) => r.loop.p50)} | ${m((r) => r.loop.p99)} | ${m((r) => r.loop.max)} | ` +
      `${m((r) => r.invoke.p50)} | ${m((r) => r.invoke.p99)} | ${m((r) => r.invoke.max)} | ${ch('app:info').padStart(12)} | ${ch('broker:status')} | ${ch('topics:list')} | ` +
      `${ch('messages:read')} | ${Math.round(median(rs.map((r) => r.msgPerSec))).toLocaleString('en-US').padStart(14)} |`)
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
