#!/usr/bin/env bash
# Load test of one console on SQLite: N simulated agents (real enrollment, real /hubs/agent protocol, no scanning)
# heartbeating every 30 s, then M concurrent scans uploading a 2,000-component SBOM built from the shared feeds.
# Usage: bench/load.sh [agents=5000] [scans=50] [steady-seconds=60]      quick: bench/load.sh 500 10 30
set -euo pipefail
cd "$(dirname "$0")/.."
agents=${1:-5000}
scans=${2:-50}
steady=${3:-60}
port=5189
key=vgl_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
ulimit -n "$(ulimit -Hn)" # two sockets per agent plus the console's own: far above the default 1024

dotnet build src/Vigil.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Vigil.Load.Bench -c Release -v q -clp:ErrorsOnly >/dev/null
data=$(mktemp -d)
log=${TMPDIR:-/tmp}/vigil-load-console.log
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; cp "$data/console.log" "$log"; rm -rf "$data"' EXIT

Vigil__DataDirectory=$data Vigil__Bootstrap__AdminEmail=bench@vigil.test Vigil__Bootstrap__AdminPassword=Bench-Password-123 \
  Vigil__Bootstrap__ApiKey=$key Vigil__Feeds__Sources__0=/work/shared/feeds Vigil__Agents__EnrollmentsPerMinute=1000000 \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Vigil.Dashboard/bin/Release/net10.0/Vigil.Dashboard.dll --urls "http://127.0.0.1:$port" >"$data/console.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.1; done
dotnet bench/Vigil.Load.Bench/bin/Release/net10.0/Vigil.Load.Bench.dll "http://127.0.0.1:$port" "$key" "$pid" /work/shared/feeds "$agents" "$scans" "$steady"
echo "console log: $log"
