#!/usr/bin/env bash
# Sets up, builds, and runs icn on the embedded sample (datasets/sample/linqing-bearing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
icn=build/release/cli/icn
"$icn" validate datasets/sample/linqing-bearing --chain bearing --region 371581
