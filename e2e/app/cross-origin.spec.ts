/**
 * Issue 6 acceptance: "a page on another origin cannot read from or call the browser-mode API", shown in a
 * real browser. The console is opened first (so its token cookie sits in Chromium's jar, as it would for a
 * user), then an "attacker" page served by a second local server, on another 127.0.0.1 port (same site, so
 * the SameSite=Strict cookie IS attached) and on localhost (cross-site). From there it tries fetch() with and
 * without credentials, a simple-request POST, the WebSocket bridge, the bridge script via <script src>, and
 * an iframe of the console. Every attempt must fail; the same probes run from the console's own origin must
 * succeed, which shows the probes can tell the difference. Browser mode's onRequest hook records what the
 * server answered each probe, so a refusal is shown server-side, not only as the browser hiding a response.
 */
import { createServer, type Server } from 'node:http'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBackend } from './backend'
import { check, failureCount, findChromium, launchChromium, step, writeStepReport } from './harness'
import { PROBES_JS, attackerHtml, type ProbeResults } from './cross-origin-probes'

async function startAttacker(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === '/frame-ok') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p id="ok">frameable</p>')
    const target = url.searchParams.get('target') ?? ''
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(attackerHtml(target))
  })
  const port = await new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as { port: number }).port)))
  return { server, port }
}

/** What browser mode answered each probe (`probe=<name>` in the URL), recorded by the server itself. */
type ServerLog = Map<string, number>

function probeOf(url: string): string | null {
  return new URL(url, 'http://x').searchParams.get('probe')
}

async function runAttack(context: BrowserContext, attackerUrl: string, statuses: ServerLog): Promise<{ page: Page; results: ProbeResults }> {
  statuses.clear()
  const page = await context.newPage()
  await page.goto(attackerUrl)
  await page.waitForFunction('window.__done === true', undefined, { timeout: 20_000 })
  return { page, results: (await page.evaluate('window.__results')) as ProbeResults }
}

function expectBlocked(results: ProbeResults, statuses: ServerLog): string {
  const lines: string[] = []
  for (const [name, r] of Object.entries(results)) {
    check(r.outcome !== 'read' && r.outcome !== 'called' && r.outcome !== 'loaded', `${name} got through: ${JSON.stringify(r)}`)
    lines.push(`${name}=${r.outcome}`)
  }
  check(results.scriptTag?.apiDefined === false, 'the bridge script defined window.api on the attacker page')
  // Refused by the server itself, not only hidden from the page by the browser.
  for (const [probe, status] of statuses) {
    check(status === 401 || status === 403, `${probe}: the server answered ${status}`)
    lines.push(`${probe}→${status}`)
  }
  for (const probe of ['postSimple', 'postNoCreds', 'websocket', 'iframe']) check(statuses.has(probe), `${probe} never reached the server, so its refusal is unproven`)
  return lines.join(', ')
}

/** The iframe of the console must not render it: Chromium replaces a refused frame with its error page. */
async function consoleFrameBlocked(page: Page, consolePort: number): Promise<string> {
  const frames = page.frames().filter((f) => f !== page.mainFrame())
  const control = frames.find((f) => f.url().endsWith('/frame-ok'))
  check(!!control && (await control.locator('#ok').count()) === 1, 'control iframe (a frameable page) did not render: the check is blind')
  const victim = frames.find((f) => f.name() === 'victim')
  check(!!victim, 'victim iframe missing')
  const rendered = await victim!.evaluate('document.querySelector("#root") !== null || typeof window.api !== "undefined"').catch(() => false)
  check(rendered === false, `console rendered inside a foreign iframe (${victim!.url()})`)
  return `victim frame url ${victim!.url().startsWith(`http://127.0.0.1:${consolePort}`) ? 'console (empty)' : victim!.url()}`
}

async function main(): Promise<void> {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    console.log('FAIL: no Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).')
    process.exit(1)
  }
  const statuses: ServerLog = new Map()
  const backend = await launchBackend({ onRequest: ({ url, status }) => { const p = probeOf(url); if (p) statuses.set(p, status) } })
  const attacker = await startAttacker()
  const browser = await launchChromium(chromiumPath)
  const context = await browser.newContext()
  const consoleUrl = new URL(backend.url)
  const target = consoleUrl.origin
  try {
    const own = await context.newPage()
    await step('console opened with its token (cookie now in the jar)', async () => {
      await own.goto(backend.url)
      await own.getByTestId('broker-state').getByText('Running').waitFor({ timeout: 15_000 })
      const cookies = await context.cookies(target)
      check(cookies.some((c) => c.name === 'brooklet_token'), 'no token cookie after the first load')
    })

    await step('own origin: the same probes succeed (fetch, POST reaches the server, WebSocket call, bridge script)', async () => {
      await own.evaluate(`window.__target = ${JSON.stringify(target)}`)
      statuses.clear()
      const results = (await own.evaluate(PROBES_JS)) as ProbeResults
      for (const name of ['fetchBridgeCreds', 'fetchIndexCreds', 'fetchApiCreds', 'websocket', 'scriptTag']) {
        const r = results[name]
        check(r?.outcome === 'read' || r?.outcome === 'called' || r?.outcome === 'loaded', `${name} failed from the console's own origin: ${JSON.stringify(r)}`)
      }
      check(results.websocket?.detail === 'running', `WebSocket call answered ${results.websocket?.detail}`)
      check(results.fetchApiCreds?.status === 404, `own API fetch answered ${results.fetchApiCreds?.status} (404 = passed the guard, no such export)`)
      check(results.postSimple?.status === 405, `own POST answered ${results.postSimple?.status} (405 = passed the guard)`)
      check(statuses.get('websocket') === 101 && statuses.get('scriptTag') === 200, `server answered websocket ${statuses.get('websocket')}, script ${statuses.get('scriptTag')}`)
      return Object.entries(results).map(([n, r]) => `${n}=${r.outcome}${r.status ? `(${r.status})` : ''}`).join(', ')
    })

    for (const host of ['127.0.0.1', 'localhost']) {
      const site = host === '127.0.0.1' ? 'same site, other port: cookie attached' : 'cross-site'
      let attackPage: Page | undefined
      await step(`attacker on http://${host}:${attacker.port} (${site}) cannot fetch, POST, open the WebSocket or load the bridge`, async () => {
        const { page, results } = await runAttack(context, `http://${host}:${attacker.port}/?target=${encodeURIComponent(target)}`, statuses)
        attackPage = page
        return expectBlocked(results, statuses)
      })
      await step(`attacker on http://${host}:${attacker.port} cannot frame the console`, async () => {
        check(!!attackPage, 'attack page did not load')
        return consoleFrameBlocked(attackPage!, Number(consoleUrl.port))
      })
      await attackPage?.close()
    }
  } finally {
    await browser.close()
    await new Promise<void>((r) => attacker.server.close(() => r()))
    attacker.server.closeAllConnections()
    await backend.stop()
  }
  writeStepReport('test-results/console-cross-origin-e2e.json')
  console.log(failureCount() === 0 ? 'cross-origin e2e: all steps passed' : `cross-origin e2e: ${failureCount()} step(s) failed`)
  process.exit(failureCount() === 0 ? 0 : 1)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
