/**
 * Cold-open benchmark for issue 6's "a 1M-message topic shows its first rows < 300 ms after opening":
 * each run starts a FRESH backend (in-memory broker + browser mode) and a fresh browser page, fills the topic
 * straight through the broker's log (100 batches of 10,000 records, the shape kafkajs sends in perf.ts, in a
 * few seconds instead of ~50 s), then times topic list click -> first message row painted, first and second open.
 * Runs in one process share a warm JIT, so for cold figures run it several times with runs=1.
 *   npx tsx e2e/app/perf-open.ts [runs=5] [messages=1000000]   -> test-results/perf-open.json
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { encodeBatch } from '../../core/protocol/records'
import { startBroker } from '../../core/index'
import { startBrowserMode } from '../../electron/browser-mode/start'
import { findChromium, launchChromium } from './harness'

const runs = Number(process.argv[2] ?? 5)
const total = Number(process.argv[3] ?? 1_000_000)
const topic = 'perf-1m'

async function fill(broker: Awaited<ReturnType<typeof startBroker>>): Promise<void> {
  broker.context.topics.create(topic, 1, {})
  for (let sent = 0; sent < total; sent += 10_000) {
    const records = Array.from({ length: Math.min(10_000, total - sent) }, (_, i) => ({ key: `k${(sent + i) % 100}`, value: JSON.stringify({ seq: sent + i, note: 'benchmark row' }) }))
    broker.context.log.appendProduced([{ topic, partition: 0, records: await encodeBatch(records) }], 9)
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) throw new Error('no Chromium')
  const browser = await launchChromium(chromiumPath)
  const first: number[] = []
  const second: number[] = []
  for (let run = 0; run < runs; run++) {
    const broker = await startBroker({ port: 0, memory: true, log: () => {} })
    await fill(broker)
    const ui = await startBrowserMode({ broker, port: 0, log: () => {} })
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    // PERF_BREAKDOWN=1 prints, per open, when the page sent messages:read, got the answer, and painted row 1.
    if (process.env.PERF_BREAKDOWN) {
      await page.addInitScript(`{ const W = window.WebSocket; window.__ws = []; window.WebSocket = class extends W {
        constructor(u) { super(u); this.addEventListener('message', (e) => { const d = String(e.data); if (d.startsWith('{"t":"result"')) window.__ws.push(['recv', performance.now(), d.length]) }) }
        send(d) { const m = /"channel":"([^"]+)"/.exec(d); window.__ws.push(['send ' + (m && m[1]), performance.now()]); super.send(d) } } }`)
    }
    await page.goto(`${ui.url}`)
    await page.waitForURL(/127\.0\.0\.1:\d+\/(#.*)?$/)
    for (const times of [first, second]) {
      await page.goto(`${ui.origin}/#/topics`)
      await page.getByRole('link', { name: topic }).waitFor({ timeout: 15_000 })
      await page.waitForTimeout(300)
      if (process.env.PERF_BREAKDOWN) {
        await page.evaluate(`window.__ws.length = 0; window.__firstRow = 0; window.__clickAt = performance.now()
          document.addEventListener('click', () => window.__ws.push(['click event', performance.now()]), { capture: true, once: true })
          new MutationObserver((_, o) => { if (document.querySelector('[data-testid=message-row]')) { window.__firstRow = performance.now(); o.disconnect() } }).observe(document, { subtree: true, childList: true })`)
      }
      const t0 = Date.now()
      await page.getByRole('link', { name: topic }).click()
      await page.getByTestId('message-row').first().waitFor({ timeout: 10_000 })
      times.push(Date.now() - t0)
      if (process.env.PERF_BREAKDOWN) {
        const log = (await page.evaluate('window.__ws.splice(0)')) as [string, number, number?][]
        const [base, row] = (await page.evaluate('[window.__clickAt, window.__firstRow]')) as number[]
        console.log(`click() called@0 ${log.map(([w, t, n]) => `${w}@${Math.round(t - base!)}${n ? `(${n}B)` : ''}`).join(' ')} firstRow@${Math.round(row! - base!)}`)
      }
    }
    console.log(`run ${run + 1}: first open ${first.at(-1)} ms, second ${second.at(-1)} ms`)
    await page.close()
    await ui.stop()
    await broker.stop()
  }
  await browser.close()
  const result = { messages: total, runs, firstOpenMs: first, secondOpenMs: second, medianFirstMs: median(first), medianSecondMs: median(second) }
  console.log(JSON.stringify(result))
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/perf-open.json', JSON.stringify(result, null, 2))
  process.exit(0)
}

main().catch((e: unknown) => { console.error(e); process.exit(1) })
