// cli.test.ts: `brooklet serve --port 0 --memory` prints its address, kcat -L lists it, SIGTERM stops it cleanly.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasExecutable, run } from './helpers'

const KCAT = '/usr/bin/kcat'
const ROOT = join(import.meta.dirname, '..', '..')

describe.skipIf(!hasExecutable(KCAT))('brooklet serve (CLI)', () => {
  it('prints "Brooklet is ready at HOST:PORT", serves kcat -L and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'core/cli/main.ts'), 'serve', '--port', '0', '--memory'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const killer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      let output = ''
      const address = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString()
          const match = /Brooklet is ready at (\S+:\d+)/.exec(output)
          if (match) resolve(match[1]!)
        }
        child.stdout.on('data', onData)
        child.stderr.on('data', onData)
        void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready:\n${output}`)))
      })
      const { stdout } = await run(KCAT, ['-b', address, '-L', '-m', '10'])
      expect(stdout).toContain(`broker 1 at ${address}`)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      clearTimeout(killer)
      child.kill('SIGKILL')
    }
  })
})
