#!/usr/bin/env bash
# The dashboard's resident memory and OTLP ingest rate (spans/s over HTTP/protobuf and gRPC), in memory only and with
# its SQLite storage file, measured side by side on the Release build; prints a markdown table.
# Usage: bench/dashboard.sh [seconds per protocol, default 10] [concurrent senders, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
senders=${2:-4}
dotnet build Parity/Parity.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/DashboardIngest -c Release -v q -clp:ErrorsOnly >/dev/null
dashboard=Parity/Parity.Dashboard/bin/Release/net10.0/Parity.Dashboard.dll

echo "Batches of 512 spans (64 traces × 8), $senders senders, ${seconds}s per protocol; caps 10k traces, 10k logs, 50k metric points."
echo "✓: the last batch a sender got accepted is readable through /api/traces."
echo
echo "| storage, GC | idle RSS MiB | OTLP/HTTP spans/s | OTLP/gRPC spans/s | RSS with caps full MiB | traces / logs / points kept | storage file after stop |"
echo "|---|---:|---:|---:|---:|---|---|"
for run in "memory server" "file server" "memory workstation" "file workstation"; do
  set -- $run
  dotnet bench/DashboardIngest/bin/Release/net10.0/DashboardIngest.dll "$dashboard" "$1" "$seconds" "$senders" "$2"
done
