#!/usr/bin/env bash
# Export benchmark: N generated prospects with A visitor activities each on average in
# pardot-emulator, a fixed latency per request, and one `pardot-clean export` of the visitor
# activities into SQLite: requests against the minimum (v3/v4: ceil(total / 200) pages, plus the
# short last one; v5: ceil(total / 1000)), the most requests in flight, wall time and rows/s.
#   bench/export.sh [N=200000] [A=5] [LATENCY_MS=50] [API_VERSION=4]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PDC_BUILD_DIR:-$root/build}
n=${1:-200000}
per=${2:-5}
latency=${3:-50}
version=${4:-4}
work=$(mktemp -d)
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/samples/pardot-generate" --count "$n" --seed 1 --output "$work/in.csv"
"$build/tests/emulator/pardot-emulator" --port 0 --token bench --ampsea --prospects "$work/in.csv" \
  --activities-per-prospect "$per" --latency-ms "$latency" > "$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 1200); do grep -q listening "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/emulator.out")
url="http://127.0.0.1:$port"
cat > "$work/c.yaml" <<YAML
version: 1
source:
  pardot:
    api_version: $version
    base_url: "$url"
    business_unit_id: 0Uv000000000001AAA
    auth: { access_token: bench }
    edition: premium
rules: []
YAML

start=$(date +%s.%N)
"$build/pipeline/pardot-clean" export "$work/c.yaml" --to "$work/out.sqlite" \
  --objects visitor_activities --journal "$work/j.db" --json --quiet > "$work/summary.json"
end=$(date +%s.%N)
stats=$(curl -s "$url/_emulator/stats")

field() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p" <<< "$2" | head -n 1; }
rows=$(field visitor_activities "$(cat "$work/summary.json")")
requests=$(field requests "$stats")
in_flight=$(field max_in_flight "$stats")
if [ "$version" = 5 ]; then minimum=$(( (rows + 999) / 1000 )); else minimum=$(( rows / 200 + 1 )); fi
awk -v n="$n" -v lat="$latency" -v v="$version" -v rows="$rows" -v r="$requests" -v m="$minimum" \
    -v f="$in_flight" -v s="$start" -v e="$end" -v size="$(stat -c %s "$work/out.sqlite")" \
    -v cores="$(nproc)" 'BEGIN {
  printf "v%s export, %d prospects, %d visitor activities, %d ms a request, %d cores\n", v, n, rows, lat, cores
  printf "  %d requests, minimum %d (%.3f x); at most %d in flight\n", r, m, r / m, f
  printf "  %.1f s wall, %.0f activities/s; SQLite file %.0f MB\n", e - s, rows / (e - s), size / 1e6
}'
