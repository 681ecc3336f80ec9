#!/usr/bin/env bash
# Rewrites tests/golden/ from the current code; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release >/dev/null
ICN_UPDATE_GOLDEN=1 build/release/tests/viz_test --gtest_filter='Diagrams.*Golden*'
git diff --stat tests/golden
