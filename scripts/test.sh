#!/usr/bin/env bash
# The README's test command (`npm test`): static checks, unit tests, real-client tests, browser e2e, faults.
# Ends with one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json
status=0

bash scripts/ensure-test-deps.sh || status=1

echo "== typecheck"
npx tsc -p tsconfig.json --noEmit || status=1
npx tsc -p renderer/tsconfig.json --noEmit || status=1
echo "== generated protocol code is fresh"; npm run --silent gen:check || status=1
echo "== unit and client tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
if [ -f e2e/app/run.sh ]; then
  echo "== console e2e (Playwright + Chromium)"
  bash e2e/app/run.sh || status=1
fi

echo "== fault tests (crash, fuzz, scale, full disk; CI sizes — FAULTS_SCALE=full for the issue's sizes)"
bash scripts/test-faults.sh || status=1

node scripts/summarize-tests.mjs test-results || status=1
exit $status
