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
# Every service built from the image's app target carries the flags (the proxy is nginx).
apps=$(printf '%s\n' "$config" | grep -cx "      target: app" || true)
matching=$(printf '%s\n' "$config" | grep -cxF "      NODE_OPTIONS: $flags" || true)
if [ "$apps" -eq 0 ] || [ "$matching" -ne "$apps" ]; then
  echo "check:compose: $matching of $apps services run with NODE_OPTIONS '$flags' (SERVICE_NODE_FLAGS)" >&2
  exit 1
fi
# The README's recipe for separate processes starts them with the same flags.
grep -qF -- "node $flags dist/apps/" README.md || {
  echo "check:compose: README.md's separate-process recipe does not start services with '$flags'" >&2
  exit 1
}
echo "every service of docker/compose.yml and the README's recipe run with '$flags', as the benches and tests start them"
