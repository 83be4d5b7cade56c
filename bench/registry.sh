#!/usr/bin/env bash
# Registry scanning benchmark (issue 8): a local docker-registry on 127.0.0.1 holding N image tags (default 200) that
# share their layers (copies of the container image fixture differing only in the config's created date, made with
# umoci), scanned as a whole through the console API. Prints total time, images/min, bytes of blobs the registry
# served (from its access log: shared layers must be pulled once), the console's peak RSS and the load average.
# Usage: bash bench/registry.sh [tags=200]   Needs docker-registry, skopeo, umoci, curl and the container image fixture
# (~/.cache/vigil-fixtures/container-image-1, built by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
tags=${1:-200}
base=${VIGIL_FIXTURE_CACHE:-$HOME/.cache/vigil-fixtures}/container-image-1/oci
[ -d "$base" ] || { echo "missing $base: run the Scanning tests once to build the container image fixture" >&2; exit 1; }
free_port() { python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
rport=$(free_port)
port=$(free_port)
key=vgl_bench_$(date +%s%N)
work=$(mktemp -d)
trap 'kill ${console:-} ${registry:-} 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM

dotnet build src/Vigil.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build plugins/Vigil.Plugins.DockerRegistry -c Release -v q -clp:ErrorsOnly >/dev/null
mkdir -p "$work/plugins" && cp -r plugins/bin/vigil.docker-registry "$work/plugins/"

cat >"$work/registry.yml" <<YAML
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$rport
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry=$!
until curl -sf -o /dev/null "http://127.0.0.1:$rport/v2/"; do sleep 0.1; done

echo "pushing $tags tags sharing layers to 127.0.0.1:$rport ..."
cp -r "$base" "$work/oci"
push_start=$(date +%s)
for i in $(seq 1 "$tags"); do
  umoci config --image "$work/oci:test" --created "$(date -u -d "@$((1700000000 + i * 60))" +%Y-%m-%dT%H:%M:%SZ)" --tag "v$i" >/dev/null
  skopeo copy -q --dest-tls-verify=false "oci:$work/oci:v$i" "docker://127.0.0.1:$rport/bench/app$((i % 10)):v$i" >/dev/null
done
echo "pushed in $(( $(date +%s) - push_start )) s"
: >"$work/registry.log" # count only what the console pulls

Vigil__DataDirectory=$work/data Vigil__Plugins__Directory=$work/plugins Vigil__Feeds__Sources__0=$(pwd)/../shared/feeds \
  Vigil__Bootstrap__AdminEmail=bench@vigil.test Vigil__Bootstrap__AdminPassword=Bench-Password-123 Vigil__Bootstrap__ApiKey=$key \
  Vigil__Scans__QueuedTimeout=01:00:00 \
  dotnet src/Vigil.Dashboard/bin/Release/net10.0/Vigil.Dashboard.dll --urls "http://127.0.0.1:$port" >"$work/console.log" 2>&1 &
console=$!
api() { curl -sf -H "Authorization: Bearer $key" -H "Content-Type: application/json" "$@"; }
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.2; done
until api "http://127.0.0.1:$port/api/v1/feed" | grep -q '"snapshotId":"'; do sleep 1; done

id=$(api -d "{\"name\":\"bench\",\"pluginId\":\"vigil.docker-registry\",\"connectorType\":\"docker-registry\",\"settings\":{\"registry\":\"127.0.0.1:$rport\",\"insecure\":true}}" \
  "http://127.0.0.1:$port/api/v1/integrations" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
peak=0
sample() { local kb; kb=$(awk '/VmRSS/ { print $2 }' "/proc/$console/status"); [ "$kb" -gt "$peak" ] && peak=$kb || true; }
start=$(date +%s.%N)
api -d '{}' "http://127.0.0.1:$port/api/v1/registries/$id/scans" >"$work/accepted.json"
accepted=$(grep -o '"id":"' "$work/accepted.json" | wc -l)
while :; do
  sample
  active=$(api "http://127.0.0.1:$port/api/v1/scans?status=queued&take=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  running=$(api "http://127.0.0.1:$port/api/v1/scans?status=running&take=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [ "$active" = 0 ] && [ "$running" = 0 ] && break
  sleep 0.5
done
end=$(date +%s.%N)
complete=$(api "http://127.0.0.1:$port/api/v1/scans?status=complete&take=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
failed=$(api "http://127.0.0.1:$port/api/v1/scans?status=failed&take=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
# The access log (combined format): "GET /v2/REPO/blobs/DIGEST HTTP/1.1" 200 BYTES; configs read by the listing included.
blob_bytes=$(grep -ao '"GET /v2/[^ ]*/blobs/[^ ]* HTTP/1.1" 200 [0-9]*' "$work/registry.log" | awk '{ s += $NF } END { print s + 0 }')
blob_gets=$(grep -ac '"GET /v2/[^ ]*/blobs/[^ ]* HTTP/1.1" 200' "$work/registry.log" || true)
layer_bytes=$(du -sb "$base/blobs" | cut -f1)
python3 - "$start" "$end" "$accepted" "$complete" "$failed" "${blob_bytes:-0}" "$blob_gets" "$layer_bytes" "$peak" <<'PY'
import sys
start, end, accepted, complete, failed, blob, gets, layout, peak = sys.argv[1:]
seconds = float(end) - float(start)
print(f"scanned {accepted} images ({complete} complete, {failed} failed) in {seconds:.1f} s: {int(complete) / seconds * 60:.0f} images/min")
print(f"registry served {gets} blob GETs, {int(blob) / 1048576:.1f} MiB (one copy of the image's blobs: {int(layout) / 1048576:.1f} MiB)")
print(f"console peak RSS {int(peak) / 1024:.0f} MiB")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
