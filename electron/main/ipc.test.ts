// Main-process IPC handlers against a fake ipcMain and a real embedded broker (no Electron binary needed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBroker, type RunningBroker } from '../../core/index'
import { createConsole, type ConsoleBackend } from '../console/console-service'
import { INVOKE_CHANNELS } from '../ipc/contract'
import { registerIpc, type IpcMainLike, type IpcRegistration } from './ipc'

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>()
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, fn)
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  }
}

class FakeSender {
  static nextId = 1
  readonly id = FakeSender.nextId++
  readonly sent: { channel: string; payload: unknown[] }[] = []
  private onDestroyed: (() => void) | undefined
  send(channel: string, ...payload: unknown[]) {
    this.sent.push({ channel, payload })
  }
  once(_event: string, fn: () => void) {
    this.onDestroyed = fn
    return this
  }
  isDestroyed() {
    return false
  }
  destroy() {
    this.onDestroyed?.()
  }
}

const TRUSTED = 'app://console/index.html'
let broker: RunningBroker
let backend: ConsoleBackend
let ipc: FakeIpcMain
let registration: IpcRegistration

function call(channel: string, args: unknown[], sender = new FakeSender(), url = TRUSTED): Promise<any> {
  const handler = ipc.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ sender, senderFrame: { url } }, ...args)
}

beforeAll(async () => {
  broker = await startBroker({ port: 0, memory: true, log: () => {} })
  backend = createConsole({ broker, shell: 'electron', exportTarget: { dir: '/tmp/brooklet-ipc-test' } })
  ipc = new FakeIpcMain()
  registration = registerIpc(ipc as unknown as IpcMainLike, backend, (url) => url.startsWith('app://console/'))
})

afterAll(async () => {
  registration?.dispose()
  await backend?.close()
  await broker?.stop()
})

describe('electron main ipc', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('returns a VALIDATION Result (never throws) for a bad payload', async () => {
    const res = await call('topics:create', [{ name: 'bad name!', partitions: 0 }])
    expect(res.ok).toBe(false)
    expect(res.error.code).toBe('VALIDATION')
    expect(res.error.message).toMatch(/args\[0\]\.name/)
    const extra = await call('topics:list', ['unexpected'])
    expect(extra.ok).toBe(false)
  })

  it('refuses calls from a page that is not the app', async () => {
    const res = await call('topics:list', [], new FakeSender(), 'https://evil.example/')
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
  })

  it('creates a topic, produces, reads and lists through the handlers', async () => {
    expect((await call('topics:create', [{ name: 'ipc-orders', partitions: 2 }])).ok).toBe(true)
    const dup = await call('topics:create', [{ name: 'ipc-orders', partitions: 2 }])
    expect(dup.error.code).toBe('KAFKA_TOPIC_ALREADY_EXISTS')
    const sent = await call('produce:send', [{ jobId: 'p1', topic: 'ipc-orders', key: 'k-{{seq}}', value: '{"n":{{seq}}}', partition: null, compression: 'gzip', count: 100, ratePerSec: null, template: true }])
    expect(sent.value.sent).toBe(100)
    const page = await call('messages:read', [{ topic: 'ipc-orders', start: { kind: 'earliest' }, limit: 500 }])
    expect(page.value.rows).toHaveLength(100)
    expect(page.value.rows[0].compression).toBe('gzip')
    const preview = await call('produce:partition-for-key', ['ipc-orders', 'k-1'])
    const row = page.value.rows.find((r: any) => r.key.text === 'k-1')
    expect(row.partition).toBe(preview.value.partition)
    const list = await call('topics:list', [])
    expect(list.value.find((t: any) => t.name === 'ipc-orders').messages).toBe('100')
    expect((await call('topics:get', ['missing-topic'])).error.code).toBe('KAFKA_UNKNOWN_TOPIC_OR_PARTITION')
  })

  it('routes live-tail rows only to the window that subscribed', async () => {
    const owner = new FakeSender()
    const other = new FakeSender()
    await call('broker:status', [], other)
    const sub = await call('messages:tail-start', [{ topic: 'ipc-orders' }], owner)
    await call('produce:send', [{ jobId: 'p2', topic: 'ipc-orders', key: null, value: 'live', partition: 0, compression: 'none', count: 3, ratePerSec: null, template: false }])
    const deadline = Date.now() + 3000
    const tailRows = () => owner.sent.filter((m) => m.channel === 'messages:tail').flatMap((m) => (m.payload[0] as any).rows)
    while (tailRows().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(tailRows().map((r: any) => r.value.text)).toEqual(['live', 'live', 'live'])
    expect(other.sent.some((m) => m.channel === 'messages:tail')).toBe(false)
    expect(other.sent.some((m) => m.channel === 'produce:progress')).toBe(true)
    expect((await call('messages:tail-stop', [sub.value.subscriptionId], owner)).ok).toBe(true)
    owner.destroy()
  })
})
