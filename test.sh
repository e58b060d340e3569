#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test; ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh --tests || exit 1

log=$(mktemp)
dotnet test Aspire.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Microsoft Testing Platform prints a summary block (total/failed/succeeded/skipped); sum its counts.
count() { awk -v key="$1:" '$1 == key { n += $2 } END { print n + 0 }' "$log"; }
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
rm -f "$log"
exit "$status"
