/**
 * Electron main process: starts the embedded broker, serves the console API over IPC and opens one window.
 * Window security: contextIsolation, sandbox, no nodeIntegration, a strict CSP on every response of the
 * app:// scheme, navigation and new windows blocked (http(s) links open in the system browser), every
 * permission request denied, IPC accepted only from app:// pages (see ipc.ts).
 */
import { BrowserWindow, app, net, protocol, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { RunningBroker } from '../../core/index'
import type { ConsoleBackend } from '../console/console-service'
import { createClusterConsole } from '../console/clusters/cluster-console'
import { startEmbeddedBroker } from './broker-host'
import { registerElectronIpc, type IpcRegistration } from './ipc'

const HERE = dirname(fileURLToPath(import.meta.url))
const SCHEME = 'app'
const ORIGIN = `${SCHEME}://console`
/** Built by Vite; next to the bundled main (dist/electron/main -> dist/renderer). */
const RENDERER_DIR = [resolve(HERE, '../../renderer'), resolve(HERE, '../../dist/renderer')].find((d) => existsSync(join(d, 'index.html'))) ?? resolve(HERE, '../../renderer')
const PRELOAD = join(HERE, '../preload/index.cjs')

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ')

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

let broker: RunningBroker | undefined
let backend: ConsoleBackend | undefined
let ipc: IpcRegistration | undefined

/** Serves dist/renderer under app://console/ with the CSP; unknown routes fall back to index.html (SPA). */
function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url)
    let file = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)))
    if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file) || url.pathname === '/') file = join(RENDERER_DIR, 'index.html')
    const res = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Brooklet',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(`${ORIGIN}/`)
  return win
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  hardenContents()
  serveRenderer()
  broker = await startEmbeddedBroker({ userDataDir: app.getPath('userData') })
  backend = createClusterConsole({
    broker,
    shell: 'electron',
    templatesFile: join(app.getPath('userData'), 'templates.json'),
    clustersFile: join(app.getPath('userData'), 'clusters.json'),
    exportTarget: { dir: app.getPath('downloads') },
    revealFile: (path) => shell.showItemInFolder(path),
  })
  ipc = await registerElectronIpc(backend, (url) => url.startsWith(`${ORIGIN}/`))
  let win = createWindow()
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createWindow()
    else win.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow()
  })
}

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !broker) return
  // Stop the broker (flushes SQLite) before the process exits.
  event.preventDefault()
  quitting = true
  ipc?.dispose()
  void Promise.allSettled([backend?.close(), broker.stop()]).then(() => app.quit())
})
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

main().catch((err: Error) => {
  process.stderr.write(`brooklet: ${err.stack ?? err.message}\n`)
  app.exit(1)
})
