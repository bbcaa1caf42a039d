// main.ts: `npm run test:faults`. Runs each fault case in turn (FAULTS_ONLY=crash,fuzz picks some), prints
// its figures, and writes a vitest-shaped summary to test-results/faults.json for scripts/summarize-tests.mjs.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './broker-process'
import { crashSafety } from './crash'
import { fsyncAlways } from './fsync-always'
import { protocolFuzz } from './fuzz'
import { bigRequests, manyConnections, manyConsumers } from './scale'
import { fullDisk } from './full-disk'
import { SCALE, sizes, SkipCase, type CaseResult, type Figures } from './support'

const CASES: [name: string, run: () => Promise<Figures>][] = [
  ['crash', crashSafety],
  ['fsync-always', fsyncAlways],
  ['fuzz', protocolFuzz],
  ['connections', manyConnections],
  ['consumers', manyConsumers],
  ['big-requests', bigRequests],
  ['full-disk', fullDisk],
]

async function runCase(name: string, run: () => Promise<Figures>): Promise<CaseResult> {
  const started = Date.now()
  const result = (status: CaseResult['status'], figures: Figures, reason?: string): CaseResult =>
    ({ name, status, durationMs: Date.now() - started, figures, ...(reason ? { reason } : {}) })
  try {
    return result('passed', await run())
  } catch (err) {
    if (err instanceof SkipCase) return result('skipped', {}, err.message)
    return result('failed', {}, (err as Error)?.stack ?? String(err))
  }
}

async function main(): Promise<void> {
  const only = process.env.FAULTS_ONLY?.split(',').map((s) => s.trim())
  console.log(`== fault tests (FAULTS_SCALE=${SCALE}: ${JSON.stringify(sizes())})`)
  const results: CaseResult[] = []
  for (const [name, run] of CASES) {
    if (only && !only.includes(name)) continue
    const r = await runCase(name, run)
    results.push(r)
    const figures = Object.entries(r.figures).map(([k, v]) => `${k}=${v}`).join(' ')
    console.log(`${r.status.toUpperCase().padEnd(7)} ${name} (${(r.durationMs / 1000).toFixed(1)} s) ${figures}`)
    if (r.reason) console.log(`        ${r.reason.split('\n').join('\n        ')}`)
  }
  const count = (s: CaseResult['status']) => results.filter((r) => r.status === s).length
  const summary = {
    numTotalTests: results.length, numPassedTests: count('passed'), numFailedTests: count('failed'),
    numPendingTests: count('skipped'), scale: SCALE, results,
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true })
  writeFileSync(join(ROOT, 'test-results/faults.json'), JSON.stringify(summary, null, 2))
  console.log(`faults: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`)
  process.exit(summary.numFailedTests > 0 ? 1 : 0)
}

void main()
