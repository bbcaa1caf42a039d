import { defineConfig } from 'vitest/config'

// Renderer unit tests: pure helpers only (no DOM needed). Run: npx vitest run --config renderer/vitest.config.ts
export default defineConfig({
  test: { root: new URL('.', import.meta.url).pathname, include: ['src/**/*.test.ts'], environment: 'node' },
})
