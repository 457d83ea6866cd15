#!/usr/bin/env bash
# A nightly cleaning job for cron or a systemd timer. A run that the daily API limit stopped
# (exit 3) is resumed first, the next night, before a new run starts; then the config's run is
# applied with a dated report. Exit codes are pardot-clean's (README "Exit codes"), so the
# scheduler's mail or journal shows a failure.
#
#   samples/nightly.sh CONFIG [REPORT_DIR]
#
# The connection comes from the environment (see samples/pardot.yaml); PARDOT_CLEAN names the
# binary (default: pardot-clean on PATH), PDC_JOURNAL the journal (default ./pardot-clean.db).
set -uo pipefail

config=${1:?usage: nightly.sh CONFIG [REPORT_DIR]}
reports=${2:-reports}
clean=${PARDOT_CLEAN:-pardot-clean}
journal=${PDC_JOURNAL:-pardot-clean.db}
mkdir -p "$reports"
today=$(date +%F)

# The newest applied run the daily limit stopped, if any: `runs --json` lists the journal's runs.
stopped=$("$clean" runs --journal "$journal" --json | python3 -c '
import json, sys
runs = [r for r in json.load(sys.stdin)
        if r["kind"] == "run" and r["mode"] == "apply" and r["state"] == "stopped_limit"]
print(max(runs, key=lambda r: r["started_at"])["run_id"] if runs else "")
') || exit 5

if [ -n "$stopped" ]; then
  echo "resuming $stopped, stopped by yesterday's limit"
  "$clean" resume "$stopped" --journal "$journal" --quiet
  code=$?
  # Still at the limit: today's budget is spent, the next night goes on.
  [ "$code" -eq 0 ] || exit "$code"
fi

"$clean" run "$config" --apply --journal "$journal" --quiet \
  --report "$reports/$today.json" --report "$reports/$today.csv"
