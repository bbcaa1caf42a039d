/**
 * Consumer groups end to end (issue 7), against browser mode on a SQLite-backed embedded broker:
 * a kafkajs group falling behind a producer shows growing lag in the chart (delay reported; the issue asks ≤ 2 s) and drains to 0 when
 * the producer stops; the history survives a restart of the backend (same data dir); an offset reset to a
 * timestamp makes the group re-read from the right offset; the rebalance timeline shows a member joining
 * and one timing out (killed without LeaveGroup) with the partitions that moved. Screenshots in e2e/artifacts/.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs'
import type { Page } from 'playwright-core'
import { startBroker } from '../../core/index'
import { startBrowserMode } from '../../electron/browser-mode/start'
import { check, failureCount, findChromium, launchChromium, repoRoot, shot, step, watchPage, writeStepReport } from './harness'

const LAG_TOPIC = 'e2e-lag'
const LAG_GROUP = 'e2e-lagging'
const TL_TOPIC = 'e2e-rebalance'
const TL_GROUP = 'e2e-timeline'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Backend { url: string; bootstrap: string; kafka: Kafka; stop: () => Promise<void> }

async function launch(dataDir: string): Promise<Backend> {
  const broker = await startBroker({ port: 0, dataDir, log: () => {}, groupConfig: { initialRebalanceDelayMs: 0 } })
  const ui = await startBrowserMode({ broker, port: 0, log: () => {} })
  const kafka = new Kafka({ clientId: 'e2e-groups', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING })
  return { url: ui.url, bootstrap: broker.bootstrap, kafka, stop: async () => { await ui.stop(); await broker.stop() } }
}

async function chartLag(page: Page): Promise<{ last: number; max: number; points: number }> {
  const el = page.getByTestId('lag-chart')
  const [last, max, points] = await Promise.all(['data-last-lag', 'data-max-lag', 'data-points'].map((a) => el.getAttribute(a)))
  return { last: Number(last || -1), max: Number(max || 0), points: Number(points || 0) }
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const t0 = Date.now()
  while (Date.now() - t0 < timeoutMs) {
    if (await cond()) return Date.now() - t0
    await sleep(100)
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

function localInput(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A consumer that handles ~150 messages/s, so a 400/s producer leaves it behind. */
async function slowConsumer(kafka: Kafka): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: LAG_GROUP, sessionTimeout: 6000, heartbeatInterval: 500 })
  await consumer.connect()
  await consumer.subscribe({ topic: LAG_TOPIC, fromBeginning: true })
  await consumer.run({ autoCommitInterval: 200, eachMessage: async () => { await sleep(5) } })
  return consumer
}

async function produceFor(producer: Producer, ms: number, perTick: number, label: string): Promise<number> {
  let n = 0
  const end = Date.now() + ms
  while (Date.now() < end) {
    await producer.send({ topic: LAG_TOPIC, messages: Array.from({ length: perTick }, () => ({ value: `${label}-${n++}` })) })
    await sleep(100)
  }
  return n
}

async function lagSteps(page: Page, b: Backend, producer: Producer): Promise<Consumer | null> {
  let consumer: Consumer | null = null
  // The issue's 2 s figure is reported in the step's note, not asserted: timings on a shared 2-core CI
  // machine are measurements, not pass/fail conditions (the bound below only stops a hung run).
  await step('a group falling behind a producer shows growing lag in the chart (delay reported)', async () => {
    const admin = b.kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic: LAG_TOPIC, numPartitions: 3 }] })
    await admin.disconnect()
    await producer.send({ topic: LAG_TOPIC, messages: Array.from({ length: 30 }, (_, i) => ({ value: `seed-${i}` })) })
    consumer = await slowConsumer(b.kafka)
    await page.goto(`${b.url}#/groups/${LAG_GROUP}`)
    await page.getByTestId('lag-chart').waitFor({ timeout: 15_000 })
    await waitFor(async () => (await chartLag(page)).points > 0 && (await chartLag(page)).last === 0, 20_000, 'caught up on the seed messages')
    const t0 = Date.now()
    const producing = produceFor(producer, 8000, 40, 'load')
    const seen = await waitFor(async () => (await chartLag(page)).last > 0, 10_000, 'lag in the chart')
    const first = (await chartLag(page)).last
    await waitFor(async () => (await chartLag(page)).last > first, 10_000, 'growing lag')
    const n = await producing
    await shot(page, 'groups-02-lag-growing')
    const { max } = await chartLag(page)
    check(max > first, `chart max ${max} not above first ${first}`)
    return `lag visible ${seen} ms after the producer started (${Date.now() - t0} ms total run), peak ${max} messages, ${n} produced`
  }, 45_000)

  await step('stopping the producer lets the chart drain to 0', async () => {
    const ms = await waitFor(async () => (await chartLag(page)).last === 0, 40_000, 'chart back to 0')
    await page.getByTestId('group-total-lag').getByText('0', { exact: true }).waitFor({ timeout: 5000 })
    await shot(page, 'groups-03-lag-drained')
    return `drained ${ms} ms after the producer stopped`
  }, 60_000)
  return consumer
}

async function resetSteps(page: Page, b: Backend, producer: Producer): Promise<void> {
  await step('offset reset: refused with the reason while the group has members', async () => {
    const consumer = await slowConsumer(b.kafka)
    await page.goto(`${b.url}#/groups/${LAG_GROUP}`)
    await page.getByTestId('group-state').getByText('Stable').waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: 'Reset offsets' }).click()
    await page.getByTestId('reset-blocked').waitFor({ timeout: 10_000 })
    const text = (await page.getByTestId('reset-blocked').textContent()) ?? ''
    check(await page.getByTestId('apply-reset').isDisabled(), 'apply should be disabled for a non-empty group')
    await shot(page, 'groups-05-reset-blocked')
    await page.keyboard.press('Escape')
    await consumer.disconnect()
    return text.slice(0, 90)
  }, 40_000)

  await step('an offset reset to a timestamp makes the group re-read from the right offset', async () => {
    await producer.send({ topic: LAG_TOPIC, messages: Array.from({ length: 30 }, (_, i) => ({ value: `before-${i}` })) })
    // The form takes whole seconds: pick the next second boundary, then write batch B after it.
    const at = Math.ceil((Date.now() + 300) / 1000) * 1000
    await sleep(at - Date.now() + 400)
    const meta = await producer.send({ topic: LAG_TOPIC, messages: Array.from({ length: 24 }, (_, i) => ({ key: `k${i}`, value: `after-${i}` })) })
    const expected = new Map(meta.map((m) => [m.partition, BigInt(m.baseOffset ?? '-1')]))
    await page.goto(`${b.url}#/groups/${LAG_GROUP}`)
    await page.getByTestId('group-state').getByText('Empty').waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: 'Reset offsets' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Timestamp' }).click()
    await page.locator('#reset-time').fill(localInput(at))
    await page.waitForTimeout(600)
    await page.getByTestId('reset-preview').waitFor()
    await shot(page, 'groups-06-reset-preview')
    await page.getByTestId('apply-reset').click()
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 })
    // Re-read with a kafkajs consumer in the group: it must start exactly at batch B in every partition.
    const consumer = b.kafka.consumer({ groupId: LAG_GROUP, sessionTimeout: 6000 })
    const firsts = new Map<number, bigint>()
    const values: string[] = []
    await consumer.connect()
    await consumer.subscribe({ topic: LAG_TOPIC })
    await consumer.run({ eachMessage: async ({ partition, message }) => {
      if (!firsts.has(partition)) firsts.set(partition, BigInt(message.offset))
      values.push(message.value?.toString() ?? '')
    } })
    await waitFor(async () => values.length >= 24, 20_000, 're-read of batch B')
    await sleep(500)
    await consumer.disconnect()
    check(values.every((v) => v.startsWith('after-')), `re-read ${values.filter((v) => !v.startsWith('after-')).length} records from before the time`)
    check(values.length === 24, `re-read ${values.length} records, expected 24`)
    for (const [p, off] of expected) check(firsts.get(p) === off, `partition ${p}: first re-read offset ${firsts.get(p)}, expected ${off}`)
    return `re-read ${values.length} records starting at ${[...expected].map(([p, o]) => `p${p}@${o}`).join(' ')}`
  }, 60_000)
}

function spawnMember(bootstrap: string, clientId: string): { child: ChildProcess; joined: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'e2e/app/group-member.ts'), bootstrap, TL_GROUP, TL_TOPIC, clientId], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
  const joined = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('joined')) resolve() })
    child.once('exit', (code) => reject(new Error(`member process exited with ${code}`)))
  })
  return { child, joined }
}

async function timelineSteps(page: Page, b: Backend): Promise<void> {
  await step('the rebalance timeline shows a member joining and one timing out, with the partitions that moved', async () => {
    const admin = b.kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic: TL_TOPIC, numPartitions: 4 }] })
    await admin.disconnect()
    const stayer = b.kafka.consumer({ groupId: TL_GROUP, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10_000 })
    await stayer.connect()
    await stayer.subscribe({ topic: TL_TOPIC })
    await stayer.run({ eachMessage: async () => {} })
    const member = spawnMember(b.bootstrap, 'e2e-doomed')
    await member.joined
    await page.goto(`${b.url}#/groups/${TL_GROUP}`)
    const timeline = page.getByTestId('rebalance-timeline')
    await timeline.locator('[data-kind="member-joined"]').nth(1).waitFor({ timeout: 15_000 })
    await page.getByTestId('members-table').getByText('e2e-doomed').waitFor({ timeout: 10_000 })
    await shot(page, 'groups-07-timeline-joined')
    const killedAt = Date.now()
    member.child.kill('SIGKILL')
    await timeline.locator('[data-kind="member-timed-out"]').waitFor({ timeout: 20_000 })
    const timedOutMs = Date.now() - killedAt
    // Newest first: the rebalance after the timeout ends in a sync that hands the member's partitions back.
    const sync = timeline.locator('[data-kind="sync-completed"]').first()
    let moved = ''
    await waitFor(async () => {
      moved = (await sync.getByTestId('moved-partitions').textContent().catch(() => '')) ?? ''
      return /e2e-doomed\S*\s*→\s*e2e-groups/.test(moved)
    }, 15_000, 'a sync moving the timed-out member\'s partitions')
    await page.getByTestId('members-table').getByText('e2e-doomed').waitFor({ state: 'detached', timeout: 10_000 })
    await shot(page, 'groups-08-timeline-timeout')
    await stayer.disconnect()
    return `timed out ${timedOutMs} ms after SIGKILL; moved: ${moved.replace(/\s+/g, ' ').slice(0, 120)}`
  }, 60_000)
}

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    console.log('FAIL: no Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).')
    process.exit(1)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'brooklet-groups-e2e-'))
  let b = await launch(dataDir)
  const browser = await launchChromium(chromiumPath)
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: 'light' })
  const errors = watchPage(page, 'chromium')
  let producer = b.kafka.producer()
  try {
    await producer.connect()
    const consumer = await lagSteps(page, b, producer)
    await step('the groups list shows state, protocol, members, topics and total lag', async () => {
      await page.goto(`${b.url}#/groups`)
      await page.getByTestId('groups-table').getByText(LAG_GROUP).waitFor({ timeout: 10_000 })
      // kafkajs's default assignor is RoundRobinAssigner; the list shows the protocol type and the assignor.
      await page.getByTestId('groups-table').getByText('RoundRobinAssigner').first().waitFor({ timeout: 10_000 })
      await shot(page, 'groups-01-list')
    })
    await (consumer as Consumer | null)?.disconnect()
    await producer.disconnect()

    await step('the lag history is still there after a restart of the backend (same data dir)', async () => {
      await b.stop()
      b = await launch(dataDir)
      await page.goto(`${b.url}#/groups/${LAG_GROUP}`)
      await page.getByTestId('lag-chart').waitFor({ timeout: 15_000 })
      await waitFor(async () => (await chartLag(page)).max > 0, 5000, 'history from before the restart')
      const { max, points } = await chartLag(page)
      await shot(page, 'groups-04-after-restart')
      return `${points} points in the 5 min window after restart, peak ${max}`
    }, 45_000)

    producer = b.kafka.producer()
    await producer.connect()
    await resetSteps(page, b, producer)
    await timelineSteps(page, b)
    await step('dark theme group page', async () => {
      await page.goto(`${b.url}#/groups/${LAG_GROUP}`)
      await page.getByRole('button', { name: 'Dark' }).click()
      await page.getByTestId('lag-chart').waitFor()
      await shot(page, 'groups-09-dark')
      await page.getByRole('button', { name: 'Light' }).click()
    })
  } finally {
    await producer.disconnect().catch(() => {})
    await browser.close()
    await b.stop().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (errors.length) console.log(`browser errors:\n  ${errors.slice(0, 10).join('\n  ')}`)
  const failed = failureCount()
  writeStepReport('test-results/console-groups-e2e.json')
  console.log(failed === 0 ? 'groups e2e: all steps passed' : `groups e2e: ${failed} step(s) failed`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((e: unknown) => {
  console.error('groups e2e crashed:', e)
  process.exit(1)
})
