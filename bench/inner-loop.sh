#!/usr/bin/env bash
# The inner loop, in one run on this machine, of the reference AppHost (built beforehand; random ports, a fresh state
# folder): a first F5 to all-healthy (persistent postgres and rabbitmq started cold, the .NET builds then compiled to
# native code in the background), a second F5 (both adopted, every .NET app starting from native code) and the same
# without the native code, then under --watch an edit of one .cs file in customers to customers serving the new code
# through the gateway, with a request loop through the gateway counting every failed request during the swap. Prints a
# table.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build AppHost -v q -clp:ErrorsOnly >/dev/null
dotnet build Services/Customers -v q -clp:ErrorsOnly >/dev/null # the watch build below is then incremental, as in an IDE session

state=$(mktemp -d); chmod 755 "$state"
edited=Services/Customers/Program.cs
cp "$edited" "$state/Program.cs.orig"
apphost=
cleanup() {
  [ -n "$apphost" ] && { kill -TERM "$apphost" 2>/dev/null; wait "$apphost" || true; }
  cp "$state/Program.cs.orig" "$edited"
  dotnet AppHost/bin/Debug/net10.0/AppHost.dll stop --persistent --Parity:StateDirectory="$state" >/dev/null
  rm -rf "$state"
}
trap cleanup EXIT

# Starts the AppHost and waits until everything is up; $up is then its "All resources up in" seconds (from the start
# of its orchestration), $launched the seconds from launching its dll to that line.
run_apphost() {
  local t0; t0=$(date +%s.%N)
  NO_COLOR=1 dotnet AppHost/bin/Debug/net10.0/AppHost.dll --Parity:RandomizePorts=true --Parity:StateDirectory="$state" \
    --Parameters:gateway-permits-per-second=100000 "$@" >"$state/out.log" 2>&1 &
  apphost=$!
  until grep -q "All resources up in" "$state/out.log"; do sleep 0.05; done
  launched=$(echo "$(date +%s.%N) - $t0" | bc)
  up=$(grep -o "All resources up in [0-9.]*" "$state/out.log" | awk '{print $5}')
}
stop_apphost() { kill -TERM "$apphost"; wait "$apphost" || true; apphost=; }

run_apphost; first=$up; first_launched=$launched
# Meanwhile the run compiles its .NET builds to native code in the background, for the next F5 (none without crossgen2).
for _ in $(seq 600); do grep -q "Compiled [0-9]* builds to native code" "$state/out.log" && break; sleep 0.2; done
compiled=$(grep -o "Compiled [0-9]* builds to native code in [0-9.]*" "$state/out.log" | head -1 | awk '{print $2, $NF}')
compiled=${compiled:-"0 -"}
stop_apphost
run_apphost --Parity:ReadyToRun=false; second_jit=$up; stop_apphost
bench/cpu-budget.py snapshot >"$state/cpu-before"
run_apphost; second=$up; second_launched=$launched; adopted=$(grep -c "(adopted)" "$state/out.log" || true)
second_budget=$(bench/cpu-budget.py report "$state/run.json" "$state/cpu-before"); stop_apphost
run_apphost --watch
gateway=$(python3 -c "import json,sys; r=[r for r in json.load(open(sys.argv[1]))['resources'] if r['name']=='gateway'][0]; print(r['urls'][0]['url'])" "$state/run.json")

# The request loop (one client, about 50 requests a second, as a developer's browser and tests might send), and two
# edits, 15 s after the run is up: a new detail in customers' 404, served once the gateway returns it. A failure is
# any answer but that 404.
result=$(python3 - "$gateway" "$edited" <<'PY'
import http.client, json, sys, threading, time, urllib.parse
gateway, edited = sys.argv[1], sys.argv[2]
host = urllib.parse.urlparse(gateway).netloc
def connect():
    return http.client.HTTPConnection(host, timeout=30)
c = connect()
c.request("POST", "/api/token", json.dumps({"user": "bench"}), {"Content-Type": "application/json"})
token = json.loads(c.getresponse().read())["access_token"]
headers = {"Authorization": f"Bearer {token}"}
failed, sent, new_code_at, stop, failures, marker = 0, 0, None, False, {}, None
def get():
    global c
    try:
        c.request("GET", "/api/customers/999999", headers=headers)
        r = c.getresponse(); body = r.read().decode()
        return r.status, body
    except (OSError, http.client.HTTPException):
        c.close(); c = connect(); return None, ""
def loop():
    global failed, sent, new_code_at
    while not stop:
        status, body = get(); sent += 1
        if status != 404: failed += 1; failures[status] = failures.get(status, 0) + 1
        elif new_code_at is None and marker and marker in body: new_code_at = time.monotonic()
        time.sleep(0.02)
t = threading.Thread(target=loop); t.start()
def edit(old, new, served):
    global new_code_at, marker
    new_code_at, marker = None, served
    text = open(edited).read()
    open(edited, "w").write(text.replace(old, new))
    edited_at = time.monotonic()
    while new_code_at is None and time.monotonic() - edited_at < 120: time.sleep(0.05)
    return f"{new_code_at - edited_at:.2f}" if new_code_at else "never"
time.sleep(15)  # a developer reads before editing; meanwhile the run settles and its compiler warms up
first = edit('{id}."', '{id} (edited)."', '999999 (edited).')  # the first edit builds with a compiler started with the run
time.sleep(3)
second = edit('(edited)."', '(edited again)."', '999999 (edited again).')  # the next ones find it warm
time.sleep(1); stop = True; t.join()
print(f"{first} {second} {failed} {sent} {json.dumps(failures).replace(' ', '')}")
PY
)
read -r serving next_serving failed sent by_status <<<"$result"
built=$(grep -o "\[customers\] \[parity\] watch: built in [0-9.]*" "$state/out.log" | head -1 | awk '{print $6}')
swapped=$(grep -oE "\[customers(#[0-9]+)?\] \[parity\] swap: pid [0-9]+ serves after [0-9.]+" "$state/out.log" | head -1 | awk '{print $NF}')

echo "bench/inner-loop.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
echo
printf '%-58s  %s\n' measure value
printf '%-58s  %s s (%.2f s from launching the dll)\n' "first F5 to all-healthy (persistent services cold)" "$first" "$first_launched"
printf '%-58s  %s builds in %s s, in the background\n' "  meanwhile compiled to native code" ${compiled}
printf '%-58s  %s s (%.2f s from launching; %s resources adopted)\n' "second F5 to all-healthy" "$second" "$second_launched" "$adopted"
printf '%-58s  %.2f\n' "second / first" "$(echo "$second / $first" | bc -l)"
printf '%-58s  %s s (%.2f of it)\n' "second F5 without native code (Parity:ReadyToRun=false)" "$second_jit" "$(echo "$second / $second_jit" | bc -l)"
printf '%-58s  %s s\n' "edit of customers' Program.cs to the new code served" "$serving"
printf '%-58s  %s s\n' "  of which the build (the engine's figure)" "$built"
printf '%-58s  %s s\n' "  of which the swap, new process start to serving" "$swapped"
printf '%-58s  %s s\n' "the next edit to the new code served" "$next_serving"
printf '%-58s  %s of %s %s\n' "failed requests through the gateway during both swaps" "$failed" "$sent" "$([ "$failed" = 0 ] || echo "$by_status")"
echo
echo "CPU spent by the second F5, from launching the AppHost to all-healthy:"
echo
echo "$second_budget"
