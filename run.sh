#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole reference system. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
exec dotnet run --project AppHost -- "$@"
