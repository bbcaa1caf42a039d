/**
 * The probes cross-origin.spec.ts runs against browser mode, as page JavaScript (strings: this file is
 * typechecked without DOM types). The same text runs in the attacker page and, as a control, in the console.
 * Outcomes: 'read' (response readable), 'opaque' (sent, unreadable), 'blocked' (refused or failed),
 * 'called' (a WebSocket invoke answered), 'opened' (socket opened, no answer), 'loaded' (script ran).
 */
export interface ProbeResult {
  outcome: 'read' | 'opaque' | 'blocked' | 'called' | 'opened' | 'loaded'
  status?: number
  detail?: string
  apiDefined?: boolean
}
export type ProbeResults = Record<string, ProbeResult>

/** An expression evaluating to a Promise<ProbeResults>; reads the console's origin from window.__target. */
export const PROBES_JS = `(async () => {
  const T = window.__target
  const out = {}
  async function tryFetch(name, path, init) {
    try {
      const res = await fetch(T + path + (path.includes('?') ? '&' : '?') + 'probe=' + name, init)
      if (res.type === 'opaque') { out[name] = { outcome: 'opaque' }; return }
      const text = await res.text()
      out[name] = { outcome: 'read', status: res.status, detail: text.slice(0, 40) }
    } catch (e) { out[name] = { outcome: 'blocked', detail: String(e).slice(0, 80) } }
  }
  const call = JSON.stringify({ t: 'invoke', id: 1, channel: 'broker:status', args: [] })
  await tryFetch('fetchBridge', '/brooklet-bridge.js')
  await tryFetch('fetchBridgeCreds', '/brooklet-bridge.js', { credentials: 'include' })
  await tryFetch('fetchIndexCreds', '/', { credentials: 'include' })
  await tryFetch('fetchApiCreds', '/api/download/nope', { credentials: 'include' })
  await tryFetch('getNoCors', '/api/download/nope', { mode: 'no-cors', credentials: 'include' })
  // A "simple request" (no preflight): the browser sends it and only hides the answer, so the server must refuse it.
  await tryFetch('postSimple', '/api/ws', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: call })
  await tryFetch('postNoCreds', '/api/ws', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: call })
  out.websocket = await new Promise((resolve) => {
    let opened = false
    const ws = new WebSocket(T.replace(/^http/, 'ws') + '/api/ws?probe=websocket')
    const timer = setTimeout(() => { try { ws.close() } catch (e) {} resolve({ outcome: opened ? 'opened' : 'blocked', detail: 'timeout' }) }, 4000)
    ws.onopen = () => { opened = true; ws.send(call) }
    ws.onmessage = (ev) => {
      const m = JSON.parse(ev.data)
      if (m.t !== 'result') return
      clearTimeout(timer)
      ws.close()
      resolve({ outcome: 'called', detail: m.result && m.result.value && m.result.value.state })
    }
    ws.onclose = (ev) => { clearTimeout(timer); resolve({ outcome: opened ? 'opened' : 'blocked', detail: 'close ' + ev.code }) }
  })
  out.scriptTag = await new Promise((resolve) => {
    const s = document.createElement('script')
    s.src = T + '/brooklet-bridge.js?probe=scriptTag'
    s.onload = () => resolve({ outcome: 'loaded', apiDefined: typeof window.api !== 'undefined' })
    s.onerror = () => resolve({ outcome: 'blocked', apiDefined: typeof window.api !== 'undefined' })
    document.head.appendChild(s)
  })
  return out
})()`

/** The attacker page: runs the probes, frames the console (and a frameable control page), then sets __done. */
export function attackerHtml(target: string): string {
  const t = JSON.stringify(target).replace(/</g, '\\u003c')
  return `<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe name="control" src="/frame-ok"></iframe>
<iframe name="victim" src=${JSON.stringify(`${target}/?probe=iframe`)}></iframe>
<script>
window.__target = ${t}
window.__done = false
const loaded = new Promise((r) => window.addEventListener('load', r))
Promise.all([${PROBES_JS}, loaded]).then(([r]) => { window.__results = r; window.__done = true; console.log('probes ' + JSON.stringify(r)) })
</script>`
}
