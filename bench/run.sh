#!/usr/bin/env bash
# The benchmark (issue 14, docs/benchmarks.md): generated clusters of three sizes, `icn analyze`
# against the analyst's own script in python-igraph, graph-tool and NetworkX (bench/peers.py) on
# the same files. The peers' numbers are checked against ICN's report.json first (an unequal race
# is no race), then wall time and peak memory are printed per kernel and end to end, for ICN on 1
# thread and on every core, with the ICN/peer ratios and the machine.
#   bench/run.sh [S] [M] [L]          (default: S M; L is 1,000,000 firms / 10,000,000 links)
# Datasets are cached in ${ICN_BENCH_DIR:-/tmp/icn-bench}. NetworkX runs on S and M only. Each
# size is also run with the ids as integers (a copy of the dataset without the "F" of the ids),
# against the python-igraph script reading integer ids: the script at its fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(S M)
for p in python3-igraph python3-graph-tool python3-networkx python3-pandas; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
bash scripts/build.sh release >/dev/null
icn=build/release/cli/icn
base=${ICN_BENCH_DIR:-/tmp/icn-bench}
cores=$(nproc)
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $cores cores; $(date -u +%FT%TZ)"
for size in "${sizes[@]}"; do
  case $size in
    S) firms=10000 links=50000 ;;
    M) firms=200000 links=2000000 ;;
    L) firms=1000000 links=10000000 ;;
    *) echo "unknown size $size (S, M or L)" >&2; exit 2 ;;
  esac
  data=$base/$size
  if [[ ! -f $data/links.csv ]]; then
    $icn --quiet generate --chain bearing --out "$data" --firms $firms --links $links \
      --local-share 0.1 --no-products --years 0 2>/dev/null
  fi
  if [[ ! -f $data-int/links.csv ]]; then
    mkdir -p "$data-int"
    cp "$data/cluster.json" "$data-int/"
    sed '2,$ s/^F//' "$data/firms.csv" > "$data-int/firms.csv"
    sed '2,$ s/^F//; 2,$ s/,F/,/' "$data/links.csv" > "$data-int/links.csv"
  fi
  out=$base/$size-out
  mkdir -p "$out"
  echo
  echo "== $size: $firms firms, $links links"
  cat "$data/firms.csv" "$data/links.csv" > /dev/null
  /usr/bin/time -f "%e %M" -o "$out/cat-time.txt" sh -c \
    "dd if='$data/firms.csv' of=/dev/null bs=4M status=none; dd if='$data/links.csv' of=/dev/null bs=4M status=none"
  run_icn() {  # name dataset threads
    build/release/bench/icn_bench_analyze "$2" models/chains/bearing 371581 "$3" \
      > "$out/$1-phases-$3.txt" 2>/dev/null
    /usr/bin/time -f "%e %M" -o "$out/$1-time-$3.txt" \
      $icn --quiet --threads "$3" analyze "$2" --chain bearing --region 371581 \
      --formats json,html,md,svg,csv --out "$out/$1-report-$3" 2>/dev/null
  }
  for threads in 1 "$cores"; do run_icn icn "$data" "$threads"; done
  run_icn int "$data-int" "$cores"
  peers=(igraph graph_tool)
  [[ $size == L ]] || peers+=(networkx)
  sources=$(sed -n 's/.*sampled, \([0-9]*\) sources/\1/p' "$out/icn-phases-$cores.txt" | head -1)
  sources=${sources:-256}
  for peer in "${peers[@]}"; do
    /usr/bin/time -f "%e %M" -o "$out/$peer-time.txt" \
      /usr/bin/python3 bench/peers.py "$peer" "$data" models/chains/bearing 371581 "$sources" \
      > "$out/$peer.json"
  done
  /usr/bin/time -f "%e %M" -o "$out/igraph-int-time.txt" \
    /usr/bin/python3 bench/peers.py igraph "$data-int" models/chains/bearing 371581 "$sources" int \
    > "$out/igraph-int.json"
  /usr/bin/python3 bench/compare.py --check "$out/int-report-$cores/report.json" \
    "$out/igraph-int.json" | sed 's/^  numbers:/  integer ids, numbers:/'
  /usr/bin/python3 bench/compare.py "$out" "$cores" "${peers[@]}"
done
