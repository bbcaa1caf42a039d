import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBroker, type BrokerOptions, type RunningBroker } from '../../core/index'

/** A broker for one test file; logs are kept quiet unless BROOKLET_TEST_LOG is set. */
export async function testBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  return startBroker({ port: 0, memory: true, log: process.env.BROOKLET_TEST_LOG ? undefined : () => {}, ...options })
}

/** A fresh temporary data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'brooklet-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function uniqueTopic(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
