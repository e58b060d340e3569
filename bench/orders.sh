#!/usr/bin/env bash
# End-to-end order throughput through the gateway and the saga's POST → APPROVED latency; prints a table.
# Starts the reference AppHost (random ports, a fresh state folder), loads it, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-500}
dotnet build AppHost -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/OrderThroughput -v q -clp:ErrorsOnly >/dev/null

state=$(mktemp -d); chmod 755 "$state"
NO_COLOR=1 dotnet AppHost/bin/Debug/net10.0/AppHost.dll --Parity:RandomizePorts=true --Parity:StateDirectory="$state" \
  --Parameters:gateway-permits-per-second=100000 >"$state/apphost.log" 2>&1 &
apphost=$!
trap 'kill -TERM $apphost; wait $apphost || true; dotnet AppHost/bin/Debug/net10.0/AppHost.dll stop --persistent --Parity:StateDirectory="$state" >/dev/null; rm -rf "$state"' EXIT
until grep -q "All resources up in" "$state/apphost.log"; do sleep 0.2; done
gateway=$(python3 -c "import json,sys; r=[r for r in json.load(open(sys.argv[1]))['resources'] if r['name']=='gateway'][0]; print(r['urls'][0]['url'])" "$state/run.json")

for concurrency in 1 8 32; do
  dotnet bench/OrderThroughput/bin/Debug/net10.0/OrderThroughput.dll "$gateway" "$orders" "$concurrency" | { [ "$concurrency" = 1 ] && cat || tail -1; }
done
