// main.ts: `npm run gen` writes core/protocol/generated/; `npm run gen:check` regenerates in memory and
// exits 1, listing stale files, if the committed output differs (or has extra/missing files).
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GENERATED_DIR, generateAll, resolveSpecDir } from './files'

function staleFiles(files: Map<string, string>): string[] {
  const present = existsSync(GENERATED_DIR) ? readdirSync(GENERATED_DIR).filter((f) => f.endsWith('.ts')) : []
  const stale = [...files].filter(([name, text]) => {
    const path = join(GENERATED_DIR, name)
    return !existsSync(path) || readFileSync(path, 'utf8') !== text
  }).map(([name]) => name)
  const extra = present.filter((f) => !files.has(f)).map((f) => `${f} (not generated)`)
  return [...stale, ...extra]
}

function main(): void {
  const files = generateAll(resolveSpecDir())
  if (process.argv.includes('--check')) {
    const stale = staleFiles(files)
    if (stale.length > 0) {
      console.error(`core/protocol/generated is stale; run \`npm run gen\`:\n  ${stale.join('\n  ')}`)
      process.exit(1)
    }
    console.log(`core/protocol/generated is up to date (${files.size} files)`)
    return
  }
  mkdirSync(GENERATED_DIR, { recursive: true })
  for (const f of readdirSync(GENERATED_DIR)) if (f.endsWith('.ts') && !files.has(f)) unlinkSync(join(GENERATED_DIR, f))
  for (const [name, text] of files) writeFileSync(join(GENERATED_DIR, name), text)
  console.log(`wrote ${files.size} files to core/protocol/generated`)
}

main()
