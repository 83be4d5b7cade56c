#!/usr/bin/env bash
# Measures the resident agent's idle memory (issue 6: VmRSS under 60 MB): starts the console on a fresh SQLite data
# directory, enrolls an agent, runs it connected and idle for 30 s, then prints its VmRSS and what maps it.
# Usage: bench/agent-rss.sh [build|publish]   (default build; publish measures the README's install command)
# Needs curl; builds Release first. VIGIL_BENCH_AGENT_ENV="DOTNET_X=1 ..." tries runtime knobs on the agent alone.
# VIGIL_BENCH_PUBLISH_ARGS="-r linux-x64 ..." adds publish options; VIGIL_BENCH_IDLE_SECONDS shortens the idle wait.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
idle=${VIGIL_BENCH_IDLE_SECONDS:-30}
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
key=vgl_bench_$(date +%s%N)

dotnet build src/Vigil.Dashboard -c Release -v q -clp:ErrorsOnly >/dev/null
if [ "$mode" = publish ]; then
  out=$(mktemp -d)
  rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  dotnet publish src/Vigil.Agent -c Release -r "$rid" -o "$out" ${VIGIL_BENCH_PUBLISH_ARGS:-} -v q -clp:ErrorsOnly >/dev/null
  agent=(env ${VIGIL_BENCH_AGENT_ENV:-} "$out/vigil-agent")
else
  dotnet build src/Vigil.Agent -c Release -v q -clp:ErrorsOnly >/dev/null
  agent=(env ${VIGIL_BENCH_AGENT_ENV:-} dotnet src/Vigil.Agent/bin/Release/net10.0/vigil-agent.dll)
fi

data=$(mktemp -d)
state=$(mktemp -d)
Vigil__DataDirectory=$data Vigil__Feeds__ImportAtStart=false Vigil__Bootstrap__AdminEmail=bench@vigil.test \
  Vigil__Bootstrap__AdminPassword=Bench-Password-123 Vigil__Bootstrap__ApiKey=$key \
  dotnet src/Vigil.Dashboard/bin/Release/net10.0/Vigil.Dashboard.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
console=$!
trap 'kill $console ${agent_pid:-} 2>/dev/null || true; rm -rf "$data" "$state" ${out:-}' EXIT INT TERM
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.1; done

token=$(curl -sf -H "Authorization: Bearer $key" -H "Content-Type: application/json" -d '{}' \
  "http://127.0.0.1:$port/api/v1/enrollment-tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
"${agent[@]}" enroll --console "http://127.0.0.1:$port" --token "$token" --state-dir "$state" >/dev/null
"${agent[@]}" run --state-dir "$state" >/dev/null 2>&1 &
agent_pid=$!
until curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/nodes" | grep -q '"online"'; do sleep 0.2; done
last_seen() { curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/nodes" | sed -n 's/.*"lastSeen":"\([^"]*\)".*/\1/p'; }
seen_before=$(last_seen)
sleep "$idle"
# The figure only counts if the agent stayed connected and its heartbeats kept landing (a trimmed agent that cannot
# serialize a hub argument would still be resident, but silent).
seen_after=$(last_seen)
for _ in $(seq 40); do [ "$seen_after" != "$seen_before" ] && break; sleep 1; seen_after=$(last_seen); done # beats every 30 s
[ "$seen_after" != "$seen_before" ] || { echo "the agent's heartbeats did not reach the console (lastSeen stuck at $seen_before)" >&2; exit 1; }
echo "heartbeats landing: lastSeen $seen_before -> $seen_after"

echo "largest mappings (RSS kB):"
awk '/^[0-9a-f]+-[0-9a-f]+ / { file = $6 == "" ? "[anon]" : $6 } /^Rss:/ { rss[file] += $2 }
     END { for (f in rss) print rss[f], f }' "/proc/$agent_pid/smaps" | sort -rn | head -8 | sed 's/^/  /'
awk '/^[0-9a-f]+-[0-9a-f]+ / { icu = $6 ~ /libicu/ } /^Rss:/ && icu { kb += $2 } END { print "  libicu*: " kb + 0 " kB" }' "/proc/$agent_pid/smaps"
grep -E '^(RssAnon|RssFile)' "/proc/$agent_pid/status" | sed 's/^/  /' || true
rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$agent_pid/status")
echo "agent ($mode) idle connected ${idle}s: VmRSS $((rss_kb / 1024)).$(( (rss_kb % 1024) * 10 / 1024 )) MB"
