#!/usr/bin/env bash
# Requests/s and latency of the store's gateway (JWT bearer auth, per-client rate limiting, service discovery, OpenTelemetry
# traces, metrics and logs exported over OTLP/gRPC to a Parity dashboard) against a bare YARP host with one route, nginx and
# the backend itself, all in front of the same small backend, in one run; and the gateway's cost budget: bare YARP with the
# gateway's features added one at a time (bench/BareYarp --Features), each step's CPU µs per request over the one before.
# Every .NET host runs its Release build.
# Usage: flock /tmp/parity-bench.lock bench/gateway.sh [measured seconds, default 6] [connections, default 32]
#   (about 9 targets × (2 s warm-up + measured seconds), plus ~25 s to build and start: ~1.5 min at the default)
# GATEWAY_ENV="NAME=value ..." adds settings to the gateway's environment, to compare one setting against the default.
# GATEWAY_B_ENV="NAME=value ..." also measures a second gateway with those settings added, in the same run (an A/B).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-6}
connections=${2:-32}
warmup=2

command -v wrk >/dev/null && command -v python3 >/dev/null || scripts/install-prerequisites.sh --bench >/dev/null
for project in bench/GatewayBackend bench/BareYarp Services/Gateway Parity/Parity.Dashboard; do
  dotnet build "$project" -c Release -v q -clp:ErrorsOnly >/dev/null
done

state=$(mktemp -d)
pids=()
cleanup() {
  # Latest first: the gateway flushes its telemetry while the dashboard still listens.
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$state"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Waits until a GET of $1 answers with any HTTP status (the proxies answer 401/404 before a token exists).
wait_for() {
  local url=$1 name=$2 log=$3 deadline=$((SECONDS + 60))
  until curl -s -o /dev/null "$url"; do
    if ((SECONDS > deadline)); then echo "$name did not start:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.1
  done
}

start() { # name log command...
  local name=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  pids+=($!)
}

backend_port=$(free_port)
backend=http://127.0.0.1:$backend_port
start backend "$state/backend.log" dotnet bench/GatewayBackend/bin/Release/net10.0/GatewayBackend.dll --urls "$backend"
backend_pid=${pids[-1]}
wait_for "$backend/customers/42" backend "$state/backend.log"

signing_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')

# bench/BareYarp with the features given (comma-separated), in its Development environment, so it takes the gateway's
# development tokens (the same signing key); a permit rate that never refuses; YARP's per-request log off, as the gateway has it.
# Sets started_url and started_pid.
start_yarp() { # name features [NAME=value ...]
  local name=$1 features=$2; shift 2
  started_url=http://127.0.0.1:$(free_port)
  start "$name" "$state/yarp-${features:-bare}.log" env ASPNETCORE_ENVIRONMENT=Development Jwt__SigningKey="$signing_key" \
    RateLimiting__PermitsPerSecond=100000000 "$@" \
    dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll --urls "$started_url" --Backend "$backend" --Features "$features" \
    --Logging:LogLevel:Default=Information --Logging:LogLevel:Microsoft.AspNetCore=Warning --Logging:LogLevel:Yarp=Warning
  started_pid=${pids[-1]}
  wait_for "$started_url/api/customers/42" "$name" "$state/yarp-${features:-bare}.log"
}

start_yarp "bare YARP" ""
yarp=$started_url yarp_pid=$started_pid

nginx_url=""
if command -v nginx >/dev/null; then
  nginx_port=$(free_port)
  mkdir -p "$state/nginx/logs"
  # As root the workers would switch to "nobody", who cannot write the temporary prefix: they run as the caller.
  user_directive=""
  if [ "$(id -u)" = 0 ]; then user_directive="user root;"; fi
  cat >"$state/nginx/nginx.conf" <<CONF
$user_directive
worker_processes 2;
pid $state/nginx/nginx.pid;
error_log $state/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $state/nginx/body;
  proxy_temp_path $state/nginx/proxy;
  fastcgi_temp_path $state/nginx/fastcgi;
  uwsgi_temp_path $state/nginx/uwsgi;
  scgi_temp_path $state/nginx/scgi;
  upstream backend { server 127.0.0.1:$backend_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /api/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  # In the foreground, so its PID is the master's and the trap stops it with its workers.
  start nginx "$state/nginx.log" nginx -p "$state/nginx" -c "$state/nginx/nginx.conf" -g 'daemon off; master_process on;'
  nginx_pid=${pids[-1]}
  nginx_url=http://127.0.0.1:$nginx_port
  wait_for "$nginx_url/api/customers/42" nginx "$state/nginx.log"
fi

# A throwaway dashboard receives the gateway's traces, metrics and logs, as the AppHost's dashboard does.
otlp_key=bench-$RANDOM$RANDOM
otlp_grpc=http://127.0.0.1:$(free_port)
dashboard_frontend=http://127.0.0.1:$(free_port)
browser_token=bench-$RANDOM$RANDOM
Dashboard__OtlpApiKey=$otlp_key Dashboard__BrowserToken=$browser_token \
  start dashboard "$state/dashboard.log" dotnet Parity/Parity.Dashboard/bin/Release/net10.0/Parity.Dashboard.dll \
  --Dashboard:OtlpGrpcUrl="$otlp_grpc" --Dashboard:OtlpHttpUrl=http://127.0.0.1:$(free_port) \
  --Dashboard:FrontendUrl="$dashboard_frontend" --Logging:LogLevel:Microsoft.AspNetCore=Warning
wait_for "$dashboard_frontend/" dashboard "$state/dashboard.log"

# The OpenTelemetry settings the AppHost gives every service locally: OTLP/gRPC to its dashboard, every second.
otlp_env=(OTEL_EXPORTER_OTLP_ENDPOINT=$otlp_grpc OTEL_EXPORTER_OTLP_PROTOCOL=grpc OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key=$otlp_key
  OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=1000
  OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES=true OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES=true
  OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY=in_memory)

# The budget's steps, each adding one feature to the one before. Telemetry is priced twice: recorded only (spans, metrics
# and log records made, no exporter: the instrumentation's cost) and then exported over OTLP to the dashboard.
start_yarp "+ JWT bearer (HS256)" jwt
jwt_url=$started_url jwt_pid=$started_pid
start_yarp "+ rate limit per client" jwt,ratelimit
limit_url=$started_url limit_pid=$started_pid
start_yarp "+ OpenTelemetry recorded" jwt,ratelimit,otel OTEL_SERVICE_NAME=yarp-recorded
recorded_url=$started_url recorded_pid=$started_pid
start_yarp "+ OTLP export" jwt,ratelimit,otel OTEL_SERVICE_NAME=yarp-exported "${otlp_env[@]}"
exported_url=$started_url exported_pid=$started_pid

# The gateway as the AppHost runs it locally: in its project folder (so its appsettings.json applies), Development tokens,
# discovery through services__*, OTLP every second.
# Sets started_url and started_pid.
start_gateway() { # name instance [NAME=value ...]
  local name=$1 instance=$2; shift 2
  started_url=http://127.0.0.1:$(free_port)
  start "$name" "$state/$instance.log" env -C Services/Gateway ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$started_url" \
    Jwt__SigningKey="$signing_key" RateLimiting__PermitsPerSecond=100000000 services__customers__http__0="$backend" \
    OTEL_SERVICE_NAME=gateway OTEL_RESOURCE_ATTRIBUTES=service.instance.id="$instance" "${otlp_env[@]}" \
    "$@" dotnet bin/Release/net10.0/Gateway.dll
  started_pid=${pids[-1]}
  wait_for "$started_url/alive" "$name" "$state/$instance.log"
}

# shellcheck disable=SC2086 # GATEWAY_ENV and GATEWAY_B_ENV are lists of settings.
start_gateway gateway gateway-bench ${GATEWAY_ENV:-}
gateway=$started_url gateway_pid=$started_pid
if [ -n "${GATEWAY_B_ENV:-}" ]; then
  # shellcheck disable=SC2086
  start_gateway "gateway B" gateway-bench-b ${GATEWAY_ENV:-} $GATEWAY_B_ENV
  gateway_b=$started_url gateway_b_pid=$started_pid
fi
token=$(curl -sf -X POST "$gateway/api/token" -H 'Content-Type: application/json' -d '{"user":"bench"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$gateway/api/customers/42")
[ "$status" = 200 ] || { echo "the gateway answered $status with the token" >&2; tail -20 "$state/gateway.log" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "$gateway/api/customers/42")
[ "$status" = 401 ] || { echo "the gateway answered $status without a token" >&2; exit 1; }

# wrk's latency figure (e.g. 812.00us, 1.95ms, 1.02s) in milliseconds.
to_ms() { python3 -c 'import re,sys; v,u=re.fullmatch(r"([\d.]+)(us|ms|s)",sys.argv[1]).groups(); print(float(v)*{"us":0.001,"ms":1,"s":1000}[u])' "$1"; }

# CPU time (user + system, in clock ticks) a process and its children (nginx's workers) have used so far.
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# Prints: name rps p50-ms p99-ms cpu-µs-per-request. The CPU figure is steadier than rps on a shared machine.
measure() { # name url pid
  local out before after rps
  wrk -t2 -c"$connections" -d"${warmup}s" -H "Authorization: Bearer $token" "$2" >/dev/null
  before=$(cpu_ticks "$3")
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$2")
  after=$(cpu_ticks "$3")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1 answered errors:" >&2; echo "$out" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  echo "$1 $rps $(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")" \
    "$(python3 -c "import os,sys; print((int(sys.argv[2])-int(sys.argv[1]))/os.sysconf('SC_CLK_TCK')*1e6/(float(sys.argv[3])*$seconds))" "$before" "$after" "$rps")"
}

for url in "$jwt_url" "$limit_url" "$recorded_url" "$exported_url"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/customers/42")
  [ "$status" = 401 ] || { echo "$url answered $status without a token" >&2; exit 1; }
done

# Anchors first, then the budget's steps in order (each row's step cost is over the row before), then the gateway.
results=("$(measure "backend direct" "$backend/customers/42" "$backend_pid")")
if [ -n "$nginx_url" ]; then results+=("$(measure "nginx (2 workers, keepalive)" "$nginx_url/api/customers/42" "$nginx_pid")"); fi
results+=("$(measure "bare YARP" "$yarp/api/customers/42" "$yarp_pid")")
results+=("$(measure "+ JWT bearer (HS256)" "$jwt_url/api/customers/42" "$jwt_pid")")
results+=("$(measure "+ rate limit per client" "$limit_url/api/customers/42" "$limit_pid")")
results+=("$(measure "+ OpenTelemetry recorded" "$recorded_url/api/customers/42" "$recorded_pid")")
results+=("$(measure "+ OTLP export" "$exported_url/api/customers/42" "$exported_pid")")
results+=("$(measure "gateway (+ discovery, its pipeline)" "$gateway/api/customers/42" "$gateway_pid")")
if [ -n "${gateway_b:-}" ]; then results+=("$(measure "gateway B" "$gateway_b/api/customers/42" "$gateway_b_pid")"); fi

# The telemetry really arrived: the dashboard holds traces and logs of the gateway.
traces=$(curl -sf -H "Authorization: Bearer $browser_token" "$dashboard_frontend/api/traces?resource=gateway" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$traces" -gt 0 ] || { echo "the dashboard received no trace from the gateway" >&2; exit 1; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'): wrk -t2 -c$connections, ${warmup}s warm-up then ${seconds}s measured; Release builds; GET /api/customers/42 → small JSON; ${GATEWAY_ENV:-gateway defaults}${GATEWAY_B_ENV:+; gateway B: $GATEWAY_B_ENV}; its traces reached the dashboard."
echo
printf '%s\n' "${results[@]}" | python3 -c '
import sys
rows = [line.rsplit(" ", 4) for line in sys.stdin.read().splitlines()]
yarp = next(r for r in rows if r[0] == "bare YARP")
print("| target | rps | p50 ms | p99 ms | rps / bare YARP | p99 / bare YARP | CPU µs / request | step µs / request |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
previous = None
for name, rps, p50, p99, cpu in rows:
    # A step adds to the row before; the gateway adds discovery and the rest of its pipeline to the last step; B is set against the gateway.
    step = ""
    if name.startswith("+") or name.startswith("gateway ("):
        step = f"{float(cpu) - float(previous):+.0f}"
    elif name == "gateway B":
        step = f"{float(cpu) - float(gateway_cpu):+.0f} vs gateway"
    if name == "bare YARP" or name.startswith("+") or name.startswith("gateway ("):
        previous = cpu
    if name.startswith("gateway ("):
        gateway_cpu = cpu
    print(f"| {name} | {float(rps):,.0f} | {float(p50):.2f} | {float(p99):.2f} | {float(rps)/float(yarp[1]):.2f}× | {float(p99)/float(yarp[3]):.2f}× | {float(cpu):.0f} | {step} |")
'
