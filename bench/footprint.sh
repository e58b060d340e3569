#!/usr/bin/env bash
# Resident memory (VmRSS from /proc) of what a developer keeps running, against its goals; prints a table.
# (1) an AppHost with no resources (bench/EmptyAppHost) and its dashboard, summed, idle once start-up has settled (and
#     their PSS, which counts the framework files both map once);
# (2) the dashboard alone with every cap full (its SQLite storage file, the collector it ships with), loaded over OTLP by
#     bench/DashboardIngest as bench/dashboard.sh does. Release builds.
# Usage: bench/footprint.sh [seconds of OTLP load per protocol, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
dotnet build bench/EmptyAppHost -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build Parity/Parity.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/DashboardIngest -c Release -v q -clp:ErrorsOnly >/dev/null
empty=bench/EmptyAppHost/bin/Release/net10.0/EmptyAppHost.dll
dashboard=Parity/Parity.Dashboard/bin/Release/net10.0/Parity.Dashboard.dll

state=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$state"
}
trap cleanup EXIT
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
# Of the RSS: pages mapped from files (the shared framework's and the app's assemblies, native libraries), the same
# for every .NET process; anonymous memory (GC heap, the runtime's own data); shared memory (the runtime maps the code
# it compiles twice, writable and executable, through a memfd).
file_kib() { awk '/^RssFile:/ { print $2 }' "/proc/$1/status"; }
anon_kib() { awk '/^RssAnon:/ { print $2 }' "/proc/$1/status"; }
shmem_kib() { awk '/^RssShmem:/ { print $2 }' "/proc/$1/status"; }
# Proportional set size: pages shared with other processes (the framework's files, mapped by both) counted once overall.
pss_kib() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup"; }
mib() { echo "scale=0; $1 / 1024" | bc; }
verdict() { [ "$1" -le "$2" ] && echo "met" || echo "not met"; }

NO_COLOR=1 dotnet "$empty" --Parity:RandomizePorts=true --Parity:StateDirectory="$state" >"$state/out.log" 2>&1 &
pid=$!
until grep -q "All resources up in" "$state/out.log"; do kill -0 "$pid"; sleep 0.05; done
sleep 8 # the dashboard's first resource snapshot, tiering and the first collections settle
child=$(cat /proc/"$pid"/task/*/children | tr ' ' '\n' | grep -v '^$' | head -1)
grep -q Parity.Dashboard.dll "/proc/$child/cmdline" || { echo "the AppHost's child $child is not the dashboard" >&2; exit 1; }
apphost_kib=$(rss_kib "$pid"); dashboard_kib=$(rss_kib "$child")
files=$(mib $(($(file_kib "$pid") + $(file_kib "$child")))); anon=$(mib $(($(anon_kib "$pid") + $(anon_kib "$child"))))
files_split="AppHost $(mib "$(file_kib "$pid")") + dashboard $(mib "$(file_kib "$child")")"
anon_split="AppHost $(mib "$(anon_kib "$pid")") + dashboard $(mib "$(anon_kib "$child")")"
shmem=$(mib $(($(shmem_kib "$pid") + $(shmem_kib "$child"))))
idle=$(mib $((apphost_kib + dashboard_kib)))
pss=$(mib $(($(pss_kib "$pid") + $(pss_kib "$child"))))
kill -TERM "$pid"; wait "$pid" || true; pid=""

row=$(dotnet bench/DashboardIngest/bin/Release/net10.0/DashboardIngest.dll "$dashboard" file "$seconds" 4 workstation)
full=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $6); print $6 }')
kept=$(echo "$row" | awk -F'|' '{ gsub(/^ +| +$/, "", $7); print $7 }')

echo "bench/footprint.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, Release builds"
echo
echo "| what | RSS MiB | goal MiB | |"
echo "|---|---:|---:|---|"
echo "| AppHost + dashboard, no resources, idle (AppHost $(mib "$apphost_kib") + dashboard $(mib "$dashboard_kib")) | $idle | 150 | $(verdict "$idle" 150) |"
echo "| of which mapped from files: framework, assemblies, native libraries ($files_split) | $files | | |"
echo "| of which anonymous: GC heaps, runtime data ($anon_split) | $anon | | |"
echo "| of which shared memory: compiled code, mapped twice | $shmem | | |"
echo "| the same, PSS (shared framework pages counted once) | $pss | | for comparison |"
echo "| dashboard with its caps full (SQLite file, workstation GC; kept $kept traces / logs / points) | $full | 300 | $(verdict "$full" 300) |"
