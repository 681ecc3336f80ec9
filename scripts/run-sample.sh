#!/usr/bin/env bash
# Sets up, builds, and runs icn analyze on the embedded sample (datasets/sample/linqing-bearing):
# the report lands in icn-out/ (report.html to open, report.json, diagrams, CSV tables).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
icn=build/release/cli/icn
"$icn" validate datasets/sample/linqing-bearing --chain bearing --region 371581
"$icn" analyze datasets/sample/linqing-bearing --chain bearing --region 371581 --out icn-out --png
echo "report: $(pwd)/icn-out/report.html (also report.md, report.json, chain.svg, network.svg, *.csv)"
