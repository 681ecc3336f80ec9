#!/usr/bin/env bash
# The benchmark's peers compute what ICN computes (bench/run.sh checks this before it times
# anything): on a small generated cluster, the NetworkX script of bench/peers.py and, where
# Debian's python3-igraph is installed, the python-igraph one agree with icn analyze's
# report.json. Times are not asserted.
# usage: bench_check.sh SOURCE_DIR ICN_BINARY
set -euo pipefail
src=$1
icn=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$icn" --quiet generate --chain bearing --out "$work/data" --firms 3000 --links 15000 \
  --local-share 0.1 --no-products --years 0 2>/dev/null
"$icn" --quiet analyze "$work/data" --chain bearing --region 371581 --formats json \
  --out "$work/out" 2>/dev/null
peers=()
for peer in networkx igraph; do
  [[ $peer == igraph ]] && ! /usr/bin/python3 -c "import igraph" 2>/dev/null && continue
  /usr/bin/python3 "$src/bench/peers.py" "$peer" "$work/data" "$src/models/chains/bearing" \
    371581 32 > "$work/$peer.json"
  peers+=("$work/$peer.json")
done
/usr/bin/python3 "$src/bench/compare.py" --check "$work/out/report.json" "${peers[@]}"
