// Bundles the headless CLI (core/cli/main.ts) into dist/cli.js, which bin/brooklet.js prefers over the
// tsx fallback: one pre-compiled file starts in a fraction of the time (see docs/benchmarks.md).
// Run: node scripts/build-cli.mjs
import { build } from 'esbuild'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = `${root}dist`
const migrations = `${root}core/storage/sqlite/migrations`

// The browser console is loaded only for `serve --ui`. Splitting keeps it (and everything only it needs)
// in a chunk that is read on demand, so the plain `serve` path parses just cli.js. Chunks stay in dist/
// itself: code shared with the entry may land in a chunk, and migrate.ts resolves its SQL next to
// whichever file it ends up in (import.meta.url).
const uiEntry = `${root}electron/browser-mode/start.ts`
const uiMissing = {
  name: 'ui-missing',
  setup(b) {
    b.onResolve({ filter: /electron\/browser-mode\/start$/ }, () => {
      if (existsSync(uiEntry)) return undefined
      console.warn('build-cli: electron/browser-mode/start.ts not found; `serve --ui` will fail in this build')
      return { path: './browser-mode-missing.js', external: true }
    })
  },
}

rmSync(`${dist}/cli.js`, { force: true })
for (const name of existsSync(dist) ? readdirSync(dist) : []) {
  if (/^chunk-.*\.js(\.map)?$/.test(name) || name === 'cli.js.map') rmSync(`${dist}/${name}`)
}

const result = await build({
  entryPoints: { cli: `${root}core/cli/main.ts` },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [uiMissing],
})

// migrate.ts reads migrations/*.sql beside its own module at run time; in the bundle that is dist/.
mkdirSync(`${dist}/migrations`, { recursive: true })
for (const name of readdirSync(migrations)) {
  if (name.endsWith('.sql')) cpSync(`${migrations}/${name}`, `${dist}/migrations/${name}`)
}

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'))
for (const [file, meta] of outputs) console.log(`${file.replace(root, '')}  ${(meta.bytes / 1024).toFixed(0)} KiB`)
