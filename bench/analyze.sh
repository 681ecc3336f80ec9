#!/usr/bin/env bash
# Analysis benchmark: a generated 1,000,000-firm / 10,000,000-link dataset, region of about
# 100,000 local firms. ICN's phases (bench/analyze_phases.cpp), the whole `icn analyze` under
# /usr/bin/time -v, and the same computations in python-igraph on the same CSV files.
# Usage: bench/analyze.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/icn-bench-1m-local10}"
dpkg-query -W -f='${Status}' python3-igraph 2>/dev/null | grep -q "install ok installed" ||
  apt-get install -y -qq python3-igraph >/dev/null
bash scripts/build.sh release >/dev/null
if [[ ! -f "$dir/links.csv" ]]; then
  build/release/cli/icn --quiet generate --chain bearing --out "$dir" --firms 1000000 \
    --links 10000000 --local-share 0.1 --no-products --years 0
fi
echo "== ICN phases"
build/release/bench/icn_bench_analyze "$dir" models/chains/bearing 371581
echo "== icn analyze, end to end"
/usr/bin/time -v build/release/cli/icn --quiet analyze "$dir" --chain bearing --region 371581 \
  --out /tmp/icn-bench-out 2>&1 | grep -E "Elapsed|Maximum resident"
echo "== python-igraph, same data"
/usr/bin/python3 bench/igraph_analysis.py "$dir" 371581
