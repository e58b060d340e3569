#!/usr/bin/env bash
# Installs what is missing, then runs the tests (they start the whole topology themselves).
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore
dotnet parity doctor --fix
exec dotnet test "$@"
