/**
 * Browser mode: the console served to a normal browser by a local HTTP + WebSocket server that carries the
 * same contract as Electron's IPC. Loopback only, token + Host + Origin checked on every request (see
 * security.ts). `brooklet serve --ui` and `npm start` (without an Electron binary) call startBrowserMode.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type WebSocket } from 'ws'
import type { RunningBroker } from '../../core/index'
import type { ConsoleBackend } from '../console/console-service'
import { createClusterConsole } from '../console/clusters/cluster-console'
import { createSession } from '../console/session'
import { RequestGuard, TOKEN_COOKIE } from './security'
import { StaticFiles, securityHeaders } from './static'

export interface BrowserModeOptions {
  broker: RunningBroker
  /** 0 (default) picks a free port. */
  port?: number
  /** Defaults to <repo>/dist/renderer. */
  rendererDir?: string
  /** Defaults to a fresh random token per run. */
  token?: string
  templatesFile?: string | null
  /** Saved remote clusters (JSON); null or absent keeps the list in memory for this run. */
  clustersFile?: string | null
  /** Where the URL line goes; defaults to stdout. Pass () => {} to stay quiet. */
  log?: (line: string) => void
  /** Sees every answered request and WebSocket upgrade with its status (tests prove refusals server-side). */
  onRequest?: (entry: { method: string; url: string; status: number }) => void
}

export interface BrowserMode {
  /** Open this (it carries the token); afterwards the token lives in a cookie. */
  url: string
  origin: string
  port: number
  token: string
  stop(): Promise<void>
}

const HERE = dirname(fileURLToPath(import.meta.url))
const MAX_WS_MESSAGE = 64 * 1024 * 1024
/** A tab that cannot keep up loses tail batches rather than growing server memory without bound. */
const MAX_BUFFERED = 8 * 1024 * 1024

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const files = new StaticFiles(options.rendererDir ?? defaultRendererDir())
  let guard: RequestGuard | undefined
  let backend: ConsoleBackend | undefined
  const audit = options.onRequest
  const server = createServer((req, res) => {
    if (audit) res.on('finish', () => audit({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode }))
    handleHttp(req, res, guard!, files, backend!)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE })
  server.on('upgrade', (req, socket, head) => {
    const verdict = guard!.check(req, 'websocket')
    if (!verdict.ok || new URL(req.url ?? '/', 'http://x').pathname !== '/api/ws') {
      audit?.({ method: 'UPGRADE', url: req.url ?? '', status: verdict.ok ? 404 : verdict.status })
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    audit?.({ method: 'UPGRADE', url: req.url ?? '', status: 101 })
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, backend!))
  })
  const port = await new Promise<number>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ok((server.address() as { port: number }).port))
  })
  guard = new RequestGuard(port, token)
  const origin = `http://127.0.0.1:${port}`
  backend = createClusterConsole({
    broker: options.broker,
    shell: 'browser',
    templatesFile: options.templatesFile ?? null,
    clustersFile: options.clustersFile ?? null,
    exportTarget: { dir: join(tmpdir(), 'brooklet-exports'), downloadUrl: (jobId) => `/api/download/${encodeURIComponent(jobId)}` },
  })
  const url = `${origin}/?token=${token}`
  ;(options.log ?? ((line) => process.stdout.write(line + '\n')))(`Brooklet console (browser mode): ${url}`)
  return {
    url, origin, port, token,
    stop: async () => {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await backend!.close()
      await new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
    },
  }
}

/** dist/renderer next to the sources (tsx), next to a bundle in dist/, or under the working directory. */
export function defaultRendererDir(): string {
  const candidates = [resolve(HERE, '../../dist/renderer'), resolve(HERE, 'renderer'), resolve(process.cwd(), 'dist/renderer')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!
}

function handleHttp(req: IncomingMessage, res: ServerResponse, guard: RequestGuard, files: StaticFiles, backend: ConsoleBackend): void {
  const url = new URL(req.url ?? '/', 'http://x')
  const api = url.pathname.startsWith('/api/')
  const verdict = guard.check(req, api ? 'api' : 'page')
  securityHeaders(res, req.headers.host ?? '')
  if (!verdict.ok) {
    res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(verdict.reason)
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' })
    res.end()
    return
  }
  if (url.searchParams.has('token')) {
    // First load: move the token into a cookie other sites' requests never carry, and drop it from the URL.
    url.searchParams.delete('token')
    res.writeHead(303, {
      'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(guard.token)}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname + url.search,
    })
    res.end()
    return
  }
  const download = /^\/api\/download\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname)
  if (download) return serveDownload(res, backend, download[1]!)
  if (api) {
    res.writeHead(404).end()
    return
  }
  files.serve(url.pathname, res)
}

function serveDownload(res: ServerResponse, backend: ConsoleBackend, jobId: string): void {
  const file = backend.exportedFile(jobId)
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such export')
    return
  }
  res.writeHead(200, {
    'Content-Type': file.fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  })
  createReadStream(file.path).pipe(res)
}

function attach(ws: WebSocket, backend: ConsoleBackend): void {
  const session = createSession(backend, (channel, payload) => {
    if (ws.readyState !== ws.OPEN) return
    if (channel === 'messages:tail' && ws.bufferedAmount > MAX_BUFFERED) return
    ws.send(JSON.stringify({ t: 'event', channel, payload }))
  })
  ws.on('message', (data) => {
    let msg: { t?: unknown; id?: unknown; channel?: unknown; args?: unknown }
    try {
      msg = JSON.parse(data.toString()) as typeof msg
    } catch {
      return
    }
    if (msg.t !== 'invoke' || typeof msg.id !== 'number' || typeof msg.channel !== 'string') return
    const id = msg.id
    void session.invoke(msg.channel as never, msg.args).then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id, result }))
    })
  })
  ws.on('close', () => session.close())
  ws.on('error', () => session.close())
}
