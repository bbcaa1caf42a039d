import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { BrokerOptions } from '../core/index'
import type { BrokerStats } from './broker-child'

const CHILD = fileURLToPath(new URL('./broker-child.ts', import.meta.url))

export interface BrokerProcess {
  bootstrap: string
  pid: number
  /** User+system CPU seconds the broker process has used so far (Linux /proc). */
  cpuSeconds(): number
  /** Peak resident set (VmHWM) since start or the last resetPeakRss(), in bytes. */
  peakRss(): number
  resetPeakRss(): void
  /** Produce requests and stored batches since the previous call. */
  stats(): Promise<BrokerStats>
  stop(): Promise<void>
}

/** Starts bench/broker-child.ts under tsx; `profileDir` adds node --cpu-prof. */
export async function spawnBroker(options: BrokerOptions, profileDir?: string): Promise<BrokerProcess> {
  const nodeArgs = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])]
  const child = spawn(process.execPath, [...nodeArgs, CHILD, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const port = await readyPort(child, lines)
  const pid = child.pid!
  return {
    bootstrap: `127.0.0.1:${port}`,
    pid,
    cpuSeconds: () => procCpuSeconds(pid),
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    resetPeakRss: () => resetPeakRss(pid),
    stats: () =>
      new Promise<BrokerStats>((resolve) => {
        const onLine = (line: string) => {
          if (!line.startsWith('STATS ')) return
          lines.off('line', onLine)
          resolve(JSON.parse(line.slice(6)) as BrokerStats)
        }
        lines.on('line', onLine)
        child.stdin!.write('stats\n')
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

function readyPort(child: ChildProcess, lines: Interface): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('broker child did not start within 20 s')), 20_000)
    child.once('exit', (code) => reject(new Error(`broker child exited early (${code})`)))
    lines.on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line)
      if (!m) return
      clearTimeout(timer)
      resolve(Number(m[1]))
    })
  })
}

/** utime+stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
export function procCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/** A "VmRSS:"/"VmHWM:" line of /proc/<pid>/status, in bytes (NaN when the process is gone). */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : NaN
  } catch {
    return NaN
  }
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0), so peaks can be taken per phase. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // Not permitted: the peak then covers the whole life of the process.
  }
}
