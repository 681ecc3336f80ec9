#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite twice: an optimised build, then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
for preset in release asan; do
  echo "== $preset build" >&2
  bash scripts/build.sh "$preset"
  echo "== $preset tests" >&2
  ctest --preset "$preset" -j "$(nproc)"
done
