#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.js, built by `npm run build`) when present — it starts fastest —
// and falls back to running the TypeScript sources through tsx in a fresh checkout.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'

const bundled = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
if (existsSync(bundled)) {
  await import(bundled)
} else {
  const source = fileURLToPath(new URL('../core/cli/main.ts', import.meta.url))
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))
  const result = spawnSync(process.execPath, [tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
