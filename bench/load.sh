#!/usr/bin/env bash
# Load benchmark (issue "foundation"): a generated dataset of FIRMS firms and LINKS links is
# loaded by ICN (read + validate + network) and by python-igraph in the same run; wall time and
# peak memory from /usr/bin/time -v. Usage: bench/load.sh [DIR] [FIRMS] [LINKS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/icn-bench-1m}"
firms="${2:-1000000}"
links="${3:-10000000}"
dpkg-query -W -f='${Status}' python3-igraph 2>/dev/null | grep -q "install ok installed" ||
  apt-get install -y -qq python3-igraph >/dev/null
bash scripts/build.sh release >/dev/null
if [[ ! -f "$dir/links.csv" ]]; then
  build/release/cli/icn --quiet generate --chain bearing --out "$dir" --firms "$firms" \
    --links "$links" --local-share 0.1 --no-products --years 0
fi
ls -l "$dir"
measure() {
  local label="$1"; shift
  /usr/bin/time -v "$@" 2>/tmp/icn-bench-time.txt | sed "s/^/  /"
  awk -v l="$label" -F': ' '/Elapsed \(wall clock\)/{w=$2} /Maximum resident/{m=$2}
    END{printf "%-14s wall %s  peak %.0f MB\n", l, w, m/1024}' /tmp/icn-bench-time.txt
}
measure "icn load" build/release/bench/icn_bench_load "$dir"
measure "icn validate" build/release/cli/icn --quiet validate "$dir" --chain bearing --region 371581
measure "python-igraph" /usr/bin/python3 bench/igraph_load.py "$dir"
