/**
 * The Electron half of the console e2e. Runs only where the Electron binary is installed (the npm package
 * downloads it in a postinstall step that offline machines skip); otherwise it prints why it skipped.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron } from 'playwright-core'
import { repoRoot, shot, step } from './harness'

function electronBinary(): { path: string | null; why: string } {
  const pkg = join(repoRoot, 'node_modules', 'electron')
  if (!existsSync(pkg)) return { path: null, why: 'the electron package is not installed' }
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { path: null, why: 'node_modules/electron has no downloaded binary (path.txt missing: its postinstall download did not run or had no network)' }
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? { path: bin, why: '' } : { path: null, why: `the Electron binary ${bin} is missing` }
}

export async function runElectron(): Promise<void> {
  const { path, why } = electronBinary()
  if (!path) {
    console.log(`SKIPPED Electron part: ${why}. Only browser mode (Chromium) was tested.`)
    return
  }
  const main = join(repoRoot, 'dist', 'electron', 'main', 'index.js')
  if (!existsSync(main)) {
    console.log(`SKIPPED Electron part: ${main} is not built (run npm run build first).`)
    return
  }
  await step('Electron window shows the console', async () => {
    const app = await _electron.launch({ executablePath: path, args: [repoRoot], env: { ...process.env, BROOKLET_MEMORY: '1' }, timeout: 30_000 })
    try {
      const win = await app.firstWindow()
      await win.getByTestId('broker-state').getByText('Running').waitFor({ timeout: 20_000 })
      await win.goto(win.url().replace(/#.*$/, '') + '#/topics')
      await shot(win, '11-electron-topics')
    } finally {
      await app.close()
    }
  }, 60_000)
}
