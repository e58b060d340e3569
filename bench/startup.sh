#!/usr/bin/env bash
# Start-up against its anchors, measured side by side in one run (median of N repetitions each); prints two tables.
# (a) the reference store (AppHost/, Debug as F5 builds it) cold to all-healthy, against RabbitMQ alone started by the
#     engine as the store declares it (bench/RabbitMQAppHost, no dashboard): each repetition gets a fresh state folder,
#     so the persistent postgres and rabbitmq start cold, and is stopped after with `stop --persistent`.
# (b) an AppHost with no resources (bench/EmptyAppHost) from its built dll to its dashboard answering 200 (the login
#     link followed), against a bare Blazor Server app (bench/BlazorAnchor) from its dll to its first 200; both Release.
# Usage: bench/startup.sh [repetitions of (a), default 3] [repetitions of (b), default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
store_runs=${1:-3}
empty_runs=${2:-5}
scripts/install-prerequisites.sh --bench >/dev/null
dotnet build AppHost -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/RabbitMQAppHost -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/EmptyAppHost -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/BlazorAnchor -c Release -v q -clp:ErrorsOnly >/dev/null
store=AppHost/bin/Debug/net10.0/AppHost.dll
rabbit=bench/RabbitMQAppHost/bin/Debug/net10.0/RabbitMQAppHost.dll
empty=bench/EmptyAppHost/bin/Release/net10.0/EmptyAppHost.dll
blazor=bench/BlazorAnchor/bin/Release/net10.0/BlazorAnchor.dll

work=$(mktemp -d); chmod 755 "$work"
pid=""
state=""
host=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$state" ] && [ -n "$host" ]; then dotnet "$host" stop --persistent --Parity:StateDirectory="$state" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { printf "%.2f" "$(echo "$(now) - $1" | bc)"; }
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { echo "scale=2; $1 / $2" | bc; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The time the engine's summary table gives a resource (from AppHost start to ready), e.g. "5.91s" → 5.91.
up_after() { awk -v name="$1" '$1 == name { v = $NF } END { sub(/s$/, "", v); print v }' "$2"; }

# Starts an AppHost cold and waits for all-healthy; sets $wall (seconds) and $log. Leaves it running in $pid.
start_apphost() {
  host=$1; shift
  state=$(mktemp -d -p "$work"); chmod 755 "$state"
  local start deadline
  log="$state/out.log"; start=$(now)
  NO_COLOR=1 dotnet "$host" --Parity:RandomizePorts=true --Parity:StateDirectory="$state" "$@" >"$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 90))
  until grep -q "All resources up in" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then echo "$host did not come up:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.02
  done
  wall=$(elapsed "$start")
}

stop_apphost() {
  kill -TERM "$pid"; wait "$pid" || true; pid=""
  dotnet "$host" stop --persistent --Parity:StateDirectory="$state" >/dev/null
  state=""; host=""
}

# Polls a URL (following redirects, with a cookie jar) until it answers 200.
until_200() {
  local jar="$work/cookies" deadline=$((SECONDS + 60))
  rm -f "$jar"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -L -c "$jar" -b "$jar" "$1" 2>/dev/null)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then echo "$1 never answered 200" >&2; exit 1; fi
    sleep 0.01
  done
}

echo "bench/startup.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; median of $store_runs (a) and $empty_runs (b) repetitions"
echo
store_wall=(); store_engine=(); store_rabbit=(); alone_wall=(); alone_engine=()
for i in $(seq 1 "$store_runs"); do
  bench/cpu-budget.py snapshot >"$work/cpu-before"
  start_apphost "$store"
  store_budget=$(bench/cpu-budget.py report "$state/run.json" "$work/cpu-before")
  store_wall+=("$wall"); store_engine+=("$(grep -o 'All resources up in [0-9.]*' "$log" | awk '{print $5}')")
  store_rabbit+=("$(up_after rabbitmq "$log")")
  last_table=$(sed -n '/^RESOURCE/,/^All resources up/p' "$log" | grep -v '^All')
  stop_apphost

  start_apphost "$rabbit" --Parity:DisableDashboard=true
  alone_wall+=("$wall"); alone_engine+=("$(up_after rabbitmq "$log")")
  stop_apphost
done

sw=$(median "${store_wall[@]}"); aw=$(median "${alone_wall[@]}")
echo "(a) cold start to all-healthy, AppHost Debug (seconds from launching the dll; engine = the AppHost's own figure)"
echo
echo "| what | wall s | engine s | runs (wall) |"
echo "|---|---:|---:|---|"
echo "| whole store (AppHost/) to all-healthy | $sw | $(median "${store_engine[@]}") | ${store_wall[*]} |"
echo "| rabbitmq inside that store run ready | | $(median "${store_rabbit[@]}") | |"
echo "| RabbitMQ alone (bench/RabbitMQAppHost) ready | $aw | $(median "${alone_engine[@]}") | ${alone_wall[*]} |"
echo "| **ratio store / RabbitMQ alone** | **$(ratio "$sw" "$aw")×** | | goal ≤ 1.2× |"
echo
echo "per resource, last store run (UP AFTER = from AppHost start to ready):"
echo "$last_table"
echo
echo "CPU spent by the last store run, from launching the AppHost to all-healthy:"
echo
echo "$store_budget"
echo

empty_wall=(); blazor_wall=(); empty_cpu=(); blazor_cpu=()
for i in $(seq 1 "$empty_runs"); do
  host=$empty; state=$(mktemp -d -p "$work")
  log="$state/out.log"; start=$(now)
  NO_COLOR=1 dotnet "$empty" --Parity:RandomizePorts=true --Parity:StateDirectory="$state" >"$log" 2>&1 &
  pid=$!
  until grep -q "^Dashboard: " "$log" 2>/dev/null; do kill -0 "$pid"; sleep 0.005; done
  until_200 "$(grep -o '^Dashboard: .*' "$log" | head -1 | cut -d' ' -f2)"
  empty_wall+=("$(elapsed "$start")"); empty_cpu+=("$(bench/cpu-budget.py tree "$pid")")
  kill -TERM "$pid"; wait "$pid" || true; pid=""; state=""; host=""

  port=$(free_port); start=$(now)
  dotnet "$blazor" --urls "http://127.0.0.1:$port" >"$work/blazor.log" 2>&1 &
  pid=$!
  until_200 "http://127.0.0.1:$port/"
  blazor_wall+=("$(elapsed "$start")"); blazor_cpu+=("$(bench/cpu-budget.py tree "$pid")")
  kill -TERM "$pid"; wait "$pid" || true; pid=""
done

ew=$(median "${empty_wall[@]}"); bw=$(median "${blazor_wall[@]}")
echo "(b) from launching the dll to the first HTTP 200, Release builds"
echo
echo "| what | s | runs | CPU s (process tree) |"
echo "|---|---:|---|---:|"
echo "| AppHost with no resources (bench/EmptyAppHost) to its dashboard's 200 | $ew | ${empty_wall[*]} | $(median "${empty_cpu[@]}") |"
echo "| bare Blazor Server app (bench/BlazorAnchor) to its 200 | $bw | ${blazor_wall[*]} | $(median "${blazor_cpu[@]}") |"
echo "| **ratio** | **$(ratio "$ew" "$bw")×** | goal ≤ 1.15× | $(ratio "$(median "${empty_cpu[@]}")" "$(median "${blazor_cpu[@]}")")× |"
