#!/usr/bin/env bash
# Packs every Parity package (one version for all: Parity/Directory.Build.props) into artifacts/packages/.
# Built as on a build server: deterministic, with source paths mapped, so no package holds a path of this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(
  Parity.Hosting Parity.Hosting.PostgreSQL Parity.Hosting.Redis Parity.Hosting.RabbitMQ Parity.Hosting.Minio Parity.Hosting.Yarp
  Parity.Hosting.NodeJs Parity.Hosting.Python
  Parity.Hosting.Kubernetes Parity.Hosting.Docker Parity.Testing Parity.Cli Parity.Templates
)
rm -rf artifacts/packages
for package in "${packages[@]}"; do
  [ -e "Parity/$package" ] || continue
  dotnet pack "Parity/$package" -c Release -p:ContinuousIntegrationBuild=true --nologo -v quiet "$@"
done
ls -l artifacts/packages/*.nupkg
