#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise browser mode — saying why.
//   Electron: bundle main + preload, build the renderer if missing, prepare a better-sqlite3 binary for
//   Electron's ABI in .electron-native/ (node_modules keeps the Node-ABI one that `npm test` uses), launch.
//   Browser mode: build the renderer if missing, then `brooklet serve --ui` (broker + local console server),
//   which prints the URL with its per-run token.
// Flags: --browser forces browser mode; anything after `--` goes to `brooklet serve` (e.g. -- --memory).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)
const argv = process.argv.slice(2)
const passThrough = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : []
const log = (line) => process.stdout.write(`brooklet: ${line}\n`)

/** The Electron binary path, or the reason there is none. */
function electronBinary() {
  if (argv.includes('--browser')) return { reason: 'browser mode requested (--browser)' }
  const found = resolveElectron()
  if (found.path || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found
  // package.json's allowScripts keeps `npm install` from running Electron's download (it fails offline
  // and would fail the whole install); fetch the binary now instead, once, and fall back if we cannot.
  log("Electron's binary is not installed yet: downloading it (this needs internet access)...")
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
  const res = spawnSync(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], timeout: 300_000, encoding: 'utf8' })
  const again = resolveElectron()
  if (again.path) return again
  const why = (res.stderr ?? '').split('\n').find((line) => line.trim()) ?? `exit ${res.status ?? res.signal}`
  return { reason: `Electron's binary could not be downloaded (${why.trim()})` }
}

function resolveElectron() {
  try {
    // electron/index.js reads path.txt, written by its installer; it throws when the binary was never fetched.
    const path = require('electron')
    if (typeof path === 'string' && existsSync(path)) return { path }
    return { reason: `Electron's binary is missing at ${path}` }
  } catch {
    return { reason: "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network)" }
  }
}

function run(cmd, args, what) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (res.status !== 0) {
    log(`${what} failed (exit ${res.status ?? res.signal})`)
    process.exit(res.status ?? 1)
  }
}

function ensureRenderer() {
  if (existsSync(join(root, 'dist/renderer/index.html'))) return
  log('building the console (dist/renderer is missing)...')
  run('npx', ['--no-install', 'vite', 'build', '--config', 'renderer/vite.config.ts'], 'renderer build')
}

/**
 * better-sqlite3 for Electron's ABI, kept OUT of node_modules: a copy of the package in .electron-native/
 * gets the Electron prebuilt (prebuild-install --runtime electron, the same tool better-sqlite3's own install
 * uses), falling back to a source build against Electron's headers. Its path goes to the main process in
 * BROOKLET_SQLITE_BINDING, which the storage passes to better-sqlite3's `nativeBinding` option.
 */
function electronSqliteBinding(electronVersion) {
  const dir = join(root, '.electron-native', `electron-${electronVersion}-${process.platform}-${process.arch}`)
  const binding = join(dir, 'better-sqlite3/build/Release/better_sqlite3.node')
  if (existsSync(binding)) return binding
  log(`preparing better-sqlite3 for Electron ${electronVersion} in ${dir} ...`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const pkg = dirname(require.resolve('better-sqlite3/package.json'))
  cpSync(pkg, join(dir, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${pkg}/build`) })
  const opts = { cwd: join(dir, 'better-sqlite3'), stdio: 'inherit', shell: process.platform === 'win32' }
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], opts)
  if (prebuilt.status !== 0) {
    run('npx', ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--directory=${opts.cwd}`], 'better-sqlite3 build for Electron')
  }
  return binding
}

function startElectron(binary) {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  log(`starting the desktop app (Electron ${electronVersion})`)
  ensureRenderer()
  run(process.execPath, [join(root, 'electron/build.mjs')], 'Electron bundle')
  const env = { ...process.env, BROOKLET_SQLITE_BINDING: electronSqliteBinding(electronVersion) }
  const child = spawn(binary, [join(root, 'dist/electron/main/index.js')], { cwd: root, stdio: 'inherit', env })
  child.on('exit', (code) => process.exit(code ?? 0))
}

function startBrowserMode(reason) {
  log(`${reason}: starting browser mode`)
  ensureRenderer()
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'core/cli/main.ts'), 'serve', '--ui', ...passThrough], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

const electron = electronBinary()
if (electron.path) startElectron(electron.path)
else startBrowserMode(electron.reason)
