/**
 * Request checks for the browser-mode server. Threats: another web page in the user's browser (CSRF,
 * cross-site WebSocket hijacking) and DNS rebinding (a hostile name re-pointed at 127.0.0.1). Defences:
 *  - Host must be 127.0.0.1:<port> or localhost:<port>: a rebinding attack arrives with the attacker's name.
 *  - A per-run random token on every request: from ?token= on first load, then an HttpOnly SameSite=Strict
 *    cookie (other sites' requests never carry it), or an `Authorization: Bearer` header for tools.
 *  - Origin, when sent, must be our own origin; for WebSocket upgrades it is required (browsers always send it,
 *    and WebSockets are not covered by the same-origin policy). Sec-Fetch-Site, when sent, must be
 *    same-origin or none (a typed URL / bookmark); for pages, a foreign site may only navigate the top level.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'brooklet_token'

export interface Verdict {
  ok: boolean
  status: number
  reason: string
}

const OK: Verdict = { ok: true, status: 200, reason: '' }
const deny = (status: number, reason: string): Verdict => ({ ok: false, status, reason })

export class RequestGuard {
  private readonly hosts: Set<string>
  private readonly origins: Set<string>

  constructor(readonly port: number, readonly token: string) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`))
  }

  /** The token a request presents (query on first load, then cookie, or a Bearer header). */
  presentedToken(req: IncomingMessage): string | null {
    const url = new URL(req.url ?? '/', 'http://x')
    const fromQuery = url.searchParams.get('token')
    if (fromQuery) return fromQuery
    const auth = req.headers.authorization
    if (auth?.startsWith('Bearer ')) return auth.slice(7)
    return cookie(req.headers.cookie, TOKEN_COOKIE)
  }

  tokenMatches(candidate: string | null): boolean {
    if (!candidate) return false
    const a = Buffer.from(candidate)
    const b = Buffer.from(this.token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  /** Host, then Origin / Sec-Fetch-Site, then token. `api` marks WebSocket upgrades and /api/ calls. */
  check(req: IncomingMessage, kind: 'page' | 'api' | 'websocket'): Verdict {
    const host = req.headers.host
    if (!host || !this.hosts.has(host.toLowerCase())) return deny(421, `unexpected Host header ${JSON.stringify(host ?? '')}`)
    const origin = req.headers.origin
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) return deny(403, `cross-origin request from ${origin} refused`)
    if (kind === 'websocket' && origin === undefined) return deny(403, 'WebSocket upgrade without an Origin header refused')
    const site = req.headers['sec-fetch-site']
    const foreign = typeof site === 'string' && site !== 'same-origin' && site !== 'none'
    if (kind !== 'page' && foreign) return deny(403, `cross-site request (${site}) refused`)
    // Another page may link to the console (a top-level navigation it cannot read), but not embed or fetch its
    // files: another port on 127.0.0.1 is the same *site*, so the SameSite=Strict cookie alone does not stop it.
    if (foreign && !(req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document')) {
      return deny(403, `${String(req.headers['sec-fetch-dest'] ?? 'subresource')} request from another ${site === 'same-site' ? 'origin' : 'site'} refused`)
    }
    if (!this.tokenMatches(this.presentedToken(req))) return deny(401, 'missing or wrong token: open the URL printed when Brooklet started')
    return OK
  }
}

export function cookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim())
  }
  return null
}
