#!/usr/bin/env bash
# Runs Vigil's whole test suite on a fresh Debian machine: installs what the tests need when it is missing
# (Debian packages, NuGet packages), builds, runs every test project and ends with one line:
#   N passed, N failed, N skipped
# Usage: ./test.sh          everything (what CI runs)
#        ./test.sh --fast   skip the end-to-end project (browser, publish, processes) for everyday work
set -euo pipefail
cd "$(dirname "$0")"

fast=0
[[ "${1:-}" == "--fast" ]] && fast=1

# Debian packages the tests use, each with the command or file that proves it is installed.
requirements=(
  "chromium:chromium"                                            # browser tests (Playwright drives Debian's build)
  "npm:npm"                                                      # the dashboard build bundles the workflow designer
  "docker-registry:docker-registry"                              # registry sources: a real Registry v2 on 127.0.0.1
  "skopeo:skopeo"                                                # image fixtures: copy/convert, push to the registry
  "umoci:umoci"                                                  # image fixtures: OCI layouts
  "htpasswd:apache2-utils"                                       # registry basic auth
  "debootstrap:debootstrap"                                      # Debian rootfs fixture
  "rpmbuild:rpm"                                                 # rpmdb fixture
  "/usr/lib/go-1.19/bin/go:golang-1.19-go"                       # Go 1.19 binary with real stdlib advisories
  "/usr/share/rubygems-integration/all/specifications:ruby"       # installed gemspecs; Gem::Version cross-check
  "/usr/lib/python3/dist-packages/packaging:python3-packaging"   # PEP 440 cross-check
  "/usr/lib/python3/dist-packages/rpm:python3-rpm"               # rpm version cross-check
  "/usr/lib/python3/dist-packages/aiosmtpd:python3-aiosmtpd"     # email channel: a real SMTP server with STARTTLS and AUTH
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1:faketime"  # an agent run under a clock three hours behind
  "podman:podman"                                                # containers an agent discovers (Docker API socket) and scans
  "runc:runc"                                                    # podman's runtime here (crun refuses the VM's hybrid cgroups)
  "/bin/busybox:busybox-static"                                  # a static sleep for containers of the shell-less fixture image
)
missing=()
for requirement in "${requirements[@]}"; do
  probe=${requirement%%:*}
  package=${requirement#*:}
  if [[ $probe == /* ]]; then [[ -e $probe ]] && continue; else command -v "$probe" >/dev/null 2>&1 && continue; fi
  missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  echo "Installing Debian packages the tests need: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The full run builds the slow fixtures too (a debootstrap rootfs takes minutes once, then comes from the cache).
[[ $fast -eq 0 ]] && export VIGIL_BUILD_SLOW_FIXTURES=1
dotnet restore Dashboard.sln -v q
dotnet build Dashboard.sln -c Release --no-restore -v q -clp:ErrorsOnly

projects=()
for project in tests/*.Tests/*.csproj; do
  [[ $fast -eq 1 && "$project" == *EndToEnd* ]] && continue
  projects+=("$project")
done

log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
status=0
for project in "${projects[@]}"; do
  echo "== $(basename "$project" .csproj)"
  code=0
  dotnet test --project "$project" -c Release --no-build >"$out" 2>&1 || code=$?
  cat "$out" >>"$log"
  if [[ $code -eq 0 ]]; then
    grep -E "^\s+(total|failed|succeeded|skipped|duration):" "$out" | paste -sd' ' || true
  else
    status=1
    cat "$out" # the whole output of a failing project: which tests, why
  fi
done

sum() { grep -E "^\s+$1: [0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum succeeded)
failed=$(sum failed)
skipped=$(sum skipped)
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # a test project crashed before reporting: count it rather than hide it
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
