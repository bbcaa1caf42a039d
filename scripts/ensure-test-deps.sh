#!/usr/bin/env bash
# The system packages the tests drive: real Kafka clients (kcat, confluent-kafka-python on librdkafka,
# kafka-python) and Debian's Chromium for Playwright (it cannot download its own browser here).
# Installs what is missing when run as root on Debian; otherwise says what to install.
set -euo pipefail
packages=(kcat python3-confluent-kafka python3-kafka chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing test dependencies: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "missing test dependencies: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})" >&2
  echo "tests that need them will report themselves as skipped" >&2
fi
