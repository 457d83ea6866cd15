#!/usr/bin/env bash
# End-to-end dedupe benchmark: generates N prospects (15% duplicate rows), then runs the
# reference rules with deduplication on (bench/dedupe_run.yaml) from the CSV, and prints wall
# time, peak RSS and the largest block compared, with the core count. A second line adds the
# cleaned CSV and the JSON report (clusters included).
#   bench/dedupe_e2e.sh [N=1000000] [CONFIG=bench/dedupe_run.yaml]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PDC_BUILD_DIR:-$root/build}
n=${1:-1000000}
config=${2:-$root/bench/dedupe_run.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/samples/pardot-generate" --count "$n" --seed 1 --output "$work/in.csv"
echo "input: $n prospects; $(nproc) cores; config $(basename "$config")"

number() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$work/summary.json"; }

run() {
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/pipeline/pardot-clean" run "$config" \
    --input "$work/in.csv" --json --quiet "$@" > "$work/summary.json"
  read -r wall rss_kb < "$work/time"
  printf '%-30s %7.2f s wall  peak RSS %5.0f MB  dedupe %5.2f s  clusters %s  ' "$label" \
    "$wall" "$(awk -v r="$rss_kb" 'BEGIN { print r / 1024 }')" "$(number dedupe_seconds)" \
    "$(number dedupe_clusters)"
  printf 'pairs compared %s  largest block %s\n' "$(number dedupe_candidate_pairs)" \
    "$(number dedupe_largest_block)"
}

run "clean + dedupe"
run "+ cleaned CSV + JSON report" --output "$work/out.csv" --report "$work/report.json"
