// Prints "N passed, N failed[, N skipped]" from every JSON report in the results folder
// (vitest's JSON reporter shape), so CI can read one closing line whatever ran.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'test-results'
let passed = 0, failed = 0, skipped = 0
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  passed += report.numPassedTests ?? 0
  // A suite that failed to load has no failed tests of its own: count it once.
  const failedTests = report.numFailedTests ?? 0
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0)
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
if (passed === 0) {
  console.error('no test ran')
  process.exit(1)
}
