/**
 * Browser mode must not be drivable by anything but the page it served: another origin, a DNS-rebound
 * host name, or a request without the per-run token is refused, both for HTTP and for the WebSocket API.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBroker, type RunningBroker } from '../../core/index'
import { startBrowserMode, type BrowserMode } from '../../electron/browser-mode/start'

let broker: RunningBroker
let ui: BrowserMode

beforeAll(async () => {
  broker = await startBroker({ port: 0, memory: true, log: () => {} })
  ui = await startBrowserMode({ broker, log: () => {} })
})

afterAll(async () => {
  await ui?.stop()
  await broker?.stop()
})

function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: ui.port, path, headers, setHost: false }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const host = () => `127.0.0.1:${ui.port}`
const cookie = () => `brooklet_token=${ui.token}`

/** Resolves with the HTTP status the upgrade was refused with, or 101 when it succeeded. */
function upgrade(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${ui.port}/api/ws`, { headers, setHost: false } as WebSocket.ClientOptions)
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('error', () => resolve(-1))
  })
}

describe('browser mode security', () => {
  it('binds to loopback and hands out a token URL', () => {
    expect(ui.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${ui.port}/\\?token=[A-Za-z0-9_-]{40,}$`))
  })

  it('refuses a page request without the token (401)', async () => {
    expect((await get('/', { Host: host() })).status).toBe(401)
    expect((await get('/', { Host: host(), Cookie: 'brooklet_token=wrong' })).status).toBe(401)
  })

  it('moves the token into a SameSite=Strict HttpOnly cookie on first load', async () => {
    const res = await get(`/?token=${ui.token}`, { Host: host() })
    expect(res.status).toBe(303)
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const page = await get('/', { Host: host(), Cookie: cookie() })
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
  })

  it('refuses a DNS-rebinding Host even with the right token (421)', async () => {
    expect((await get('/', { Host: `evil.example:${ui.port}`, Cookie: cookie() })).status).toBe(421)
    expect(await upgrade({ Host: `evil.example:${ui.port}`, Origin: `http://evil.example:${ui.port}`, Cookie: cookie() })).toBe(421)
  })

  it('refuses API calls from another origin or site (403)', async () => {
    expect((await get('/api/download/x', { Host: host(), Cookie: cookie(), Origin: 'http://evil.example' })).status).toBe(403)
    expect((await get('/api/download/x', { Host: host(), Cookie: cookie(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
  })

  it('lets another site navigate to the console but not embed or load its files (same-site ports share the cookie)', async () => {
    const from = (dest: string, mode: string) => ({ Host: host(), Cookie: cookie(), 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': mode, 'Sec-Fetch-Dest': dest })
    expect((await get('/', from('document', 'navigate'))).status).toBe(200)
    expect((await get('/', from('iframe', 'navigate'))).status).toBe(403)
    expect((await get('/brooklet-bridge.js', from('script', 'no-cors'))).status).toBe(403)
  })

  it('refuses WebSocket upgrades with a foreign Origin, no Origin, or no token', async () => {
    expect(await upgrade({ Host: host(), Origin: 'http://evil.example', Cookie: cookie() })).toBe(403)
    expect(await upgrade({ Host: host(), Cookie: cookie() })).toBe(403)
    expect(await upgrade({ Host: host(), Origin: `http://${host()}` })).toBe(401)
  })

  it('serves the API to its own origin with the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${ui.port}/api/ws`, { headers: { Origin: `http://${host()}`, Cookie: cookie() } })
    await new Promise((r, j) => (ws.on('open', r), ws.on('error', j)))
    const reply = new Promise<{ id: number; result: { ok: boolean; value: unknown } }>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))))
    ws.send(JSON.stringify({ t: 'invoke', id: 7, channel: 'broker:status', args: [] }))
    const msg = await reply
    ws.close()
    expect(msg.id).toBe(7)
    expect(msg.result.ok).toBe(true)
    expect((msg.result.value as { state: string }).state).toBe('running')
  })
})
