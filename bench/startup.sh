#!/usr/bin/env bash
# Time from AppHost start to all resources healthy (build excluded), over several runs; prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build AppHost -v q -clp:ErrorsOnly >/dev/null

printf '%-4s  %-18s  %s\n' run all-healthy-s wall-to-table-s
for i in $(seq 1 "$runs"); do
  state=$(mktemp -d)
  log="$state/out.log"
  start=$(date +%s.%N)
  NO_COLOR=1 dotnet AppHost/bin/Debug/net10.0/AppHost.dll --Parity:RandomizePorts=true --Parity:StateDirectory="$state" >"$log" 2>&1 &
  pid=$!
  until grep -q "All resources up in" "$log"; do sleep 0.05; done
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  engine=$(grep -o "All resources up in [0-9.]*" "$log" | awk '{print $5}')
  printf '%-4s  %-18s  %.2f\n' "$i" "$engine" "$wall"
  kill -TERM "$pid"; wait "$pid" || true
  dotnet AppHost/bin/Debug/net10.0/AppHost.dll stop --persistent --Parity:StateDirectory="$state" >/dev/null # each run starts cold
  last_table=$(sed -n '/^RESOURCE/,/^All resources up/p' "$log" | grep -v '^All')
  rm -rf "$state"
done

echo
echo "per resource, last run (UP AFTER = time from AppHost start to ready):"
echo "$last_table"
