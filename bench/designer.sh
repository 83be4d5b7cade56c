#!/usr/bin/env bash
# Opens a 200-activity workflow in the designer (headless Chromium) and prints how long it took to open (split into
# page + circuit up to the canvas, and drawing the flow) and the frame times of a scripted pan (requestAnimationFrame deltas, p50/p95). Run it on an idle machine: the figures are
# only as good as the CPU Chromium gets.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Vigil.Dashboard.Tests -c Release -v q -clp:ErrorsOnly
dotnet test --project tests/Vigil.Dashboard.Tests/Vigil.Dashboard.Tests.csproj -c Release --no-build -- \
  --filter-method "*A_definition_with_200_activities_opens_and_pans" >/dev/null
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
cat /tmp/vigil-screenshots/designer-200-frames.txt
