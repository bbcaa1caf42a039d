/**
 * Starts the embedded broker for the desktop app.
 *
 * In-process (in Electron's main process), not a utility process: the broker is event-driven, its SQLite
 * calls are short synchronous statements, and the window's rendering happens in the renderer process, so a
 * busy broker delays IPC replies by at most one statement, not the UI's frames. In-process also lets the
 * console read broker-only extras (connections, storage sizes, events) without a second IPC hop. If the
 * renderer-latency benchmark ever shows main-thread stalls, core/ already has no Electron dependency and can
 * move to utilityProcess.fork unchanged.
 *
 * better-sqlite3 under Electron: Electron's ABI differs from Node's, so main must load a binary built for it
 * WITHOUT replacing node_modules/better-sqlite3/build (which `npm test` needs under Node). scripts/start.mjs
 * prepares .electron-native/better_sqlite3.node (prebuild-install --runtime electron) and passes its path in
 * BROOKLET_SQLITE_BINDING; the storage opens the database with better-sqlite3's `nativeBinding` option.
 */
import { join } from 'node:path'
import { startBroker, type RunningBroker } from '../../core/index'

export interface BrokerHostOptions {
  userDataDir: string
  port?: number
}

export async function startEmbeddedBroker(options: BrokerHostOptions): Promise<RunningBroker> {
  const port = Number(process.env.BROOKLET_PORT ?? options.port ?? 9092)
  const dataDir = process.env.BROOKLET_DATA_DIR ?? join(options.userDataDir, 'data')
  const memory = process.env.BROOKLET_MEMORY === '1'
  try {
    return await startBroker({ port, dataDir, memory })
  } catch (err) {
    // Port taken (another broker, or a second app instance): still open the console, on a free port.
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0) return startBroker({ port: 0, dataDir, memory })
    throw err
  }
}
