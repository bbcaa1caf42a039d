/**
 * Inspector under load (issue 7 acceptance: "filtering stays smooth while 5,000 requests/s arrive").
 * Drives ~5,000 requests/s of raw ApiVersions v3 and Metadata v1 frames at the embedded broker for 10 s while
 * the inspector view is open in Chromium with a filter typed (and re-typed every second). Reports long tasks
 * (> 50 ms) seen by a PerformanceObserver in the page, and the event-loop delay of this process, which hosts
 * the broker and the console backend as Electron's main process does. RENDERER_DIR=<build> compares two builds. Not part of run.sh (takes ~25 s):
 *   npx tsx e2e/app/inspector-perf.ts            -> test-results/inspector-perf.json
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startBroker } from '../../core/index'
import { encodeFrame, writeRequestHeader } from '../../core/protocol/frame'
import { writeApiVersionsRequest, writeMetadataRequest } from '../../core/protocol/generated'
import { startBrowserMode } from '../../electron/browser-mode/start'
import { findChromium, launchChromium, shot } from './harness'

const RATE = Number(process.env.RATE ?? 5_000)
const SECONDS = Number(process.env.SECONDS ?? 10)
const CONNECTIONS = 8
const TICK_MS = 10

function frame(i: number): Buffer {
  const metadata = i % 2 === 1
  return encodeFrame((w) => {
    writeRequestHeader(w, { apiKey: metadata ? 3 : 18, apiVersion: metadata ? 1 : 3, correlationId: i, clientId: `load-${i % CONNECTIONS}` }, !metadata)
    if (metadata) writeMetadataRequest(w, 1, { topics: [], allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false })
    else writeApiVersionsRequest(w, 3, { clientSoftwareName: 'brooklet-load', clientSoftwareVersion: '1.0' })
  })
}

async function openSockets(host: string, port: number): Promise<{ sockets: Socket[]; responses: () => number }> {
  let responses = 0
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => new Promise<Socket>((ok, fail) => {
    const s = connect({ host, port }, () => ok(s))
    s.once('error', fail)
    // Count response frames by walking size prefixes (responses are small; partial frames carry over).
    let pending = Buffer.alloc(0)
    s.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      let at = 0
      while (pending.length - at >= 4) {
        const size = pending.readInt32BE(at)
        if (pending.length - at - 4 < size) break
        at += 4 + size
        responses++
      }
      pending = pending.subarray(at)
    })
  })))
  return { sockets, responses: () => responses }
}

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) throw new Error('no Chromium (set CHROMIUM_PATH)')
  const broker = await startBroker({ port: 0, memory: true, log: () => {} })
  const ui = await startBrowserMode({ broker, port: 0, log: () => {}, rendererDir: process.env.RENDERER_DIR })
  const browser = await launchChromium(chromiumPath)
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  // Runs in the page (a string, since this file is typechecked without DOM types).
  await page.addInitScript(`window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration) }).observe({ type: 'longtask', buffered: true })`)
  // CPU_THROTTLE=4 slows the page's CPU 4x (DevTools' throttling), standing in for a busy or slower machine.
  const throttle = Number(process.env.CPU_THROTTLE ?? 1)
  if (throttle > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle })
  // BASELINE=1 keeps the page on the overview (no inspector view open), for comparison.
  const baseline = process.env.BASELINE === '1'
  await page.goto(`${ui.url.split('?')[0]}?token=${ui.token}#/inspector`)
  await page.getByLabel('Filter requests').waitFor({ timeout: 15_000 })
  await page.getByLabel('Filter requests').fill('api:metadata')
  if (baseline) await page.goto(`${ui.origin}/#/`)
  await page.waitForTimeout(1000)
  await page.evaluate('window.__longTasks = []')

  // INSPECTOR_TRACE=file.json records a Chromium performance trace of the load window (open it in DevTools).
  const tracePath = process.env.INSPECTOR_TRACE
  if (tracePath) await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink.user_timing'] })
  const [host, port] = [broker.bootstrap.split(':')[0]!, Number(broker.bootstrap.split(':')[1])]
  const { sockets, responses } = await openSockets(host, port)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const perTick = Math.round((RATE * TICK_MS) / 1000)
  let sent = 0
  const t0 = Date.now()
  const timer = setInterval(() => {
    // Catch up to the schedule so timer jitter does not lower the rate.
    const due = Math.floor(((Date.now() - t0) / 1000) * RATE)
    const n = Math.min(due - sent, perTick * 4)
    for (let i = 0; i < n; i++, sent++) sockets[sent % CONNECTIONS]!.write(frame(sent))
  }, TICK_MS)
  const filters = ['api:metadata', 'apiversions', 'load-3', 'api:metadata conn:4', 'sw:brooklet', 'metadata']
  for (let s = 0; Date.now() - t0 < SECONDS * 1000; s++) {
    if (!baseline) await page.getByLabel('Filter requests').fill(filters[s % filters.length]!)
    await page.waitForTimeout(Math.min(1000, SECONDS * 1000 - (Date.now() - t0)))
  }
  if (!baseline) await page.getByLabel('Filter requests').fill('api:metadata')
  clearInterval(timer)
  const elapsed = (Date.now() - t0) / 1000
  await page.waitForTimeout(500)
  if (tracePath) await browser.stopTracing()
  loop.disable()
  const longTasks = (await page.evaluate('window.__longTasks')) as number[]
  await shot(page, '30-inspector-under-load')
  const shown = baseline ? 'n/a (baseline)' : ((await page.getByTestId('inspector-count').textContent()) ?? '')
  const result = {
    view: baseline ? 'overview (inspector not watched)' : 'inspector, filter re-typed every second',
    cpuThrottle: throttle,
    targetRate: RATE, seconds: Math.round(elapsed * 10) / 10, sent, answered: responses(), achievedRate: Math.round(responses() / elapsed),
    renderer: { longTasksOver50ms: longTasks.length, longestTaskMs: Math.round(Math.max(0, ...longTasks)), totalLongTaskMs: Math.round(longTasks.reduce((a, b) => a + b, 0)) },
    mainEventLoopDelayMs: { p50: +(loop.percentile(50) / 1e6).toFixed(1), p99: +(loop.percentile(99) / 1e6).toFixed(1), max: +(loop.max / 1e6).toFixed(1) },
    inspectorCount: shown,
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync('test-results', { recursive: true })
  writeFileSync(`test-results/inspector-perf${baseline ? '-baseline' : ''}.json`, JSON.stringify(result, null, 2))
  for (const s of sockets) s.destroy()
  await browser.close()
  await ui.stop()
  await broker.stop()
  process.exit(0)
}

main().catch((e: unknown) => {
  console.error('inspector perf crashed:', e)
  process.exit(1)
})
