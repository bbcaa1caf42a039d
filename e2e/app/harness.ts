/**
 * Shared plumbing for the console e2e run: a bounded step runner, Chromium via playwright-core, and the
 * screenshot folder. Plain script (no test runner) so it runs the same in CI and by hand.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const artifacts = join(repoRoot, 'e2e', 'artifacts')

const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const chromiumCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p)

export function findChromium(): string | null {
  return chromiumCandidates.find((p) => existsSync(p)) ?? null
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumFlags, timeout: 30_000 })
}

let failures = 0
const results: { name: string; ok: boolean; ms: number; note?: string }[] = []

/**
 * Writes the step counts in the same shape as vitest's JSON report, so scripts/summarize-tests.mjs
 * can add them to the run's closing "N passed, N failed" line.
 */
export function writeStepReport(file: string): void {
  mkdirSync(dirname(file), { recursive: true })
  const passed = results.filter((r) => r.ok).length
  writeFileSync(file, JSON.stringify({ numPassedTests: passed, numFailedTests: results.length - passed, steps: results }, null, 2))
}

/** Runs one named step with a time limit; a failure is recorded and the run continues where it can. */
export async function step(name: string, fn: () => Promise<string | void>, timeoutMs = 30_000): Promise<boolean> {
  const t0 = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const note = await Promise.race([fn(), new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs) })])
    results.push({ name, ok: true, ms: Date.now() - t0, ...(note ? { note } : {}) })
    console.log(`  ok    ${name} (${Date.now() - t0} ms)${note ? ` — ${note}` : ''}`)
    return true
  } catch (e) {
    failures++
    results.push({ name, ok: false, ms: Date.now() - t0, note: (e as Error).message })
    console.log(`  FAIL  ${name}: ${(e as Error).message.split('\n')[0]}`)
    return false
  } finally {
    clearTimeout(timer)
  }
}

export function failureCount(): number {
  return failures
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true })
  await page.waitForTimeout(250)
  await page.screenshot({ path: join(artifacts, `${name}.png`) })
}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

/** Attaches console errors and page crashes to the run's output, so a broken view is visible in CI logs. */
export function watchPage(page: Page, label: string): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`${label} pageerror: ${e.message}`))
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(`${label} console: ${m.text()}`) })
  return errors
}
