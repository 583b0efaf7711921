#!/usr/bin/env bash
# Validates docker/compose.yml with whichever Compose is installed (v2 plugin or v1 binary), and
# checks that every service there runs with the V8 flags the benches and tests start services with
# (libs/testing's SERVICE_NODE_FLAGS; ADR 0026).
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "check:compose: neither 'docker compose' nor 'docker-compose' is installed" >&2
  exit 1
fi
"${compose[@]}" -f docker/compose.yml config --quiet
echo "docker/compose.yml is valid"

flags=$(grep -o "^export const SERVICE_NODE_FLAGS = \[.*\]" libs/testing/src/distributed.ts | grep -o "'[^']*'" | tr -d "'" | paste -sd' ')
[ -n "$flags" ] || { echo "check:compose: SERVICE_NODE_FLAGS not found in libs/testing/src/distributed.ts" >&2; exit 1; }
config=$("${compose[@]}" -f docker/compose.yml config)
services=$(printf '%s\n' "$config" | grep -c "^    build:" || true)
matching=$(printf '%s\n' "$config" | grep -cxF "      NODE_OPTIONS: $flags" || true)
# Every service built from the app target carries the flags; the proxy (nginx) has no NODE_OPTIONS.
apps=$((services - 1))
if [ "$matching" -ne "$apps" ]; then
  echo "check:compose: $matching of $apps services run with NODE_OPTIONS '$flags' (SERVICE_NODE_FLAGS)" >&2
  exit 1
fi
echo "every service of docker/compose.yml runs with '$flags', as the benches and tests start them"
