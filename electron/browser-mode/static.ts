/** Serves the built renderer (dist/renderer) with a strict CSP, injecting the WebSocket bridge into index.html. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { BRIDGE_JS } from './bridge'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
}

export const BRIDGE_PATH = '/brooklet-bridge.js'

/** Same policy as the Electron window, plus the WebSocket to this server. */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(res: ServerResponse, host: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(host))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Brooklet</title>
<body style="font:15px system-ui;margin:3rem;max-width:40rem">
<h1>The console is not built yet</h1>
<p>The broker is running and the console API is up, but <code>dist/renderer/</code> has no <code>index.html</code>.</p>
<p>Build it with <code>npm run build:renderer</code> (or run <code>npm start</code>, which builds it when missing), then reload.</p>`

export class StaticFiles {
  private readonly root: string
  private readonly bridge: string

  constructor(rootDir: string) {
    this.root = resolve(rootDir)
    this.bridge = BRIDGE_JS
  }

  serve(pathname: string, res: ServerResponse): void {
    if (pathname === BRIDGE_PATH) return this.send(res, 200, TYPES['.js']!, this.bridge, 'no-store')
    const file = this.resolveFile(pathname)
    if (file && !file.endsWith(`${sep}index.html`)) {
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' })
      createReadStream(file).pipe(res)
      return
    }
    if (extname(pathname) && !file) return this.send(res, 404, TYPES['.txt']!, 'not found')
    // SPA routes and "/" get index.html, with the bridge loaded before the app's own scripts.
    const index = join(this.root, 'index.html')
    if (!existsSync(index)) return this.send(res, 200, TYPES['.html']!, NOT_BUILT, 'no-store')
    const html = readFileSync(index, 'utf8').replace(/<head([^>]*)>/i, `<head$1><script src="${BRIDGE_PATH}"></script>`)
    this.send(res, 200, TYPES['.html']!, html, 'no-store')
  }

  /** A file under root, or null; normalize + prefix check rejects ../ traversal. */
  private resolveFile(pathname: string): string | null {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return null
    }
    if (decoded.includes('\0')) return null
    const file = normalize(join(this.root, decoded))
    if (!file.startsWith(this.root + sep)) return null
    try {
      return statSync(file).isFile() ? file : null
    } catch {
      return null
    }
  }

  private send(res: ServerResponse, status: number, type: string, body: string, cache = 'no-cache'): void {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache })
    res.end(body)
  }
}
