#!/usr/bin/env bash
# The order saga end to end against the database's ceiling, and the CPU each process spends per order; prints tables.
# (a) Ceiling: pgbench TPC-B (scale 10, 8 clients, fsync on) on a throwaway cluster; an order commits 3 write
#     transactions (order + outbox, credit reservation + outbox, settlement + outbox), so orders/s ceiling = tps / 3.
# (b) Saga: the reference AppHost (random ports, a fresh state folder); <orders> orders from <clients> clients through
#     the gateway, each client hearing its order's APPROVED on the notifications stream (SSE) before placing the next.
# (c) CPU seconds per order of each process (utime+stime of each resource's process tree, from /proc).
# Usage: flock /tmp/parity-bench.lock bench/saga.sh [orders=1500] [clients=16]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1500}
clients=${2:-16}
pg=/usr/lib/postgresql/15/bin
scripts/install-prerequisites.sh --bench >/dev/null
dotnet build AppHost -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/SagaLoad -v q -clp:ErrorsOnly >/dev/null

state=$(mktemp -d); chmod 755 "$state"
ceiling_dir=$(mktemp -d)
apphost=""
ceiling_server=""
cleanup() {
  if [ -n "$ceiling_server" ]; then kill -TERM "$ceiling_server" 2>/dev/null || true; wait "$ceiling_server" 2>/dev/null || true; fi
  if [ -n "$apphost" ]; then
    kill -TERM "$apphost" 2>/dev/null || true; wait "$apphost" || true
    dotnet AppHost/bin/Debug/net10.0/AppHost.dll stop --persistent --Parity:StateDirectory="$state" >/dev/null
  fi
  rm -rf "$state" "$ceiling_dir"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores"
# (a) PostgreSQL refuses to run as root: the throwaway cluster belongs to nobody, as the engine's runs as postgres.
as_nobody=()
if [ "$(id -u)" = 0 ]; then chown nobody "$ceiling_dir"; as_nobody=(setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups --); fi
port=$(free_port)
"${as_nobody[@]}" "$pg/initdb" -D "$ceiling_dir/data" -U postgres --auth=trust >/dev/null
"${as_nobody[@]}" "$pg/postgres" -D "$ceiling_dir/data" -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$ceiling_dir" \
  -c fsync=on >"$ceiling_dir/postgres.log" 2>&1 &
ceiling_server=$!
until "$pg/pg_isready" -q -h 127.0.0.1 -p "$port"; do sleep 0.1; done
"$pg/pgbench" -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q postgres >/dev/null 2>&1
tps=$("$pg/pgbench" -h 127.0.0.1 -p "$port" -U postgres -c 8 -j 2 -T 15 postgres 2>/dev/null | awk '/^tps = / {print $3; exit}')
kill -TERM "$ceiling_server"; wait "$ceiling_server" || true; ceiling_server=""
ceiling=$(python3 -c "print(f'{$tps / 3:.1f}')")
printf '%-34s  %9s  %16s\n' "ceiling (pgbench TPC-B, 8 clients)" "tps" "orders/s (tps/3)"
printf '%-34s  %9.1f  %16s\n' "scale 10, fsync on, 15 s" "$tps" "$ceiling"
echo

# (b, c)
NO_COLOR=1 dotnet AppHost/bin/Debug/net10.0/AppHost.dll --Parity:RandomizePorts=true --Parity:StateDirectory="$state" \
  --Parameters:gateway-permits-per-second=100000 >"$state/apphost.log" 2>&1 &
apphost=$!
until grep -qs "All resources up in" "$state/apphost.log"; do
  kill -0 "$apphost" 2>/dev/null || { cat "$state/apphost.log"; exit 1; }
  sleep 0.2
done
dotnet bench/SagaLoad/bin/Debug/net10.0/SagaLoad.dll "$state/run.json" "$orders" "$clients" "$ceiling" "$(getconf CLK_TCK)"
