#!/usr/bin/env bash
# Matching benchmarks (issue 5): feed import throughput and store size, matcher time for 1k and 10k components,
# and `vigil scan --sbom` end to end for 1k components (process start included; five runs, median wall time).
# Run from the repository root: bash bench/matching.sh [feeds-dir]
set -euo pipefail
feeds="${1:-../shared/feeds}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release bench/Vigil.Matching.Bench -v q -nologo >/dev/null
dotnet build -c Release src/Vigil.Cli -v q -nologo >/dev/null
dotnet bench/Vigil.Matching.Bench/bin/Release/net10.0/Vigil.Matching.Bench.dll "$feeds" "$work"
dotnet publish src/Vigil.Cli -c Release -r linux-x64 --self-contained false -o "$work/cli" -v q -nologo >/dev/null

# Five timed runs after a warm-up; prints the median wall time, process start included.
time_scan() {
  local label=$1 cli=$2 walls=() begin
  "$cli" scan --sbom "$work/sbom-1000.json" --store "$work/store" --format json -o "$work/out.json"
  for _ in 1 2 3 4 5; do
    begin=$(date +%s%N)
    "$cli" scan --sbom "$work/sbom-1000.json" --store "$work/store" --format json -o "$work/out.json"
    walls+=($(( ($(date +%s%N) - begin) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
  echo "vigil scan --sbom, 1,000 components, $label: median ${sorted[2]} ms (min ${sorted[0]}, max ${sorted[4]})"
}
time_scan "build output (JIT)" src/Vigil.Cli/bin/Release/net10.0/vigil
time_scan "linux-x64 publish (ReadyToRun)" "$work/cli/vigil"
