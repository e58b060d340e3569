#!/usr/bin/env bash
# Installs what is missing, packs the packages, builds, and runs every test; prints line coverage per assembly,
# then ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh --tests || exit 1
# The packages, as a new user gets them: the end-to-end test adopts Parity from them in a folder of its own.
scripts/pack.sh || exit 1

log=$(mktemp)
coverage="$PWD/TestResults/coverage"
rm -rf "$coverage"
# coverlet.MTP (every test project references it) writes one cobertura file per test project into $coverage.
dotnet test Aspire.sln --coverlet --coverlet-output-format cobertura --results-directory "$coverage" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Informational only: neither the exit code nor the summary line depends on it.
echo
python3 scripts/coverage-table.py "$coverage" || echo "The coverage table could not be printed."

# The Microsoft Testing Platform prints a summary block (total/failed/succeeded/skipped); sum its counts.
count() { awk -v key="$1:" '$1 == key { n += $2 } END { print n + 0 }' "$log"; }
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
rm -f "$log"
exit "$status"
