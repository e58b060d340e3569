#!/usr/bin/env bash
# Installs what Parity needs on a Debian/Ubuntu machine, skipping what is already there.
# Backing services run as native processes from these packages: no Docker needed. Node.js and npm run the store's
# JavaScript service (its packages are installed by the run itself, with npm ci, when node_modules is missing).
# --tests adds what only the tests need: the browser that drives the dashboard, python3 for the coverage table, and
# podman (with runc, and a static busybox to make a local image from) to run a container resource for real, and
# docker-compose, whose `config` validates the published deploy/compose/ (it needs no daemon for that).
# --bench adds what the benchmarks under bench/ measure with and against: wrk, and nginx as a reference proxy.
set -euo pipefail

# A program (on PATH, or a full path) and the Debian package that provides it.
requirements=(
  "setpriv                              util-linux"
  "redis-server                         redis-server"
  "/usr/lib/rabbitmq/bin/rabbitmq-server rabbitmq-server"
  "node                                 nodejs"
  "npm                                  npm"
)
[ "${1:-}" = "--tests" ] && requirements+=(
  "chromium                             chromium"
  "python3                              python3"
  "podman                               podman"
  "runc                                 runc"
  "/bin/busybox                         busybox-static"
  "docker-compose                       docker-compose"
)
[ "${1:-}" = "--bench" ] && requirements+=(
  "wrk                                  wrk"
  "nginx                                nginx-light"
  "python3                              python3"
)

missing=()
for requirement in "${requirements[@]}"; do
  read -r program package <<<"$requirement"
  command -v "$program" >/dev/null 2>&1 || missing+=("$package")
done
# PostgreSQL's server binaries live off PATH, under /usr/lib/postgresql/<major>/bin.
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)

if ((${#missing[@]} > 0)); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  # The packages' own services are not needed (Parity starts its own servers); policy-rc.d keeps them from starting.
  echo exit 101 | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux" >&2
  exit 1
fi
