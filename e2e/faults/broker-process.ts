// broker-process.ts: the broker as a separate OS process, so a test can kill -9 it, watch its RSS and tell
// "the broker crashed" apart from "the test harness failed". Runs core/cli/main.ts through tsx's loader in a
// single node process (not `npx tsx`, which forks: SIGKILL must hit the process that holds the database).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface BrokerProcessOptions {
  dataDir: string
  /** 0 picks a free port; a restart passes the previous port so clients can reconnect. */
  port?: number
  fsync?: 'normal' | 'always'
  startTimeoutMs?: number
}

export interface BrokerProcess {
  readonly pid: number
  readonly port: number
  readonly bootstrap: string
  /** Resident set size in bytes (/proc/PID/status VmRSS), 0 once the process is gone. */
  rss(): number
  /** Set once the process has exited, for whatever reason. */
  exitInfo(): { code: number | null; signal: string | null } | null
  /** Log lines saying a handler threw (a bug: malformed input must be refused, not crash a handler). */
  handlerFailures(): { count: number; examples: string[] }
  /** stderr so far (the broker's log), for failure reports. */
  logTail(lines?: number): string
  kill9(): Promise<void>
  stop(): Promise<void>
}

export async function spawnBroker(options: BrokerProcessOptions): Promise<BrokerProcess> {
  const args = ['--import', 'tsx', 'core/cli/main.ts', 'serve', '--port', String(options.port ?? 0), '--data-dir', options.dataDir]
  if (options.fsync) args.push('--fsync', options.fsync)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const stderr: string[] = []
  let exit: { code: number | null; signal: string | null } | null = null
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exit = { code, signal }
    resolve()
  }))
  const failures = { count: 0, examples: [] as string[] }
  child.stderr!.on('data', (c: Buffer) => {
    const text = c.toString('utf8')
    for (const line of text.split('\n')) {
      if (!line.includes('handler failed')) continue
      failures.count++
      if (failures.examples.length < 5) failures.examples.push(line.slice(0, 500))
    }
    stderr.push(text)
    if (stderr.length > 400) stderr.splice(0, 200)
  })
  const port = await readyPort(child, options.startTimeoutMs ?? 20_000, () => stderr.join(''))
  const pid = child.pid!
  const kill = async (signal: NodeJS.Signals) => {
    if (!exit) child.kill(signal)
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  }
  return {
    pid,
    port,
    bootstrap: `127.0.0.1:${port}`,
    rss: () => readRss(pid),
    exitInfo: () => exit,
    handlerFailures: () => failures,
    logTail: (lines = 30) => stderr.join('').split('\n').slice(-lines).join('\n'),
    kill9: () => kill('SIGKILL'),
    stop: async () => {
      await kill('SIGTERM')
      if (!exit) await kill('SIGKILL')
    },
  }
}

/** Waits for the CLI's "Brooklet is ready at host:port" line. */
function readyPort(child: ChildProcess, timeoutMs: number, log: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => fail(`broker did not start within ${timeoutMs} ms`), timeoutMs)
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${why}\n${log().slice(-3000)}`))
    }
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const m = /ready at [^:\s]+:(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.once('exit', (code, signal) => fail(`broker exited during start-up (code ${code}, signal ${signal})`))
  })
}

export function readRss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the maximum and the last sample. */
export function sampleRss(rss: () => number, everyMs = 100): { stop(): { maxBytes: number; lastBytes: number } } {
  let maxBytes = rss()
  let lastBytes = maxBytes
  const timer = setInterval(() => {
    lastBytes = rss()
    maxBytes = Math.max(maxBytes, lastBytes)
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return { maxBytes, lastBytes }
    },
  }
}

export const MiB = 1024 * 1024
export const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10
