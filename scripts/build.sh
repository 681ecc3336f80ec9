#!/usr/bin/env bash
# Configures and builds one preset (default: release) after installing what is missing.
# Usage: scripts/build.sh [release|asan|dev]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
bash scripts/setup.sh
cmake --preset "$preset" -DICN_BUILD_TESTS=ON >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
