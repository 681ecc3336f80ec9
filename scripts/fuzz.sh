#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan + LeakSanitizer) and runs each for SECONDS
# (default 30), seeded from the test data. A crash leaves its input in build/fuzz/crashes/ and
# fails the script; turn each one into a regression case under tests/data/bad/.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
bash scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
corpus=build/fuzz/corpus
crashes=build/fuzz/crashes
mkdir -p "$crashes"
seed() {  # seed TARGET FILE-NAME-PATTERN...
  local target="$1"; shift
  mkdir -p "$corpus/$target"
  for pattern in "$@"; do
    # Names repeat across folders: keep each under a distinct name.
    find tests/data datasets/sample models -type f -name "$pattern" -size -64k | while read -r f; do
      cp "$f" "$corpus/$target/$(echo "$f" | tr '/' '_')"
    done
  done
}
seed firms firms.csv
seed links links.csv
seed firm_years firm_years.csv
seed cluster_json cluster.json
seed segments segments.csv
seed flows flows.csv
seed criteria '*.csv'
seed xlsx '*.xlsx' '*.xml'
status=0
for target in firms links firm_years cluster_json segments flows criteria xlsx; do
  echo "== fuzz_$target for ${seconds}s" >&2
  if ! build/fuzz/tests/fuzz/fuzz_"$target" "$corpus/$target" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$crashes/$target-" \
      -print_final_stats=1 2>"build/fuzz/$target.log"; then
    echo "fuzz_$target: FAILED (see build/fuzz/$target.log and $crashes)" >&2
    tail -30 "build/fuzz/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$target.log" | tr '\n' ' ' >&2
    echo >&2
  fi
done
exit $status
