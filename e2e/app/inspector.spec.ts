/**
 * Console part 2 end to end (issue 7, inspector slice), against browser mode with the real embedded broker:
 * kcat (librdkafka, ApiVersions v3 -> software name) and kafkajs (ApiVersions v2 -> client id only) talk to the
 * broker; the protocol inspector shows their requests, decodes one on click and pauses; the Clients page lists
 * them with their topics; the topic page shows who writes and reads and the live partition lanes; connection
 * snippets point at the broker; a SECOND Brooklet broker started here is added as a remote cluster and switched to.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kafka, logLevel, type Consumer } from 'kafkajs'
import type { Page } from 'playwright-core'
import { startBroker } from '../../core/index'
import { startBrowserMode } from '../../electron/browser-mode/start'
import { check, failureCount, findChromium, launchChromium, shot, step, watchPage, writeStepReport } from './harness'

const KCAT = '/usr/bin/kcat'
const topic = `insp-orders-${Date.now().toString(36)}`
const remoteTopic = `remote-only-${Date.now().toString(36)}`

async function kcat(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`kcat ${args.join(' ')} timed out`)) }, 20_000)
    child.stdout.on('data', (d) => (out += String(d)))
    child.on('exit', (code) => { clearTimeout(timer); if (code === 0) resolve(out); else reject(new Error(`kcat exited ${code}`)) })
    child.stdin.end(input ?? '')
  })
}

async function filterRows(page: Page, text: string): Promise<void> {
  await page.getByLabel('Filter requests').fill(text)
  await page.waitForTimeout(400)
}

async function rowTexts(page: Page, max = 20): Promise<string[]> {
  const rows = page.getByTestId('inspector-row')
  const n = Math.min(await rows.count(), max)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).textContent()) ?? '')
  return out
}

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    console.log('FAIL: no Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).')
    process.exit(1)
  }
  if (!existsSync(KCAT)) console.log(`NOTE: ${KCAT} is missing; the kcat steps will fail (install kcat).`)
  const stateDir = mkdtempSync(join(tmpdir(), 'brooklet-insp-'))
  const clustersFile = join(stateDir, 'clusters.json')
  const broker = await startBroker({ port: 0, memory: true, log: () => {}, groupConfig: { initialRebalanceDelayMs: 0 } })
  const remote = await startBroker({ port: 0, memory: true, log: () => {} })
  const ui = await startBrowserMode({ broker, port: 0, log: () => {}, clustersFile })
  console.log(`browser mode at ${ui.origin}, embedded broker ${broker.bootstrap}, "remote" broker ${remote.bootstrap}`)
  const browser = await launchChromium(chromiumPath)
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' })
  const errors = watchPage(page, 'chromium')
  const kafka = new Kafka({ clientId: 'e2e-kafkajs-app', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer()
  let consumer: Consumer | undefined
  let kcatConsumer: ChildProcess | undefined

  try {
    await step('clients produce and consume: kafkajs and kcat', async () => {
      const admin = kafka.admin()
      await admin.connect()
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] })
      await admin.disconnect()
      await producer.connect()
      await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `kafkajs-${i}` })) })
      await kcat(['-b', broker.bootstrap, '-X', 'client.id=e2e-kcat', '-P', '-t', topic, '-K:'], Array.from({ length: 20 }, (_, i) => `c${i}:kcat-${i}`).join('\n') + '\n')
      consumer = kafka.consumer({ groupId: 'e2e-lanes' })
      await consumer.connect()
      await consumer.subscribe({ topic, fromBeginning: true })
      let seen = 0
      await new Promise<void>((resolve) => { void consumer!.run({ eachMessage: async () => { if (++seen === 50) resolve() } }) })
      // A long-running kcat consumer, so the Clients page shows librdkafka fetching.
      kcatConsumer = spawn(KCAT, ['-b', broker.bootstrap, '-X', 'client.id=e2e-kcat-reader', '-C', '-t', topic, '-o', 'beginning', '-q'], { stdio: 'ignore' })
      return `${seen} messages consumed by kafkajs`
    }, 60_000)

    await step('inspector lists kcat requests with librdkafka software name', async () => {
      await page.goto(`${ui.url.split('?')[0]}?token=${ui.token}#/inspector`)
      await page.getByTestId('inspector-table').waitFor({ timeout: 15_000 })
      await kcat(['-b', broker.bootstrap, '-X', 'client.id=e2e-kcat', '-L'])
      await filterRows(page, 'sw:librdkafka')
      await page.getByTestId('inspector-row').first().waitFor({ timeout: 5_000 })
      const rows = await rowTexts(page)
      check(rows.length > 0 && rows.every((r) => r.includes('librdkafka')), `rows: ${rows.slice(0, 3).join(' | ')}`)
      check(rows.some((r) => r.includes('e2e-kcat')), 'kcat client id missing')
      await shot(page, '20-inspector-kcat')
      return rows[0]
    })

    await step('inspector lists kafkajs requests by client id (no software name below ApiVersions v3)', async () => {
      await filterRows(page, 'client:e2e-kafkajs-app')
      await page.getByTestId('inspector-row').first().waitFor({ timeout: 5_000 })
      const rows = await rowTexts(page)
      check(rows.length > 0 && rows.every((r) => r.includes('e2e-kafkajs-app') && !r.includes('librdkafka')), `rows: ${rows.slice(0, 3).join(' | ')}`)
      check(rows.some((r) => /Fetch|Heartbeat|Metadata/.test(r)), 'no Fetch/Heartbeat/Metadata from kafkajs')
      return rows[0]
    })

    await step('clicking a Produce request shows it decoded, record batches as summaries', async () => {
      await filterRows(page, 'api:produce')
      await page.getByTestId('inspector-row').first().click()
      const req = page.getByTestId('decoded-request')
      await req.getByText(/\d+ records? · /).first().waitFor({ timeout: 5_000 })
      const reqText = (await req.textContent()) ?? ''
      check(reqText.includes(topic), 'decoded request lacks the topic name')
      check(/batch(es)? · \d+ records? · (none|gzip|snappy|lz4|zstd) · offsets \d+–\d+/.test(reqText), `batch summary missing: ${reqText.slice(0, 300)}`)
      await page.getByTestId('decoded-response').getByText('"baseOffset"').first().waitFor()
      await shot(page, '21-inspector-decoded')
      await page.getByRole('button', { name: 'Close detail' }).click()
    })

    await step('pause freezes the table; resume catches up', async () => {
      await filterRows(page, 'client:e2e-kafkajs-app')
      await page.getByTestId('inspector-pause').click()
      const before = (await page.getByTestId('inspector-count').textContent())!.split('·')[0]!.trim()
      await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `paused-${i}` })) })
      await page.waitForTimeout(1200)
      const during = (await page.getByTestId('inspector-count').textContent())!.split('·')[0]!.trim()
      check(before === during, `shown count changed while paused: ${before} -> ${during}`)
      await shot(page, '22-inspector-paused')
      await page.getByTestId('inspector-pause').click()
      await page.waitForTimeout(800)
      const after = (await page.getByTestId('inspector-count').textContent())!.split('·')[0]!.trim()
      check(Number(after.replace(/\D/g, '')) > Number(before.replace(/\D/g, '')), `resume did not catch up: ${before} -> ${after}`)
      return `${before} while paused, ${after} after resume`
    })

    await step('per-API latency percentiles', async () => {
      await page.getByRole('button', { name: 'Latency', exact: true }).click()
      await page.getByTestId('latency-table').getByText('Produce').first().waitFor({ timeout: 5_000 })
      await shot(page, '23-inspector-latency')
    })

    await step('clients page lists kcat and kafkajs with software and topics', async () => {
      await page.goto(`${ui.origin}/#/clients`)
      await page.getByTestId('clients-table').waitFor({ timeout: 10_000 })
      const kcatRow = page.getByTestId('client-row').filter({ hasText: 'e2e-kcat-reader' }).first()
      await kcatRow.getByText('librdkafka').waitFor({ timeout: 10_000 })
      await kcatRow.getByText(topic).waitFor({ timeout: 10_000 })
      const jsRow = page.getByTestId('client-row').filter({ hasText: 'e2e-kafkajs-app' }).filter({ hasText: 'e2e-lanes' }).first()
      await jsRow.getByText(topic).first().waitFor({ timeout: 10_000 })
      await shot(page, '24-clients')
    })

    await step('topic page: who writes, who reads, and live partition lanes', async () => {
      await page.goto(`${ui.origin}/#/topics/${topic}/lanes`)
      await page.getByTestId('lanes').waitFor({ timeout: 10_000 })
      check(await page.getByTestId('lane').count() === 3, 'expected 3 lanes')
      const panel = page.getByTestId('topic-clients')
      await panel.getByText('e2e-kafkajs-app').first().waitFor({ timeout: 10_000 })
      await panel.getByText('e2e-kcat-reader').first().waitFor({ timeout: 10_000 })
      await page.getByTestId('lanes').getByText(/e2e-lanes · lag/).first().waitFor({ timeout: 10_000 })
      await producer.send({ topic, messages: Array.from({ length: 12 }, (_, i) => ({ key: `live${i}`, value: `live-${i}` })) })
      await page.waitForTimeout(700)
      await shot(page, '25-topic-lanes')
    }, 40_000)

    await step('connection snippets point at the broker', async () => {
      await page.goto(`${ui.origin}/#/connect`)
      await page.getByTestId('snippet-code').waitFor()
      for (const label of ['kafkajs (Node.js)', 'Java (kafka-clients)', 'confluent-kafka (Python)', 'franz-go (Go)', 'kcat (CLI)']) {
        await page.getByRole('tab', { name: label }).click()
        const code = (await page.getByTestId('snippet-code').textContent()) ?? ''
        check(code.includes(broker.bootstrap), `${label} snippet lacks ${broker.bootstrap}`)
      }
      await shot(page, '26-connect-snippets')
    })

    await step('add a second Brooklet broker as a remote cluster and switch to it', async () => {
      const admin = new Kafka({ clientId: 'e2e-remote-admin', brokers: [remote.bootstrap], logLevel: logLevel.NOTHING }).admin()
      await admin.connect()
      await admin.createTopics({ topics: [{ topic: remoteTopic, numPartitions: 1 }] })
      await admin.disconnect()
      await page.goto(`${ui.origin}/#/topics`)
      await page.getByRole('button', { name: 'Manage clusters' }).click()
      await page.locator('#cluster-bootstrap').fill('not a host')
      await page.getByText('is not host:port').waitFor()
      check(await page.getByTestId('add-cluster').isDisabled(), 'add enabled with an invalid list')
      await page.locator('#cluster-bootstrap').fill(remote.bootstrap)
      await page.locator('#cluster-name').fill('Second Brooklet')
      await shot(page, '27-clusters-dialog')
      await page.getByTestId('add-cluster').click()
      await page.getByRole('link', { name: remoteTopic }).waitFor({ timeout: 15_000 })
      check(await page.getByRole('link', { name: topic }).count() === 0, 'embedded topic still listed on the remote cluster')
      await shot(page, '28-remote-topics')
      const saved = JSON.parse(readFileSync(clustersFile, 'utf8')) as { clusters: { bootstrap: string }[] }
      check(saved.clusters.some((c) => c.bootstrap === remote.bootstrap), 'cluster list not persisted')
    }, 40_000)

    await step('inspector and clients say they need the embedded broker; switching back works', async () => {
      await page.goto(`${ui.origin}/#/inspector`)
      await page.getByText('Not available for a remote cluster').waitFor({ timeout: 10_000 })
      await shot(page, '29-remote-inspector')
      await page.goto(`${ui.origin}/#/clients`)
      await page.getByText('Not available for a remote cluster').waitFor({ timeout: 10_000 })
      const embeddedOption = await page.getByTestId('cluster-select').locator('option', { hasText: 'Embedded broker' }).getAttribute('value')
      await page.getByTestId('cluster-select').selectOption(embeddedOption!)
      await page.getByTestId('clients-table').waitFor({ timeout: 10_000 })
      await page.goto(`${ui.origin}/#/topics`)
      await page.getByRole('link', { name: topic }).waitFor({ timeout: 10_000 })
    }, 40_000)
  } finally {
    kcatConsumer?.kill('SIGTERM')
    await consumer?.disconnect().catch(() => {})
    await producer.disconnect().catch(() => {})
    await browser.close()
    await ui.stop()
    await Promise.allSettled([broker.stop(), remote.stop()])
    rmSync(stateDir, { recursive: true, force: true })
  }
  if (errors.length) console.log(`browser errors:\n  ${errors.slice(0, 10).join('\n  ')}`)
  const failed = failureCount()
  writeStepReport('test-results/console-inspector-e2e.json')
  console.log(failed === 0 ? 'inspector e2e: all steps passed' : `inspector e2e: ${failed} step(s) failed`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((e: unknown) => {
  console.error('inspector e2e crashed:', e)
  process.exit(1)
})
