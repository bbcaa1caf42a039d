#!/usr/bin/env bash
# Console checks: renderer unit tests, a renderer build, then the e2e run against browser mode (Chromium)
# and, where an Electron binary is installed, the Electron app. Screenshots land in e2e/artifacts/ (gitignored).
# The 1M-message benchmarks are separate (slow): npx tsx e2e/app/perf.ts
set -euo pipefail
cd "$(dirname "$0")/../.."
npx vitest run --config renderer/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$PWD/test-results/renderer.json"
npx vite build --config renderer/vite.config.ts --logLevel warn
timeout 300 npx tsx e2e/app/console.spec.ts "$@"
# Another origin (127.0.0.1:other port, localhost) cannot read from or call browser mode, in real Chromium.
timeout 120 npx tsx e2e/app/cross-origin.spec.ts
# Protocol inspector, clients, lanes, remote clusters, snippets (issue 7). Load figure: npx tsx e2e/app/inspector-perf.ts
timeout 240 npx tsx e2e/app/inspector.spec.ts
# Consumer groups (issue 7): lag chart, history across a restart, offset reset, rebalance timeline.
timeout 300 npx tsx e2e/app/groups.spec.ts
