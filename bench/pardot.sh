#!/usr/bin/env bash
# API-mode benchmark: N generated prospects in pardot-emulator with a fixed latency per request,
# one applied run of bench/pardot.yaml, and what it cost: requests against the minimum
# (pages + ceil(changed / 50) for v3/v4), the most requests in flight, how busy the five slots
# were (the time requests held a slot, over 5 x the wall time), and wall time.
#   bench/pardot.sh [N=20000] [LATENCY_MS=50] [API_VERSION=4] [PARALLEL_PULLS=1]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PDC_BUILD_DIR:-$root/build}
n=${1:-20000}
latency=${2:-50}
version=${3:-4}
parallel=${4:-1}
work=$(mktemp -d)
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/samples/pardot-generate" --count "$n" --seed 1 --output "$work/in.csv"
ampsea=()
[ "$version" = 3 ] || ampsea=(--ampsea)
"$build/tests/emulator/pardot-emulator" --port 0 --token bench "${ampsea[@]}" \
  --prospects "$work/in.csv" --latency-ms "$latency" > "$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 300); do grep -q listening "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/emulator.out")
export PARDOT_BASE_URL="http://127.0.0.1:$port" PARDOT_ACCESS_TOKEN=bench
export PARDOT_API_VERSION=$version PARDOT_EDITION=premium PARDOT_PARALLEL_PULLS=$parallel

start=$(date +%s.%N)
"$build/pipeline/pardot-clean" run "$root/samples/pardot.yaml" --apply --journal "$work/j.db" \
  --json --quiet > "$work/summary.json"
end=$(date +%s.%N)
stats=$(curl -s "$PARDOT_BASE_URL/_emulator/stats")

field() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p" <<< "$2" | head -n 1; }
changed=$(field writes_planned "$(cat "$work/summary.json")")
requests=$(field requests "$stats")
in_flight=$(field max_in_flight "$stats")
busy_ms=$(field slot_busy_ms "$stats")
page=$([ "$version" = 5 ] && echo 1000 || echo 200)
pages=$(( n / page + 1 ))
writes=$([ "$version" = 5 ] && echo "$changed" || echo $(( (changed + 49) / 50 )))
minimum=$(( pages + writes ))
awk -v n="$n" -v lat="$latency" -v v="$version" -v c="$changed" -v r="$requests" -v m="$minimum" \
    -v f="$in_flight" -v b="$busy_ms" -v p="$parallel" -v s="$start" -v e="$end" \
    -v cores="$(nproc)" 'BEGIN {
  printf "v%s, %d prospects, %d ms a request, %d parallel pulls, %d cores\n", v, n, lat, p, cores
  printf "  %d prospects changed; %d requests, minimum %d (%.3f x); at most %d in flight\n", c, r, m, r / m, f
  printf "  slots busy %.0f %% of 5 x wall; %.1f s wall, %.0f prospects/s\n", 100 * b / 1000 / (5 * (e - s)), e - s, n / (e - s)
}'
