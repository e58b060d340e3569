#!/usr/bin/env bash
# Installs what is missing, then starts everything. Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore
dotnet parity doctor --fix
exec dotnet parity run "$@"
