/**
 * The console's two benchmarks from issue 6, against browser mode with the embedded broker:
 *  1. a 1,000,000-message topic shows its first rows < 300 ms after opening it;
 *  2. live tail at 5,000 msg/s for 10 s causes no long task > 50 ms on the renderer's main thread
 *     (Chromium's PerformanceObserver 'longtask' entries).
 * Run: npx vite build --config renderer/vite.config.ts && npx tsx e2e/app/perf.ts [messages]
 */
import { Kafka, logLevel } from 'kafkajs'
import { launchBackend } from './backend'
import { check, failureCount, findChromium, launchChromium, shot, step } from './harness'

const total = Number(process.argv[2] ?? 1_000_000)
const topic = 'perf-1m'

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) throw new Error('no Chromium (apt-get install -y chromium)')
  const backend = await launchBackend()
  const kafka = new Kafka({ clientId: 'e2e-perf', brokers: [backend.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer({ allowAutoTopicCreation: true })
  const browser = await launchChromium(chromiumPath)
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  // Collects long tasks from page load on; read back as a plain array.
  await page.addInitScript('window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration) }).observe({ type: "longtask", buffered: true })')
  try {
    await producer.connect()
    await step(`fill ${topic} with ${total.toLocaleString('en-US')} messages (kafkajs)`, async () => {
      const t0 = Date.now()
      const batch = 10_000
      for (let sent = 0; sent < total; sent += batch) {
        const messages = Array.from({ length: Math.min(batch, total - sent) }, (_, i) => ({ key: `k${(sent + i) % 100}`, value: JSON.stringify({ seq: sent + i, note: 'benchmark row' }) }))
        await producer.send({ topic, messages })
      }
      return `${((Date.now() - t0) / 1000).toFixed(1)} s`
    }, 600_000)

    await step('first rows of the 1M topic < 300 ms after opening', async () => {
      await page.goto(`${backend.url}#/topics`)
      await page.getByRole('link', { name: topic }).waitFor({ timeout: 15_000 })
      const times: number[] = []
      for (let i = 0; i < 3; i++) {
        await page.goto(`${backend.url.replace(/\?token=.*$/, '')}#/topics`)
        await page.getByRole('link', { name: topic }).waitFor()
        const t0 = Date.now()
        await page.getByRole('link', { name: topic }).click()
        await page.getByTestId('message-row').first().waitFor({ timeout: 10_000 })
        times.push(Date.now() - t0)
      }
      await page.getByTestId('message-list').locator('[role=grid]').click()
      for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown')
      await shot(page, 'perf-1m-topic')
      const median = [...times].sort((a, b) => a - b)[1]!
      check(median < 300, `first rows after ${times.join(', ')} ms (median ${median})`)
      return `${times.join(' / ')} ms (open → first row, 3 runs)`
    }, 60_000)

    await step('live tail at 5,000 msg/s for 10 s: no long task > 50 ms', async () => {
      await page.getByText('Live tail').click()
      await page.getByText('Waiting for new messages').waitFor()
      await page.evaluate('window.__longTasks.length = 0')
      const t0 = Date.now()
      let sent = 0
      while (Date.now() - t0 < 10_000) {
        const tick = Date.now()
        await producer.send({ topic, messages: Array.from({ length: 500 }, (_, i) => ({ key: `live${i}`, value: JSON.stringify({ live: sent + i }) })) })
        sent += 500
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - tick))))
      }
      const long = (await page.evaluate('window.__longTasks.slice()')) as number[]
      await shot(page, 'perf-live-tail')
      const rate = Math.round(sent / ((Date.now() - t0) / 1000))
      check(long.length === 0, `${long.length} long tasks: ${long.map((d) => Math.round(d)).join(', ')} ms`)
      return `${rate} msg/s sent, ${long.length} long tasks`
    }, 60_000)
  } finally {
    await producer.disconnect().catch(() => {})
    await browser.close()
    await backend.stop()
  }
  process.exit(failureCount() === 0 ? 0 : 1)
}

main().catch((e: unknown) => { console.error(e); process.exit(1) })
