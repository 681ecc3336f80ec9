#!/usr/bin/env bash
# cmake --install of a build into a fresh prefix, then a program outside the project built against
# the installed icn package (find_package(icn), icn::engine) analyses the sample and must agree
# with `icn analyze` on the local firms, the gaps and the best leader; a bad dataset gives its
# FILE:LINE problems through the same API.
# usage: consumer_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/cmake/icn/icnConfig.cmake"
test -f "$work/prefix/include/icn/engine/api.hpp"
test -d "$work/prefix/share/icn/chains/bearing"
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
got=$("$work/consumer/consumer" "$src/datasets/sample/linqing-bearing" \
  "$work/prefix/share/icn/chains/bearing" 371581)
"$work/prefix/bin/icn" --quiet analyze "$src/datasets/sample/linqing-bearing" --chain bearing \
  --region 371581 --out "$work/report" --formats json
want=$(/usr/bin/python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
print(r['cohesion']['local_firms'], len(r['gaps']), r['leaders'][0]['firm'])
" "$work/report/report.json")
if [[ "$got" != "$want" ]]; then
  echo "consumer printed '$got', icn analyze gives '$want'" >&2
  exit 1
fi
set +e
bad=$("$work/consumer/consumer" "$src/tests/data/bad/bad_firm_cells" "$src/models/chains/bearing" 371581)
status=$?
set -e
if [[ $status -ne 2 || "$bad" != *"firms.csv:"* ]]; then
  echo "a bad dataset: status $status, output: $bad" >&2
  exit 1
fi
echo "consumer: $got"
