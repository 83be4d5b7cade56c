#!/usr/bin/env bash
# Measures the console's cold start (process start to /healthz 200) and its idle memory (RSS) after a sign-in,
# on a fresh SQLite data directory. Usage: bench/startup.sh [runs]   (needs curl; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/Vigil.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
dll=src/Vigil.Dashboard/bin/Release/net10.0/Vigil.Dashboard.dll
port=5187
email=bench@vigil.test
password=Bench-Password-123

starts=()
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  jar=$(mktemp)
  begin=$(date +%s%N)
  Vigil__DataDirectory=$data Vigil__Bootstrap__AdminEmail=$email Vigil__Bootstrap__AdminPassword=$password \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.02; done
  end=$(date +%s%N)
  starts+=($(( (end - begin) / 1000000 )))

  # Sign in through the real form, open two pages, then let the process settle.
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "http://127.0.0.1:$port/login"
  status=$(curl -s -o /dev/null -w "%{http_code}" -b "$jar" "http://127.0.0.1:$port/api/v1/me")
  curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$port/settings/health"
  sleep 5
  rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  echo "run $run: start ${starts[-1]} ms, signed-in /api/v1/me $status, idle RSS $((rss_kb / 1024)) MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$jar"
done
sorted=($(printf '%s\n' "${starts[@]}" | sort -n))
echo "cold start to /healthz: median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs (min ${sorted[0]}, max ${sorted[-1]})"
