// Bundles the Electron main process (ESM) and the sandboxed preload (one CommonJS file, as sandboxed
// preloads cannot import local modules) into dist/electron/. Native and CommonJS-heavy packages stay external.
import { build } from 'esbuild'
import { cpSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' }

export async function buildElectron() {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: 'dist/electron/main/index.js',
      format: 'esm',
      external: ['electron', 'better-sqlite3', '@mongodb-js/zstd', 'kafkajs', 'ws'],
      // Bundled ESM has no require(); some dependencies still call it.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload/index.cjs', format: 'cjs', external: ['electron'] }),
  ])
  // core/storage/sqlite/migrate.ts reads ./migrations next to its (bundled) module URL.
  cpSync(`${root}/core/storage/sqlite/migrations`, `${root}/dist/electron/main/migrations`, { recursive: true })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildElectron()
