#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: an optimised build, a short fuzz pass over
# every reader (libFuzzer, 30 s each), the threaded kernels under ThreadSanitizer (the engine
# and parallel_test only), then the same suite under AddressSanitizer +
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "== release build" >&2
bash scripts/build.sh release
echo "== release tests" >&2
ctest --preset release -j "$(nproc)"
echo "== fuzz" >&2
bash scripts/fuzz.sh "${ICN_FUZZ_SECONDS:-30}"
echo "== tsan build (engine and parallel_test)" >&2
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$(nproc)"
echo "== tsan tests" >&2
ctest --preset tsan
echo "== asan build" >&2
bash scripts/build.sh asan
echo "== asan tests" >&2
ctest --preset asan -j "$(nproc)"
