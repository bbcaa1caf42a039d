/**
 * Starts the embedded broker for the desktop app.
 *
 * Hosting, measured (e2e/app/host-perf.ts; 15 s of 1 KB records from librdkafka at full speed, console
 * invocations every 100 ms, each dispatched as a new task as an IPC message is; medians of 3 alternating runs
 * on a 2-core machine): with the broker in the console's process the event loop lags 9.6 ms at p50 and
 * 36 ms at p99 (child: 1.1 / 6.0 ms), invocations answer in 50 ms at p50 (child: 17 ms), a call answered
 * without Kafka (app:info) waits 10 ms (child: 0.1 ms), and the producer gets 158k msg/s (child: 233k).
 * Tails are close (p99 137 vs 117 ms) because broker-bound calls wait on the busy broker in either layout.
 * The figures favour a utility process (utilityProcess.fork running core/, which has no Electron dependency):
 * page rendering stays smooth either way since the renderer is its own process, but every IPC answer from
 * main is about 3x slower at the median while the in-process broker is under load, and the broker itself is
 * faster when it does not share a thread with the console's Kafka clients. This file still starts the broker
 * in-process; the console already speaks Kafka to it, so moving it costs only the broker-only extras
 * (connections, storage sizes, request log), which would need a message channel to the utility process.
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
