#!/usr/bin/env bash
# End-to-end benchmark: generates N prospects, cleans them with bench/bench.yaml (text +
# name_case + email), and prints throughput, wall time and peak RSS with the core count.
#   bench/e2e.sh [N=1000000] [CONFIG=bench/bench.yaml]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PDC_BUILD_DIR:-$root/build}
n=${1:-1000000}
config=${2:-$root/bench/bench.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/samples/pardot-generate" --count "$n" --seed 1 --output "$work/in.csv"
size=$(du -m "$work/in.csv" | cut -f1)
echo "input: $n prospects, ${size} MB CSV; $(nproc) cores; config $(basename "$config")"

run() {
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/pipeline/pardot-clean" run "$config" \
    --input "$work/in.csv" --quiet "$@"
  read -r wall rss_kb < "$work/time"
  awk -v n="$n" -v w="$wall" -v r="$rss_kb" -v l="$label" \
    'BEGIN { printf "%-34s %8.2f s  %10.0f records/s  peak RSS %6.0f MB\n", l, w, n / w, r / 1024 }'
}

run "clean only"
run "clean + cleaned CSV" --output "$work/out.csv"
run "clean + cleaned CSV + JSON report" --output "$work/out.csv" --report "$work/report.json"
