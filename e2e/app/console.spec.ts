/**
 * The console end to end, against browser mode with the real embedded broker (issue 6):
 * create a topic, produce 1,000 messages from the UI, browse and filter them, watch a kafkajs message
 * arrive in live tail within a second, export, and screenshot every view into e2e/artifacts/.
 * Then the Electron app, when its binary is installed; otherwise it says it skipped that part and why.
 */
import { Kafka, logLevel } from 'kafkajs'
import type { Page } from 'playwright-core'
import { launchBackend } from './backend'
import { runElectron } from './electron-part'
import { check, failureCount, findChromium, launchChromium, shot, step, watchPage, writeStepReport } from './harness'

const topic = `e2e-orders-${Date.now().toString(36)}`

async function summary(page: Page): Promise<string> {
  return (await page.getByTestId('browse-summary').textContent()) ?? ''
}

async function rowCount(page: Page): Promise<number> {
  return page.getByTestId('message-row').count()
}

async function setFilter(page: Page, text: string): Promise<void> {
  await page.getByLabel('Filter text').fill(text)
  await page.getByLabel('Filter text').press('Enter')
}

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    console.log('FAIL: no Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).')
    process.exit(1)
  }
  const backend = await launchBackend()
  console.log(`browser mode at ${backend.url.replace(/token=[^&]+/, 'token=…')}, broker ${backend.bootstrap}`)
  const browser = await launchChromium(chromiumPath)
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' })
  const errors = watchPage(page, 'chromium')
  const kafka = new Kafka({ clientId: 'e2e-console', brokers: [backend.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer()

  try {
    await step('overview loads with a running broker', async () => {
      await page.goto(backend.url)
      await page.getByTestId('broker-state').getByText('Running').waitFor({ timeout: 15_000 })
      await page.getByTestId('stat-brokers').getByText('1').waitFor()
      await shot(page, '01-overview')
    })

    await step('create a topic from the UI', async () => {
      await page.goto(`${backend.url}#/topics`)
      await page.getByRole('button', { name: 'New topic' }).click()
      await page.locator('#topic-name').fill('bad name')
      await page.getByText('Spaces are not allowed').waitFor()
      await page.locator('#topic-name').fill(topic)
      await page.locator('#topic-partitions').fill('3')
      await page.locator('#topic-cleanup').selectOption('delete')
      await shot(page, '02-create-topic-dialog')
      await page.getByRole('button', { name: 'Create topic' }).click()
      await page.waitForURL(new RegExp(`#/topics/${topic}/messages`))
      await page.getByText('No messages here yet').waitFor()
    })

    await step('produce 1,000 messages from the produce studio', async () => {
      await page.goto(`${backend.url}#/produce?topic=${topic}`)
      await page.getByRole('button', { name: 'Text', exact: true }).click()
      await page.locator('#p-value').fill('order-{{seq}} for {{name}}')
      await page.locator('#p-key').fill('customer-{{int 1 20}}')
      await page.locator('#p-count').fill('1000')
      await shot(page, '06-produce')
      await page.getByTestId('send').click()
      await page.getByTestId('send-result').getByText('1,000').waitFor({ timeout: 30_000 })
      await shot(page, '06-produce-sent')
      return (await page.getByTestId('send-result').textContent()) ?? ''
    }, 45_000)

    await step('browse the 1,000 messages', async () => {
      await page.goto(`${backend.url}#/topics/${topic}/messages`)
      await page.getByTestId('message-row').first().waitFor()
      const text = await summary(page)
      check(/of 1,000/.test(text), `summary says "${text}"`)
      await page.getByTestId('message-row').nth(3).click()
      await page.getByTestId('message-detail').waitFor()
      await shot(page, '03-topic-messages')
      return text
    })

    await step('filter by value text and by regex', async () => {
      await setFilter(page, 'order-500 ')
      await page.getByText('order-500 for').first().waitFor()
      await page.waitForTimeout(300)
      check(await rowCount(page) === 1, `"order-500 " matched ${await rowCount(page)} rows`)
      await page.getByRole('button', { name: '.*' }).click()
      await setFilter(page, '^order-99\\d ')
      await page.getByText('order-999 for').first().waitFor()
      await page.waitForTimeout(300)
      const n = await rowCount(page)
      check(n === 10, `regex matched ${n} rows, expected 10`)
      await shot(page, '03-topic-messages-filtered')
      await page.getByRole('button', { name: '.*' }).click()
      await setFilter(page, '')
    })

    await step('a kafkajs message shows in live tail within a second', async () => {
      await page.getByText('Live tail').click()
      await page.getByText('Waiting for new messages').waitFor()
      await page.waitForTimeout(500)
      await producer.connect()
      const value = `live-${Math.random().toString(36).slice(2)}`
      const t0 = Date.now()
      await producer.send({ topic, messages: [{ key: 'from-kafkajs', value }] })
      await page.getByText(value).first().waitFor({ timeout: 3000 })
      const ms = Date.now() - t0
      await shot(page, '03-topic-live-tail')
      check(ms < 1000, `took ${ms} ms`)
      await page.getByText('Live tail').click()
      return `${ms} ms from send to row`
    })

    await step('export the topic to JSON Lines with progress', async () => {
      await page.getByRole('button', { name: /^Export/ }).click()
      await page.getByRole('button', { name: 'Range to latest' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click()
      const result = page.getByTestId('export-result')
      await result.waitFor({ timeout: 30_000 })
      await shot(page, '07-export-dialog')
      const text = (await result.textContent()) ?? ''
      check(/1,001 rows/.test(text), `export says "${text}"`)
      const url = await result.getByRole('link').getAttribute('href').catch(() => null)
      if (url) {
        const body = await page.evaluate((u) => fetch(u).then((r) => r.text()), url)
        const lines = body.trim().split('\n').length
        check(lines === 1001, `downloaded ${lines} lines`)
        return `${lines} lines downloaded`
      }
      return text
    })

    await step('consumer group shows on the topic and the groups page', async () => {
      const consumer = kafka.consumer({ groupId: 'e2e-readers' })
      await consumer.connect()
      await consumer.subscribe({ topic, fromBeginning: true })
      let seen = 0
      await new Promise<void>((resolve) => {
        void consumer.run({ eachMessage: async () => { if (++seen === 100) resolve() } })
      })
      await consumer.commitOffsets([])
      await page.goto(`${backend.url}#/groups`)
      await page.getByText('e2e-readers').first().waitFor({ timeout: 15_000 })
      await shot(page, '08-groups')
      await page.goto(`${backend.url}#/topics/${topic}/consumers`)
      await page.getByText('e2e-readers').first().waitFor({ timeout: 15_000 })
      await shot(page, '05-topic-consumers')
      await page.goto(`${backend.url}#/clients`)
      await page.getByTestId('clients-table').waitFor({ timeout: 10_000 })
      await shot(page, '09-clients')
      await consumer.disconnect()
    }, 60_000)

    await step('topic list, partitions and configs views', async () => {
      await page.goto(`${backend.url}#/topics`)
      await page.getByRole('link', { name: topic }).waitFor()
      await shot(page, '02-topics')
      await page.goto(`${backend.url}#/topics/${topic}/partitions`)
      await page.getByTestId('partitions-table').waitFor()
      await shot(page, '04-topic-partitions')
      await page.goto(`${backend.url}#/topics/${topic}/configs`)
      await page.getByTestId('configs-table').waitFor()
      await shot(page, '04-topic-configs')
    })

    await step('dark theme and keyboard navigation', async () => {
      await page.goto(`${backend.url}#/`)
      await page.getByRole('button', { name: 'Dark' }).click()
      await page.keyboard.press('g')
      await page.keyboard.press('t')
      await page.waitForURL(/#\/topics$/)
      await page.keyboard.press('/')
      await page.keyboard.type(topic.slice(0, 10))
      await shot(page, '10-dark-topics')
      await page.goto(`${backend.url}#/topics/${topic}/messages`)
      await page.getByTestId('message-row').nth(1).click()
      await shot(page, '10-dark-messages')
      await page.getByRole('button', { name: 'Light' }).click()
    })
  } finally {
    await producer.disconnect().catch(() => {})
    await browser.close()
    await backend.stop()
  }
  if (errors.length) console.log(`browser errors:\n  ${errors.slice(0, 10).join('\n  ')}`)

  await runElectron()
  const failed = failureCount()
  writeStepReport('test-results/console-e2e.json')
  console.log(failed === 0 ? 'console e2e: all steps passed' : `console e2e: ${failed} step(s) failed`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((e: unknown) => {
  console.error('console e2e crashed:', e)
  process.exit(1)
})
