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
vigil=(src/Vigil.Cli/bin/Release/net10.0/vigil scan --sbom "$work/sbom-1000.json" --store "$work/store" --format json -o "$work/out.json")
"${vigil[@]}" # warm-up: first run after build
walls=()
for _ in 1 2 3 4 5; do
  begin=$(date +%s%N)
  "${vigil[@]}"
  walls+=($(( ($(date +%s%N) - begin) / 1000000 )))
done
sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
echo "vigil scan --sbom (1,000 components, process start included): median ${sorted[2]} ms (min ${sorted[0]}, max ${sorted[4]})"
